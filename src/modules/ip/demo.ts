// Demo data of the intellectual property database (never in production): applications for
// patents, utility solutions, trademarks and industrial designs at every stage of examination,
// and the titles granted on them (some expired, some renewed), deterministic (a fixed
// pseudo-random sequence, dates counted back from today), into empty tables only. Its people are
// the population emulator's citizens 500–699: IP agents (500–509), inventors and designers
// (510–599) and individual applicants (600–699). The agents and the first inventors are checked
// with the population database (at most ~55 checks), the others linked unverified for the
// reconciliation to check; five are recorded with a slightly wrong name or birth date and three
// under their legacy 9-digit CMND on purpose.
import type { Kysely } from 'kysely';
import { dayNumber, fromDayNumber } from '../../core/calendar/local-time.ts';
import { toLocalDate } from '../../core/calendar/local-time.ts';
import { applicationNumber, expiryOf, KIND_DIGIT, TERMS, type ApplicationStatus, type IpKind } from '../../core/ip/index.ts';
import type { DB } from '../../db/types.ts';
import { DEMO_BY, demoPeople, type RegistryPeople, type SectorDemoOptions } from '../registries/module.ts';
import { IP_UNIT_ID } from './service.ts';
import { mulberry32 } from '../../core/random.ts';

/** The citizens of the population emulator this registry's demo uses. */
export const DEMO_CITIZENS = { from: 500, to: 699 } as const;
const BY = DEMO_BY;

const FIRMS = ['Công ty Luật TNHH Phạm và Liên danh', 'Công ty TNHH Sở hữu trí tuệ Vision & Associates', 'Công ty TNHH Tư vấn SHTT Ageless', 'Công ty Cổ phần Sở hữu công nghiệp INVESTIP', 'Văn phòng Luật sư Tầm nhìn & Liên danh'];
const ORGS: Array<[string, string | null, string]> = [
  ['Trường Đại học Bách khoa Hà Nội', '0101234567', 'VN'],
  ['Viện Hàn lâm Khoa học và Công nghệ Việt Nam', '0100112233', 'VN'],
  ['Công ty Cổ phần Sữa Việt Nam (Vinamilk)', '0300588569', 'VN'],
  ['Tập đoàn Công nghiệp – Viễn thông Quân đội (Viettel)', '0100109106', 'VN'],
  ['Công ty Cổ phần Tập đoàn Hòa Phát', '0900189284', 'VN'],
  ['Công ty TNHH Rạng Đông', '0101526991', 'VN'],
  ['Trường Đại học Quốc gia TP. Hồ Chí Minh', '0301234560', 'VN'],
  ['Công ty Cổ phần Traphaco', '0100108656', 'VN'],
  ['Hợp tác xã Nông nghiệp Bưởi Phúc Trạch', null, 'VN'],
  ['Samsung Electronics Co., Ltd.', null, 'KR'],
  ['Honda Motor Co., Ltd.', null, 'JP'],
  ['Qualcomm Incorporated', null, 'US'],
];
const SUBJECTS: Record<IpKind, Array<[string, string]>> = {
  patent: [
    ['Phương pháp sản xuất vật liệu nano bạc kháng khuẩn từ dịch chiết lá chè', 'A01N 59/16'],
    ['Hệ thống lọc nước nhiễm mặn sử dụng năng lượng mặt trời', 'C02F 1/14'],
    ['Chế phẩm sinh học xử lý phụ phẩm nông nghiệp thành phân bón hữu cơ', 'C05F 11/08'],
    ['Phương pháp tách chiết curcumin từ củ nghệ vàng', 'C07C 45/79'],
    ['Thiết bị đo nồng độ bụi mịn PM2.5 dùng cảm biến quang học', 'G01N 15/06'],
    ['Hợp chất ức chế enzym DPP-4 dùng trong điều trị đái tháo đường', 'A61K 31/00'],
    ['Phương pháp mã hóa dữ liệu cho mạng 5G', 'H04L 9/08'],
    ['Pin lithium-ion có điện cực graphen', 'H01M 4/583'],
  ],
  utility_solution: [
    ['Máy gặt lúa mini cho ruộng bậc thang', 'A01D 34/00'],
    ['Bếp đun cải tiến dùng trấu', 'F24B 1/00'],
    ['Thiết bị sấy nông sản kết hợp bơm nhiệt', 'F26B 23/00'],
    ['Bộ khung nhà lưới trồng rau thủy canh', 'A01G 9/14'],
    ['Van tiết kiệm nước cho hệ thống tưới nhỏ giọt', 'A01G 25/02'],
  ],
  trademark: [
    ['VINAMILK GREEN FARM', '29, 32'],
    ['Phúc Trạch – bưởi Hương Khê', '31'],
    ['RẠNG ĐÔNG SMART', '9, 11'],
    ['Cà phê Buôn Ma Thuột', '30'],
    ['HOA SEN HOME', '19, 35'],
    ['TRAPHACO HOẠT HUYẾT', '5'],
    ['VIETTEL MONEY', '36, 38, 42'],
    ['Nước mắm Phú Quốc', '30'],
    ['GẠO ST25 ÔNG CUA', '30, 31'],
    ['MỘC CHÂU MILK', '29'],
  ],
  industrial_design: [
    ['Chai đựng nước giải khát', '09-01'],
    ['Đèn LED âm trần', '26-05'],
    ['Xe máy điện', '12-11'],
    ['Ghế văn phòng', '06-01'],
    ['Vỏ điện thoại di động', '14-03'],
    ['Hộp đựng bánh trung thu', '09-03'],
  ],
};
const ABSTRACTS: Record<IpKind, string> = {
  patent: 'Sáng chế đề cập đến giải pháp kỹ thuật có tính mới, trình độ sáng tạo và khả năng áp dụng công nghiệp.',
  utility_solution: 'Giải pháp hữu ích đề cập đến cải tiến kỹ thuật có tính mới và khả năng áp dụng công nghiệp.',
  trademark: '',
  industrial_design: 'Kiểu dáng công nghiệp có tính mới, tính sáng tạo và khả năng áp dụng công nghiệp.',
};

/** The status an application reached, by its age in days (the examination of Law on IP Art. 119 takes months to years). */
function statusByAge(kind: IpKind, age: number, r: number): ApplicationStatus {
  const grantAge = kind === 'patent' ? 1300 : kind === 'utility_solution' ? 900 : kind === 'trademark' ? 600 : 400;
  if (r < 0.04) return 'withdrawn';
  if (age > grantAge) return r < 0.14 ? 'refused' : 'granted';
  if (age > grantAge * 0.4) return 'substantive_examination';
  if (age > 90) return 'published';
  if (age > 30) return 'formality_examined';
  return 'filed';
}

export async function seedIpDemo(deps: { db: Kysely<DB>; people: RegistryPeople; now?: Date }, options: SectorDemoOptions): Promise<number> {
  const { db, people } = deps;
  if (await db.selectFrom('ip_application').select('id').limit(1).executeTakeFirst()) return 0;
  const random = mulberry32(94_17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const today = toLocalDate(deps.now ?? new Date());
  const daysAgo = (n: number) => fromDayNumber(dayNumber(today) - n);

  // The people: the index, how it is recorded, and whether it is checked now.
  const ALTERED = new Set([512, 533, 547, 618, 655]);
  // Agents (500–509), the first inventors (510–549) and the altered and legacy ones are checked.
  const demo = await demoPeople(people, options, {
    registry: 'ip',
    citizens: DEMO_CITIZENS,
    altered: ALTERED,
    legacyCandidate: (i) => i >= 560 && !ALTERED.has(i),
    checked: (i) => i < 550,
  });

  let written = 0;
  await db.transaction().execute(async (trx) => {
    const person = demo.linker(trx);
    // Make sure every altered and legacy person is recorded even if the draw skips them.
    for (const i of [...ALTERED, ...demo.legacy]) await person(i);
    const sequences = new Map<string, number>();
    const KINDS: IpKind[] = ['trademark', 'trademark', 'trademark', 'trademark', 'patent', 'patent', 'industrial_design', 'industrial_design', 'utility_solution', 'utility_solution'];
    let titleSeq = 0;

    for (let n = 0; n < 220; n++) {
      const kind = KINDS[n % KINDS.length]!;
      // Trademarks reach 14 years back (renewals, expiries); the others 7.
      const age = 3 + Math.floor(random() * (kind === 'trademark' ? 5100 : 2500));
      const filingDate = daysAgo(age);
      const year = Number(filingDate.slice(0, 4));
      const key = `${kind}-${year}`;
      const seq = (sequences.get(key) ?? 100 + Math.floor(random() * 50)) + 1 + Math.floor(random() * 40);
      sequences.set(key, seq);
      const [subject, classText] = pick(SUBJECTS[kind]);
      const classes = classText.split(',').map((c) => (kind === 'trademark' ? c.trim().padStart(2, '0') : c.trim()));
      const status = statusByAge(kind, age, random());
      const byPerson = (n + Math.floor(n / 10)) % 10 < 3;
      const org = pick(ORGS);
      const foreign = !byPerson && org[2] !== 'VN';
      const represented = foreign || random() < 0.5;
      // A decision comes after the examination time (Law on IP Art. 119); the steps before it at part of the age.
      const EXAMINATION_DAYS: Record<IpKind, number> = { patent: 1100, utility_solution: 700, trademark: 450, industrial_design: 300 };
      const decided = status === 'granted' || status === 'refused';
      const statusDate = decided
        ? fromDayNumber(Math.min(dayNumber(filingDate) + EXAMINATION_DAYS[kind] + Math.floor(random() * 100), dayNumber(today) - 1))
        : daysAgo(status === 'filed' ? age : Math.max(1, Math.floor(age * (0.5 + random() * 0.3))));
      const published = ['published', 'substantive_examination', 'granted', 'refused'].includes(status) || (status === 'withdrawn' && age > 120);
      const publishedOn = published ? fromDayNumber(Math.min(dayNumber(filingDate) + 60 + Math.floor(random() * 30), dayNumber(statusDate))) : null;
      const claimsPriority = foreign && random() < 0.7;
      const { id } = await trx
        .insertInto('ip_application')
        .values({
          application_no: applicationNumber(kind, year, seq),
          kind,
          filing_date: filingDate,
          priority_date: claimsPriority ? fromDayNumber(dayNumber(filingDate) - 30 - Math.floor(random() * 300)) : null,
          priority_no: claimsPriority ? `${org[2]}${year - 1}${String(Math.floor(random() * 900_000) + 100_000)}` : null,
          priority_country: claimsPriority ? org[2] : null,
          subject,
          abstract: ABSTRACTS[kind],
          classes: JSON.stringify(classes),
          status,
          status_date: statusDate,
          published_on: publishedOn,
          applicant_kind: byPerson ? 'person' : 'organization',
          applicant_person_id: byPerson ? await person(600 + (n % 100)) : null,
          applicant_org_name: byPerson ? null : org[0],
          applicant_tax_code: byPerson ? null : org[1],
          applicant_address: byPerson ? pick(['Phường Dịch Vọng, Hà Nội', 'Phường Bến Nghé, TP. Hồ Chí Minh', 'Phường Hải Châu, Đà Nẵng', 'Xã Phúc Trạch, Hà Tĩnh']) : foreign ? '' : pick(['Hà Nội', 'TP. Hồ Chí Minh', 'Hà Tĩnh', 'Đà Nẵng']),
          applicant_country: byPerson ? 'VN' : org[2],
          representative_person_id: represented ? await person(500 + (n % 10)) : null,
          representative_firm: represented ? FIRMS[n % FIRMS.length]! : null,
          unit_id: IP_UNIT_ID,
          created_by: BY,
          updated_by: BY,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      written++;
      if (kind !== 'trademark') {
        const count = 1 + Math.floor(random() * 3);
        const first = 510 + Math.floor(random() * 90);
        const inventors = [...new Set(Array.from({ length: count }, (_, k) => 510 + ((first - 510 + k * 17) % 90)))];
        for (const [k, i] of inventors.entries()) await trx.insertInto('ip_application_inventor').values({ application_id: id, position: k + 1, person_id: await person(i) }).execute();
      }
      if (status === 'granted') {
        // Renewed as many times as its term needed, so that old marks and designs are mostly in force.
        const base = expiryOf(kind, filingDate);
        const term = TERMS[kind];
        let renewals = 0;
        while (renewals < term.maxRenewals && dayNumber(expiryOf(kind, filingDate, renewals)) < dayNumber(today) && random() < 0.75) renewals++;
        titleSeq += 1 + Math.floor(random() * 5);
        await trx
          .insertInto('ip_title')
          .values({
            title_no: `${KIND_DIGIT[kind]}-${String(10_000 + titleSeq * 131 + (kind === 'trademark' ? 400_000 : 30_000)).padStart(7, '0')}`,
            application_id: id,
            granted_on: statusDate,
            expires_on: renewals > 0 ? expiryOf(kind, filingDate, renewals) : base,
            renewals,
            status: n % 41 === 40 ? 'terminated' : n % 67 === 66 ? 'invalidated' : 'in_force',
            holder_kind: byPerson ? 'person' : 'organization',
            holder_person_id: byPerson ? await person(600 + (n % 100)) : null,
            holder_org_name: byPerson ? null : org[0],
            unit_id: IP_UNIT_ID,
            created_by: BY,
            updated_by: BY,
          })
          .execute();
        written++;
      }
    }
  });
  return written;
}
