// Demo data of the standards, metrology and quality database (never in production): registered
// bodies, verifications of measuring instruments (owned by organizations and by households),
// certificates and conformity announcements, deterministic (a fixed pseudo-random sequence,
// dates counted back from today), into empty tables only. Its people are the population
// emulator's citizens 700–899: the heads of bodies, representatives and some owners are checked
// with the population database (at most ~60 checks), the others linked unverified for the
// reconciliation to check; five are recorded with a slightly wrong name or birth date and three
// under their legacy 9-digit CMND on purpose.
import type { Kysely } from 'kysely';
import { fromDayNumber } from '../../core/calendar/local-time.ts';
import { dayNumber } from '../../core/calendar/local-time.ts';
import { BODY_FIELDS, localToday, maxValidUntil, type BodyField, type BodyKind } from '../../core/stameq/index.ts';
import type { DB } from '../../db/types.ts';
import { DEMO_BY, demoPeople, type RegistryPeople, type SectorDemoOptions } from '../registries/module.ts';
import { STAMEQ_UNIT_ID } from './service.ts';
import { mulberry32 } from '../../core/random.ts';

/** The citizens of the population emulator this registry's demo uses. */
export const DEMO_CITIZENS = { from: 700, to: 899 } as const;
const BY = DEMO_BY;

const PROVINCES = ['Hà Nội', 'TP. Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Nghệ An', 'Thanh Hóa', 'Khánh Hòa', 'Quảng Ninh', 'Bình Dương'];
const BODY_NAMES: Array<[BodyKind, string, BodyField[], string]> = [
  ['verification', 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1', ['metrology'], 'Kiểm định công tơ điện, đồng hồ nước, cân, cột đo xăng dầu, taximet'],
  ['verification', 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 2', ['metrology'], 'Kiểm định công tơ điện, cân ô tô, cột đo xăng dầu'],
  ['verification', 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 3', ['metrology'], 'Kiểm định đồng hồ nước, huyết áp kế, phương tiện đo nồng độ cồn'],
  ['verification', 'Viện Đo lường Việt Nam', ['metrology'], 'Kiểm định, hiệu chuẩn phương tiện đo nhóm 2'],
  ['verification', 'Trung tâm Kiểm định Điện lực miền Bắc', ['metrology', 'electrical'], 'Kiểm định công tơ điện 1 pha, 3 pha'],
  ['verification', 'Trung tâm Đo lường Cấp nước Sài Gòn', ['metrology'], 'Kiểm định đồng hồ đo nước lạnh'],
  ['verification', 'Công ty Cổ phần Kiểm định Cân Đo lường Miền Trung', ['metrology'], 'Kiểm định cân ô tô, cân bàn, cân đồng hồ lò xo'],
  ['verification', 'Trung tâm Kiểm định Taximet và Phương tiện giao thông', ['metrology'], 'Kiểm định taximet, phương tiện đo tốc độ'],
  ['certification', 'Trung tâm Chứng nhận Phù hợp (QUACERT)', ['electrical', 'construction', 'consumer-goods', 'management-systems'], 'Chứng nhận hợp quy thiết bị điện, vật liệu xây dựng, đồ chơi trẻ em; ISO 9001'],
  ['certification', 'Công ty TNHH Chứng nhận Kiểm định Vinacontrol', ['food', 'construction', 'chemicals'], 'Chứng nhận hợp quy thực phẩm, xi măng, phân bón'],
  ['certification', 'Công ty Cổ phần Chứng nhận và Giám định IQC', ['construction', 'mechanical'], 'Chứng nhận hợp quy thép, vật liệu xây dựng'],
  ['certification', 'Trung tâm Chứng nhận Chất lượng và Phát triển Doanh nghiệp', ['consumer-goods', 'management-systems'], 'Chứng nhận hợp chuẩn mũ bảo hiểm, đồ chơi; ISO 14001'],
  ['testing', 'Trung tâm Kỹ thuật 1 – Phòng thử nghiệm Điện – Điện tử', ['electrical'], 'Thử nghiệm an toàn thiết bị điện gia dụng theo QCVN 4:2009/BKHCN'],
  ['testing', 'Phòng thử nghiệm Vật liệu xây dựng LAS-XD 125', ['construction'], 'Thử nghiệm xi măng, cốt liệu, thép xây dựng'],
  ['testing', 'Viện Kiểm nghiệm An toàn Vệ sinh Thực phẩm Quốc gia', ['food'], 'Thử nghiệm chỉ tiêu vi sinh, kim loại nặng trong thực phẩm'],
  ['testing', 'Trung tâm Quan trắc và Thử nghiệm Môi trường', ['environment', 'chemicals'], 'Thử nghiệm nước, không khí, hóa chất'],
  ['inspection', 'Công ty Cổ phần Giám định Vinacomin', ['mechanical', 'chemicals'], 'Giám định than, khoáng sản, hàng hóa xuất nhập khẩu'],
  ['inspection', 'Công ty TNHH Giám định Hàng hóa Sài Gòn', ['consumer-goods', 'food'], 'Giám định chất lượng hàng hóa nhập khẩu'],
  ['inspection', 'Trung tâm Giám định Chất lượng Xây dựng', ['construction'], 'Giám định chất lượng công trình, vật liệu'],
  ['testing', 'Phòng thử nghiệm Cơ khí – Luyện kim', ['mechanical'], 'Thử nghiệm cơ tính kim loại, mối hàn'],
];
const KIND_CODE: Record<BodyKind, string> = { certification: 'CN', testing: 'TN', inspection: 'GĐ', verification: 'KĐ' };

const INSTRUMENTS: Array<{ type: string; cycle: number; models: string[]; makers: string[]; orgs: string[] }> = [
  { type: 'cong-to-dien-1-pha', cycle: 60, models: ['VSE11-20', 'DDS26D', 'CE-18'], makers: ['EMIC', 'Gelex', 'Vinasino'], orgs: ['Công ty Điện lực Hoàn Kiếm', 'Công ty Điện lực Cầu Giấy', 'Công ty Điện lực Thủ Đức'] },
  { type: 'cong-to-dien-3-pha', cycle: 24, models: ['MV3E4', 'ME-41'], makers: ['EMIC', 'Landis+Gyr'], orgs: ['Công ty Cổ phần Thép Hòa Phát Hải Dương', 'Công ty TNHH Dệt may Thành Công'] },
  { type: 'dong-ho-nuoc', cycle: 60, models: ['MNK-15', 'ZENNER ETK', 'Actaris TD8'], makers: ['Asahi', 'Zenner', 'Itron'], orgs: ['Công ty Cổ phần Cấp nước Thủ Đức', 'Công ty TNHH MTV Nước sạch Hà Nội'] },
  { type: 'dong-ho-xang-dau', cycle: 12, models: ['Tatsuno Sunny', 'Tokheim Quantium'], makers: ['Tatsuno', 'Tokheim'], orgs: ['Cửa hàng xăng dầu Petrolimex số 12', 'Cửa hàng xăng dầu PVOIL Láng Hạ', 'Công ty Xăng dầu Khu vực II'] },
  { type: 'can-o-to', cycle: 12, models: ['SCS-80', 'Mettler 60T'], makers: ['Vinacan', 'Mettler Toledo'], orgs: ['Công ty Cổ phần Cảng Hải Phòng', 'Công ty TNHH Vật liệu xây dựng Miền Trung'] },
  { type: 'can-ban', cycle: 12, models: ['TCS-300', 'JWI-700'], makers: ['Yaohua', 'Jadever'], orgs: ['Chợ đầu mối Long Biên', 'Siêu thị Co.opmart Cống Quỳnh'] },
  { type: 'can-dong-ho-lo-xo', cycle: 12, models: ['Nhơn Hòa 30kg', 'Nhơn Hòa 60kg'], makers: ['Nhơn Hòa'], orgs: ['Chợ Bến Thành', 'Chợ Đồng Xuân'] },
  { type: 'taximet', cycle: 12, models: ['TM-2000', 'Kienzle Argo'], makers: ['Hàng Hải', 'Kienzle'], orgs: ['Công ty Cổ phần Taxi Mai Linh', 'Công ty Cổ phần Ánh Dương Việt Nam (Vinasun)'] },
  { type: 'huyet-ap-ke', cycle: 12, models: ['ALPK2 500V', 'Omron HEM-7120'], makers: ['ALPK2', 'Omron'], orgs: ['Bệnh viện Đa khoa tỉnh Nghệ An', 'Trạm Y tế phường Bến Nghé'] },
  { type: 'do-nong-do-con', cycle: 12, models: ['Lion 500', 'Dräger 6820'], makers: ['Lion', 'Dräger'], orgs: ['Phòng Cảnh sát giao thông Công an TP. Hà Nội'] },
];

const PRODUCTS: Array<['standard' | 'regulation', string, string]> = [
  ['regulation', 'Ấm đun nước điện', 'QCVN 4:2009/BKHCN'],
  ['regulation', 'Bàn là điện', 'QCVN 4:2009/BKHCN'],
  ['regulation', 'Mũ bảo hiểm cho người đi mô tô, xe máy', 'QCVN 2:2021/BKHCN'],
  ['regulation', 'Đồ chơi trẻ em bằng nhựa', 'QCVN 3:2019/BKHCN'],
  ['regulation', 'Thép cốt bê tông', 'QCVN 7:2019/BKHCN'],
  ['regulation', 'Xăng E5 RON 92', 'QCVN 1:2022/BKHCN'],
  ['regulation', 'Xi măng poóc lăng hỗn hợp PCB40', 'QCVN 16:2023/BXD'],
  ['regulation', 'Bình khí dầu mỏ hóa lỏng (LPG)', 'QCVN 4:2013/BKHCN'],
  ['standard', 'Nước mắm', 'TCVN 5107:2018'],
  ['standard', 'Gạch bê tông', 'TCVN 6477:2016'],
  ['standard', 'Sơn tường dạng nhũ tương', 'TCVN 8652:2020'],
  ['standard', 'Ống nhựa PVC-U cấp nước', 'TCVN 8491-2:2011'],
];
const AGENCIES = ['Sở Khoa học và Công nghệ Hà Nội', 'Sở Khoa học và Công nghệ TP. Hồ Chí Minh', 'Sở Khoa học và Công nghệ Đà Nẵng', 'Sở Xây dựng Hải Phòng', 'Sở Khoa học và Công nghệ Nghệ An'];
const COMPANIES = ['Công ty Cổ phần Điện Quang', 'Công ty TNHH Sunhouse Việt Nam', 'Công ty Cổ phần Nhựa Bình Minh', 'Công ty TNHH Mũ bảo hiểm Protec', 'Công ty Cổ phần Thép Việt Ý', 'Công ty Cổ phần Xi măng Bỉm Sơn', 'Công ty Cổ phần Nước mắm Phú Quốc', 'Công ty TNHH Sơn Jotun Việt Nam', 'Công ty Cổ phần Đồ chơi Hà Thành', 'Công ty Cổ phần Gas Petrolimex'];

export async function seedStameqDemo(deps: { db: Kysely<DB>; people: RegistryPeople; now?: Date }, options: SectorDemoOptions): Promise<number> {
  const { db, people } = deps;
  const existing = await db.selectFrom('stameq_body').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const random = mulberry32(94_18);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const today = localToday(deps.now ?? new Date());
  const daysAgo = (n: number) => fromDayNumber(dayNumber(today) - n);

  // The people: the index, how it is recorded, and whether it is checked now.
  const ALTERED = new Set([705, 728, 741, 790, 833]);
  // Heads of bodies (700–719) and the first 25 representatives (720–744) are checked, with the
  // altered and legacy ones: at most ~55 calls to the population database.
  const demo = await demoPeople(people, options, {
    registry: 'stameq',
    citizens: DEMO_CITIZENS,
    altered: ALTERED,
    legacyCandidate: (i) => i >= 760,
    checked: (i) => i < 745,
  });

  let written = 0;
  await db.transaction().execute(async (trx) => {
    const person = demo.linker(trx);

    const bodies: Array<{ id: string; kind: BodyKind }> = [];
    for (const [n, [kind, name, fields, scope]] of BODY_NAMES.entries()) {
      const registeredOn = daysAgo(200 + Math.floor(random() * 1500));
      const status = n === 17 ? 'suspended' : 'active';
      const row = await trx
        .insertInto('stameq_body')
        .values({
          registration_no: `${String(n + 101).padStart(3, '0')}/${KIND_CODE[kind]}-TĐC`,
          name,
          kind,
          fields: JSON.stringify(fields.filter((f) => (BODY_FIELDS as readonly string[]).includes(f))),
          scope,
          tax_code: `01${String(10_000_000 + n * 7919).slice(0, 8)}`,
          address: `Số ${10 + n} đường ${pick(['Hoàng Quốc Việt', 'Nguyễn Trãi', 'Lê Duẩn', 'Trần Phú', 'Võ Văn Kiệt'])}`,
          province: PROVINCES[n % PROVINCES.length]!,
          head_person_id: await person(700 + n),
          status,
          registered_on: registeredOn,
          valid_until: n === 15 ? daysAgo(20) : fromDayNumber(dayNumber(registeredOn) + 5 * 365),
          unit_id: STAMEQ_UNIT_ID,
          updated_by: BY,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      bodies.push({ id: row.id, kind });
      written++;
    }
    const verifiers = bodies.filter((b) => b.kind === 'verification');
    const certifiers = bodies.filter((b) => b.kind === 'certification');

    // 240 verifications: two in five owned by a household or person (citizens 780–899).
    for (let n = 0; n < 240; n++) {
      const inst = INSTRUMENTS[n % INSTRUMENTS.length]!;
      const verifiedOn = daysAgo(1 + Math.floor(random() * 700));
      const pass = random() > 0.08;
      const byPerson = n % 5 < 2;
      const year = verifiedOn.slice(0, 4);
      await trx
        .insertInto('stameq_verification')
        .values({
          certificate_no: `GCN-KĐ/${year}/${String(n + 1).padStart(5, '0')}`,
          stamp_no: `KD${(n % 3) + 1}-${year}.${String(10_000 + n * 37).padStart(6, '0')}`,
          instrument_type: inst.type,
          model: pick(inst.models),
          manufacturer: pick(inst.makers),
          serial_no: `${inst.type.slice(0, 2).toUpperCase()}${String(Math.floor(random() * 90_000_000) + 10_000_000)}`,
          owner_kind: byPerson ? 'person' : 'organization',
          owner_person_id: byPerson ? await person(780 + (n % 120)) : null,
          owner_org_name: byPerson ? null : pick(inst.orgs),
          owner_tax_code: byPerson ? null : `03${String(Math.floor(random() * 90_000_000) + 10_000_000)}`,
          location: `${pick(['Phường Bến Nghé', 'Phường Dịch Vọng', 'Xã Tân Thông Hội', 'Phường Hải Châu', 'Phường Lê Chân'])}, ${pick(PROVINCES)}`,
          body_id: pick(verifiers).id,
          verified_on: verifiedOn,
          valid_until: pass ? maxValidUntil(verifiedOn, inst.cycle) : null,
          result: pass ? 'pass' : 'fail',
          unit_id: STAMEQ_UNIT_ID,
          updated_by: BY,
        })
        .execute();
      written++;
    }

    // 24 certificates of conformity, and 60 announcements (representatives: citizens 720–779).
    const certificates: Array<{ id: string; product: number }> = [];
    for (let n = 0; n < 24; n++) {
      const p = n % 8;
      const [, product, standard] = PRODUCTS[p]!;
      const issuedOn = daysAgo(30 + Math.floor(random() * 900));
      const row = await trx
        .insertInto('stameq_certificate')
        .values({
          certificate_no: `CN-${issuedOn.slice(0, 4)}-${String(n + 1).padStart(4, '0')}`,
          body_id: pick(certifiers).id,
          holder_name: COMPANIES[n % COMPANIES.length]!,
          holder_tax_code: `01${String(20_000_000 + n * 104_729).slice(0, 8)}`,
          product,
          standard_code: standard,
          scheme: pick([1, 5, 7]),
          issued_on: issuedOn,
          valid_until: fromDayNumber(dayNumber(issuedOn) + 3 * 365),
          unit_id: STAMEQ_UNIT_ID,
          updated_by: BY,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      certificates.push({ id: row.id, product: p });
      written++;
    }
    for (let n = 0; n < 60; n++) {
      const p = n % PRODUCTS.length;
      const [kind, product, standard] = PRODUCTS[p]!;
      const certificate = kind === 'regulation' ? certificates.find((c) => c.product === p && random() > 0.3) : undefined;
      const announcedOn = daysAgo(5 + Math.floor(random() * 800));
      await trx
        .insertInto('stameq_announcement')
        .values({
          announcement_no: `${String(n + 1).padStart(4, '0')}/${announcedOn.slice(0, 4)}/TBTN-${kind === 'regulation' ? 'HQ' : 'HC'}`,
          kind,
          product,
          standard_code: standard,
          org_name: COMPANIES[(n * 7) % COMPANIES.length]!,
          org_tax_code: `01${String(30_000_000 + n * 15_485).slice(0, 8)}`,
          org_address: `Khu công nghiệp ${pick(['Quang Minh', 'Tân Tạo', 'VSIP', 'Đình Vũ', 'Hòa Khánh'])}, ${pick(PROVINCES)}`,
          representative_person_id: await person(720 + n),
          receiving_agency: pick(AGENCIES),
          announced_on: announcedOn,
          certificate_id: certificate?.id ?? null,
          status: n % 23 === 22 ? 'withdrawn' : 'valid',
          unit_id: STAMEQ_UNIT_ID,
          updated_by: BY,
        })
        .execute();
      written++;
    }
  });
  return written;
}
