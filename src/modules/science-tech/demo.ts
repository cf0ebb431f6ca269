// Demo data of the national science and technology database (never in production): programmes,
// S&T organizations, researchers and tasks with their members, deterministic (a fixed
// pseudo-random sequence, dates counted back from today), into empty tables only. Its people are
// the population emulator's citizens 100–299: the heads of the first organizations and the first
// researchers are checked with the population database (at most ~60 checks), the others linked
// unverified for the reconciliation to check; five are recorded with a slightly wrong name or
// birth date and three under their legacy 9-digit CMND on purpose.
import type { Kysely } from 'kysely';
import { dayNumber, fromDayNumber, toLocalDate } from '../../core/calendar/local-time.ts';
import type { AcademicTitle, AcceptanceResult, Degree, OrgKind, OrgOwnership, StField, TaskLevel, TaskStatus } from '../../core/science-tech/index.ts';
import type { DB } from '../../db/types.ts';
import { DEMO_BY, demoPeople, type RegistryPeople, type SectorDemoOptions } from '../registries/module.ts';
import { ST_UNIT_ID } from './service.ts';
import { mulberry32 } from '../../core/random.ts';

/** The citizens of the population emulator this registry's demo uses. */
export const DEMO_CITIZENS = { from: 100, to: 299 } as const;
const BY = DEMO_BY;

// [name, English name, abbreviation, kind, ownership, fields, province, issuer: 'A' (the Ministry) or a province code]
const ORGANIZATIONS: Array<[string, string, string, OrgKind, OrgOwnership, StField[], string, string]> = [
  ['Viện Vật lý', 'Institute of Physics', 'IOP', 'research', 'public', ['natural'], 'Hà Nội', 'A'],
  ['Viện Toán học', 'Institute of Mathematics', 'VIM', 'research', 'public', ['natural'], 'Hà Nội', 'A'],
  ['Viện Hóa học', 'Institute of Chemistry', 'ICH', 'research', 'public', ['natural', 'engineering'], 'Hà Nội', 'A'],
  ['Viện Công nghệ sinh học', 'Institute of Biotechnology', 'IBT', 'research', 'public', ['natural', 'agricultural'], 'Hà Nội', 'A'],
  ['Viện Khoa học vật liệu', 'Institute of Materials Science', 'IMS', 'research', 'public', ['engineering'], 'Hà Nội', 'A'],
  ['Viện Công nghệ thông tin', 'Institute of Information Technology', 'IOIT', 'research', 'public', ['engineering'], 'Hà Nội', 'A'],
  ['Viện Hải dương học', 'Institute of Oceanography', 'IO', 'research', 'public', ['natural'], 'Khánh Hòa', 'A'],
  ['Viện Khoa học Nông nghiệp Việt Nam', 'Vietnam Academy of Agricultural Sciences', 'VAAS', 'research', 'public', ['agricultural'], 'Hà Nội', 'A'],
  ['Viện Lúa đồng bằng sông Cửu Long', 'Cuu Long Delta Rice Research Institute', 'CLRRI', 'research', 'public', ['agricultural'], 'Cần Thơ', 'A'],
  ['Viện Vệ sinh dịch tễ Trung ương', 'National Institute of Hygiene and Epidemiology', 'NIHE', 'research', 'public', ['medical'], 'Hà Nội', 'A'],
  ['Viện Pasteur Thành phố Hồ Chí Minh', 'Pasteur Institute in Ho Chi Minh City', 'PI-HCM', 'research', 'public', ['medical'], 'TP. Hồ Chí Minh', 'A'],
  ['Viện Xã hội học', 'Institute of Sociology', 'IOS', 'research', 'public', ['social'], 'Hà Nội', 'A'],
  ['Viện Sử học', 'Institute of History', 'IOH', 'research', 'public', ['humanities'], 'Hà Nội', 'A'],
  ['Viện Ngôn ngữ học', 'Institute of Linguistics', 'VIL', 'research', 'public', ['humanities'], 'Hà Nội', 'A'],
  ['Viện Kinh tế Việt Nam', 'Vietnam Institute of Economics', 'VIE', 'research', 'public', ['social'], 'Hà Nội', 'A'],
  ['Trường Đại học Bách khoa Hà Nội', 'Hanoi University of Science and Technology', 'HUST', 'higher-education', 'public', ['engineering', 'natural'], 'Hà Nội', 'A'],
  ['Trường Đại học Khoa học Tự nhiên, Đại học Quốc gia Hà Nội', 'VNU University of Science', 'HUS', 'higher-education', 'public', ['natural'], 'Hà Nội', 'A'],
  ['Trường Đại học Bách khoa, Đại học Quốc gia TP. Hồ Chí Minh', 'Ho Chi Minh City University of Technology', 'HCMUT', 'higher-education', 'public', ['engineering'], 'TP. Hồ Chí Minh', 'A'],
  ['Trường Đại học Cần Thơ', 'Can Tho University', 'CTU', 'higher-education', 'public', ['agricultural', 'natural'], 'Cần Thơ', 'A'],
  ['Trường Đại học Y Hà Nội', 'Hanoi Medical University', 'HMU', 'higher-education', 'public', ['medical'], 'Hà Nội', 'A'],
  ['Trường Đại học Đà Nẵng', 'The University of Danang', 'UD', 'higher-education', 'public', ['engineering', 'social'], 'Đà Nẵng', 'A'],
  ['Trường Đại học Huế', 'Hue University', 'HUEUNI', 'higher-education', 'public', ['medical', 'agricultural'], 'Thừa Thiên Huế', 'A'],
  ['Trường Đại học FPT', 'FPT University', 'FPTU', 'higher-education', 'non-public', ['engineering'], 'Hà Nội', 'A'],
  ['Trường Đại học Phenikaa', 'Phenikaa University', 'PKA', 'higher-education', 'non-public', ['engineering', 'natural'], 'Hà Nội', 'A'],
  ['Viện Nghiên cứu Dữ liệu lớn VinBigdata', 'VinBigdata Institute', 'VINBIG', 'research', 'non-public', ['engineering'], 'Hà Nội', 'HN'],
  ['Viện Nghiên cứu Cao cấp về Toán', 'Vietnam Institute for Advanced Study in Mathematics', 'VIASM', 'research', 'public', ['natural'], 'Hà Nội', 'A'],
  ['Trung tâm Ứng dụng Tiến bộ Khoa học và Công nghệ Hà Nội', 'Hanoi Centre for Application of S&T Advances', 'CAST-HN', 'service', 'public', ['engineering', 'agricultural'], 'Hà Nội', 'HN'],
  ['Trung tâm Thông tin và Thống kê Khoa học và Công nghệ TP. Hồ Chí Minh', 'HCMC Centre for S&T Information and Statistics', 'CESTI', 'service', 'public', ['social'], 'TP. Hồ Chí Minh', '79'],
  ['Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Đà Nẵng', 'Danang Centre for Standards, Metrology and Quality', 'QUATEST-DN', 'service', 'public', ['engineering'], 'Đà Nẵng', '48'],
  ['Công ty Cổ phần Công nghệ Sinh học Nông nghiệp Xanh', 'Green Agri-Biotech JSC', 'GAB', 'research', 'non-public', ['agricultural'], 'Nghệ An', '40'],
  ['Viện Nghiên cứu Ứng dụng Công nghệ Vật liệu Mới Hải Phòng', 'Haiphong Institute of New Materials', 'HINM', 'research', 'non-public', ['engineering'], 'Hải Phòng', '31'],
  ['Trung tâm Nghiên cứu và Chuyển giao Công nghệ Thủy sản Cần Thơ', 'Can Tho Aquaculture Technology Transfer Centre', 'CAT', 'service', 'non-public', ['agricultural'], 'Cần Thơ', '92'],
  ['Viện Nghiên cứu Y dược học Cổ truyền Thanh Hóa', 'Thanh Hoa Institute of Traditional Medicine', 'TITM', 'research', 'non-public', ['medical'], 'Thanh Hóa', '38'],
  ['Trung tâm Phát triển Khoa học và Công nghệ Trẻ', 'Centre for Young Scientists', 'CYS', 'service', 'non-public', ['engineering', 'social'], 'Hà Nội', 'HN'],
  ['Viện Nghiên cứu Trí tuệ nhân tạo Quang Trung', 'Quang Trung AI Research Institute', 'QTAI', 'research', 'non-public', ['engineering'], 'TP. Hồ Chí Minh', '79'],
  ['Công ty TNHH Nghiên cứu Pin năng lượng Mặt Trời Bình Dương', 'Binh Duong Solar Cell Research Ltd', 'BDSOLAR', 'research', 'foreign', ['engineering'], 'Bình Dương', '74'],
];
const PROVINCE_AGENCY: Record<string, string> = {
  A: 'Bộ Khoa học và Công nghệ',
  HN: 'Sở Khoa học và Công nghệ Hà Nội',
  '79': 'Sở Khoa học và Công nghệ TP. Hồ Chí Minh',
  '48': 'Sở Khoa học và Công nghệ Đà Nẵng',
  '40': 'Sở Khoa học và Công nghệ Nghệ An',
  '31': 'Sở Khoa học và Công nghệ Hải Phòng',
  '92': 'Sở Khoa học và Công nghệ Cần Thơ',
  '38': 'Sở Khoa học và Công nghệ Thanh Hóa',
  '74': 'Sở Khoa học và Công nghệ Bình Dương',
};
const STREETS = ['Hoàng Quốc Việt', 'Đại Cồ Việt', 'Nguyễn Trãi', 'Lý Thường Kiệt', 'Trần Hưng Đạo', 'Xuân Thủy', '3 tháng 2', 'Nguyễn Văn Cừ'];

const PROGRAMMES: Array<[string, string, TaskLevel, string, number, number]> = [
  ['KC.4.0/19-25', 'Chương trình khoa học và công nghệ cấp quốc gia: Hỗ trợ nghiên cứu, phát triển và ứng dụng công nghệ của công nghiệp 4.0', 'national', 'Bộ Khoa học và Công nghệ', 2019, 2025],
  ['KC.01/21-30', 'Chương trình nghiên cứu, ứng dụng và phát triển công nghệ số', 'national', 'Bộ Khoa học và Công nghệ', 2021, 2030],
  ['ĐTĐL', 'Đề tài độc lập cấp quốc gia', 'national', 'Bộ Khoa học và Công nghệ', 2016, 2030],
  ['NTMN/21-25', 'Chương trình phát triển khoa học và công nghệ phục vụ xây dựng nông thôn mới', 'national', 'Bộ Khoa học và Công nghệ', 2021, 2025],
  ['HN.KHCN/21-25', 'Chương trình khoa học và công nghệ trọng điểm thành phố Hà Nội', 'provincial', 'Sở Khoa học và Công nghệ Hà Nội', 2021, 2025],
];

const TOPICS: Record<StField, string[]> = {
  natural: ['Nghiên cứu tính chất quang của vật liệu perovskite hai chiều', 'Phương trình đạo hàm riêng phi tuyến và ứng dụng', 'Đa dạng sinh học rạn san hô vùng biển Khánh Hòa', 'Tổng hợp xúc tác nano cho phản ứng tách nước'],
  engineering: ['Phát triển hệ thống nhận dạng tiếng nói tiếng Việt', 'Chế tạo pin lithium-ion thế hệ mới từ vật liệu trong nước', 'Ứng dụng trí tuệ nhân tạo trong chẩn đoán hình ảnh y tế', 'Hệ thống giám sát sạt lở đất thời gian thực dùng IoT', 'Nền tảng dữ liệu mở phục vụ chính phủ số'],
  medical: ['Đánh giá hiệu quả vắc-xin phòng bệnh tay chân miệng', 'Nghiên cứu gen kháng thuốc của vi khuẩn lao tại Việt Nam', 'Bào chế thuốc từ dược liệu sâm Ngọc Linh', 'Mô hình quản lý bệnh đái tháo đường tại tuyến y tế cơ sở'],
  agricultural: ['Chọn tạo giống lúa chịu mặn cho đồng bằng sông Cửu Long', 'Quy trình nuôi tôm thẻ chân trắng tuần hoàn', 'Chế phẩm sinh học phòng trừ sâu bệnh hại cà phê', 'Giống bưởi không hạt cho vùng trung du'],
  social: ['Tác động của chuyển đổi số đến lao động nông thôn', 'Chính sách phát triển thị trường khoa học và công nghệ', 'Mô hình kinh tế tuần hoàn ở khu công nghiệp'],
  humanities: ['Nghiên cứu văn bia Hán Nôm thời Lê sơ', 'Từ điển phương ngữ Nam Bộ', 'Lịch sử vùng đất Nam Bộ thế kỷ XVII–XVIII'],
};
const SPECIALIZATIONS: Record<StField, string[]> = {
  natural: ['Vật lý chất rắn', 'Toán giải tích', 'Hóa hữu cơ', 'Sinh học biển'],
  engineering: ['Khoa học máy tính', 'Khoa học vật liệu', 'Kỹ thuật điện tử', 'Trí tuệ nhân tạo'],
  medical: ['Dịch tễ học', 'Vi sinh y học', 'Dược học'],
  agricultural: ['Chọn giống cây trồng', 'Nuôi trồng thủy sản', 'Bảo vệ thực vật'],
  social: ['Xã hội học', 'Kinh tế phát triển'],
  humanities: ['Hán Nôm', 'Ngôn ngữ học', 'Sử học'],
};
const POSITIONS = ['Nghiên cứu viên', 'Nghiên cứu viên chính', 'Nghiên cứu viên cao cấp', 'Giảng viên', 'Giảng viên chính', 'Trưởng phòng thí nghiệm', 'Phó Viện trưởng'];
const LEVEL_PREFIX: Record<TaskLevel, string> = { national: 'ĐTĐL.CN', ministry: 'ĐTCB', provincial: 'ĐT.TP', grassroots: 'CS' };
const BUDGET: Record<TaskLevel, [number, number]> = { national: [3_000, 12_000], ministry: [500, 3_000], provincial: [300, 2_500], grassroots: [30, 300] };

export async function seedScienceTechDemo(deps: { db: Kysely<DB>; people: RegistryPeople; now?: Date }, options: SectorDemoOptions): Promise<number> {
  const { db, people } = deps;
  if (await db.selectFrom('st_organization').select('id').limit(1).executeTakeFirst()) return 0;
  const random = mulberry32(94_15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const today = toLocalDate(deps.now ?? new Date());
  const todayN = dayNumber(today);
  const day = (n: number) => fromDayNumber(n);

  // The people: heads of organizations 100–135, researchers 140–259, other members 260–299.
  const ALTERED = new Set([105, 128, 152, 177, 233]);
  // Checked now: the first 20 heads and the first 30 researchers, with the altered and legacy ones.
  const demo = await demoPeople(people, options, {
    registry: 'st',
    citizens: DEMO_CITIZENS,
    altered: ALTERED,
    legacyCandidate: (i) => i >= 150 && !ALTERED.has(i),
    checked: (i) => i < 120 || (i >= 140 && i < 170),
  });

  let written = 0;
  await db.transaction().execute(async (trx) => {
    const person = demo.linker(trx);

    const programmeIds: string[] = [];
    for (const [code, name, level, agency, startYear, endYear] of PROGRAMMES) {
      const row = await trx.insertInto('st_programme').values({ code, name, level, managing_agency: agency, start_year: startYear, end_year: endYear, created_by: BY }).returning('id').executeTakeFirstOrThrow();
      programmeIds.push(row.id);
      written++;
    }

    const orgs: Array<{ id: string; fields: StField[] }> = [];
    const serial = new Map<string, number>();
    for (const [n, [name, nameEn, abbreviation, kind, ownership, fields, province, issuer]] of ORGANIZATIONS.entries()) {
      const next = (serial.get(issuer) ?? (issuer === 'A' ? 1040 : 100)) + between(1, 40);
      serial.set(issuer, next);
      const row = await trx
        .insertInto('st_organization')
        .values({
          registration_no: `${issuer}-${next}`,
          registered_on: day(todayN - between(200, 4000)),
          issuing_agency: PROVINCE_AGENCY[issuer]!,
          name,
          name_en: nameEn,
          abbreviation,
          kind,
          ownership,
          fields: JSON.stringify(fields),
          tax_code: `01${String(10_000_000 + n * 48_611).slice(0, 8)}`,
          address: `Số ${between(1, 300)} đường ${pick(STREETS)}, ${province}`,
          province,
          head_person_id: await person(100 + n),
          status: n === 33 ? 'suspended' : n === 29 ? 'dissolved' : 'active',
          unit_id: ST_UNIT_ID,
          created_by: BY,
          updated_by: BY,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgs.push({ id: row.id, fields });
      written++;
    }

    // 120 researchers (citizens 140–259), each in an organization of their field.
    const researcherField = new Map<number, StField>();
    for (let i = 140; i < 260; i++) {
      const org = orgs[(i - 140) % orgs.length]!;
      const field = org.fields[(i >> 1) % org.fields.length]!;
      const degree: Degree = pick(['master', 'doctor', 'doctor', 'doctor', 'dsc', 'bachelor']);
      const title: AcademicTitle | null = degree === 'doctor' || degree === 'dsc' ? pick([null, null, 'associate-professor', 'professor'] as const) : null;
      researcherField.set(i, field);
      await trx
        .insertInto('st_researcher')
        .values({
          person_id: await person(i),
          degree,
          title,
          field,
          specialization: pick(SPECIALIZATIONS[field]),
          organization_id: org.id,
          position: pick(POSITIONS),
          unit_id: ST_UNIT_ID,
          created_by: BY,
          updated_by: BY,
        })
        .execute();
      written++;
    }

    // 150 tasks: the principal investigator a researcher, 2–4 members (researchers or citizens 260–299).
    const counters = new Map<string, number>();
    for (let n = 0; n < 150; n++) {
      const piIndex = 140 + ((n * 7) % 120);
      const field = researcherField.get(piIndex)!;
      const level: TaskLevel = n % 10 < 2 ? 'national' : n % 10 < 5 ? 'ministry' : n % 10 < 8 ? 'provincial' : 'grassroots';
      const startN = todayN - between(30, 2200);
      const months = level === 'grassroots' ? between(6, 12) : level === 'national' ? between(24, 48) : between(12, 36);
      const endN = startN + Math.round(months * 30.4);
      let status: TaskStatus;
      if (startN > todayN - 90) status = pick(['proposed', 'approved'] as const);
      else if (endN < todayN - 60) status = random() < 0.85 ? 'accepted' : 'cancelled';
      else status = random() < 0.9 ? 'in_progress' : 'cancelled';
      const acceptedOn = status === 'accepted' ? day(Math.min(endN + between(10, 50), todayN)) : null;
      const acceptanceResult: AcceptanceResult | null = status === 'accepted' ? pick(['pass', 'pass', 'pass', 'excellent', 'fail'] as const) : null;
      const yy = day(startN).slice(2, 4);
      const prefix = LEVEL_PREFIX[level];
      const seq = (counters.get(prefix + yy) ?? 0) + 1;
      counters.set(prefix + yy, seq);
      const programme = level === 'national' ? pick([0, 1, 2, 3]) : level === 'provincial' && random() < 0.5 ? 4 : null;
      const host = orgs.find((o) => o.fields.includes(field)) && random() < 0.5 ? orgs.filter((o) => o.fields.includes(field))[n % orgs.filter((o) => o.fields.includes(field)).length]! : orgs[(piIndex - 140) % orgs.length]!;
      const [lo, hi] = BUDGET[level];
      const task = await trx
        .insertInto('st_task')
        .values({
          code: `${prefix}-${String(seq).padStart(2, '0')}/${yy}`,
          title: `${pick(TOPICS[field])}${n >= 30 ? ` (giai đoạn ${(n % 3) + 1})` : ''}`,
          level,
          programme_id: programme === null ? null : programmeIds[programme]!,
          field,
          host_org_id: host.id,
          pi_person_id: await person(piIndex),
          budget_vnd: between(lo, hi) * 1_000_000,
          start_on: day(startN),
          end_on: day(endN),
          status,
          accepted_on: acceptedOn,
          acceptance_result: acceptanceResult,
          unit_id: ST_UNIT_ID,
          created_by: BY,
          updated_by: BY,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const memberIndexes = new Set<number>();
      const size = between(2, 4);
      while (memberIndexes.size < size) {
        const m = random() < 0.6 ? 140 + Math.floor(random() * 120) : 260 + Math.floor(random() * 40);
        if (m !== piIndex) memberIndexes.add(m);
      }
      let order = 0;
      for (const m of memberIndexes) {
        await trx.insertInto('st_task_member').values({ task_id: task.id, person_id: await person(m), role: order === 0 ? 'secretary' : 'member', sort_order: order }).execute();
        order++;
      }
      written++;
    }
  });
  return written;
}
