// Demo data of the technology supply and demand database (never in production): providers
// (organizations with their legal representative, and individual inventors), technology offers
// and technology demands, deterministic (a fixed pseudo-random sequence, dates counted back from
// today), into empty tables only. Its people are the population emulator's citizens 300–499:
// the providers' people (300–344) are checked with the population database, with the altered and
// legacy ones (at most ~55 checks), the others linked unverified for the reconciliation to check;
// five are recorded with a slightly wrong name or birth date and three under their legacy 9-digit
// CMND on purpose.
import type { Kysely } from 'kysely';
import { dayNumber, fromDayNumber } from '../../core/calendar/local-time.ts';
import { listingCode, localToday, MAX_LISTING_DAYS, type ListingStatus, type TransferForm, type TransferRight } from '../../core/tech-market/index.ts';
import type { DB } from '../../db/types.ts';
import { DEMO_BY, demoPeople, type RegistryPeople, type SectorDemoOptions } from '../registries/module.ts';
import { TECHMARKET_UNIT_ID } from './service.ts';
import { insertDemand, insertOffer, nextNumber } from './store.ts';
import { mulberry32 } from '../../core/random.ts';

/** The citizens of the population emulator this registry's demo uses. */
export const DEMO_CITIZENS = { from: 300, to: 499 } as const;
const BY = DEMO_BY;

/** Provinces where the demo's providers and demands are, the big centres more often. */
const PROVINCES = ['ha-noi', 'ha-noi', 'ha-noi', 'ho-chi-minh', 'ho-chi-minh', 'ho-chi-minh', 'da-nang', 'da-nang', 'hai-phong', 'can-tho', 'can-tho', 'thai-nguyen', 'nghe-an', 'thanh-hoa', 'hue', 'khanh-hoa', 'lam-dong', 'dak-lak', 'dong-nai', 'an-giang', 'bac-ninh', 'quang-ninh', 'vinh-long', 'ca-mau'];

const ORGS: Array<[string, string]> = [
  ['Viện Công nghệ sinh học', 'ha-noi'],
  ['Viện Hóa học Công nghiệp Việt Nam', 'ha-noi'],
  ['Trường Đại học Bách khoa Hà Nội', 'ha-noi'],
  ['Viện Cơ điện Nông nghiệp và Công nghệ sau thu hoạch', 'ha-noi'],
  ['Viện Khoa học Vật liệu', 'ha-noi'],
  ['Trung tâm Ứng dụng Tiến bộ Khoa học và Công nghệ Thái Nguyên', 'thai-nguyen'],
  ['Viện Lúa Đồng bằng sông Cửu Long', 'can-tho'],
  ['Trường Đại học Cần Thơ', 'can-tho'],
  ['Viện Nghiên cứu Nuôi trồng Thủy sản II', 'ho-chi-minh'],
  ['Trường Đại học Bách khoa – Đại học Quốc gia TP. Hồ Chí Minh', 'ho-chi-minh'],
  ['Công ty Cổ phần Công nghệ Sinh học Hùng Vương', 'ho-chi-minh'],
  ['Công ty TNHH Giải pháp Môi trường Xanh', 'da-nang'],
  ['Trường Đại học Bách khoa – Đại học Đà Nẵng', 'da-nang'],
  ['Viện Nghiên cứu Hải sản', 'hai-phong'],
  ['Công ty Cổ phần Cơ khí Chính xác Bắc Ninh', 'bac-ninh'],
  ['Viện Dược liệu', 'ha-noi'],
  ['Công ty Cổ phần Phần mềm Sao Việt', 'ha-noi'],
  ['Viện Khoa học Nông nghiệp Việt Nam', 'ha-noi'],
  ['Trung tâm Nghiên cứu và Phát triển Nông nghiệp Công nghệ cao Lâm Đồng', 'lam-dong'],
  ['Viện Khoa học Kỹ thuật Nông lâm nghiệp Tây Nguyên', 'dak-lak'],
  ['Công ty TNHH Thực phẩm Sạch Miền Tây', 'an-giang'],
  ['Trường Đại học Nha Trang', 'khanh-hoa'],
  ['Viện Năng lượng', 'ha-noi'],
  ['Công ty Cổ phần Vật liệu Xây dựng Xanh Đồng Nai', 'dong-nai'],
  ['Trường Đại học Vinh', 'nghe-an'],
  ['Công ty Cổ phần Tự động hóa Sông Hàn', 'da-nang'],
  ['Viện Kỹ thuật Nhiệt đới', 'ha-noi'],
  ['Trường Đại học Nông Lâm Huế', 'hue'],
  ['Công ty TNHH Chế biến Nông sản Thanh Hóa', 'thanh-hoa'],
  ['Công ty Cổ phần Công nghệ Môi trường Quảng Ninh', 'quang-ninh'],
  ['Viện Công nghệ Môi trường', 'ha-noi'],
  ['Viện Chăn nuôi', 'ha-noi'],
  ['Trường Đại học Công nghiệp TP. Hồ Chí Minh', 'ho-chi-minh'],
  ['Công ty Cổ phần Dược phẩm Cửu Long', 'vinh-long'],
  ['Viện Điện tử – Tin học – Tự động hóa', 'ha-noi'],
];

/** Technologies offered: field, name, summary, typical readiness, forms and right. */
const TECHNOLOGIES: Array<[string, string, string, number, TransferForm[], TransferRight]> = [
  ['401', 'Quy trình sản xuất giống lúa chịu mặn OM', 'Giống lúa chịu mặn 4‰, năng suất 6–7 tấn/ha, thích hợp vùng ven biển.', 8, ['standalone', 'ip-rights'], 'use'],
  ['401', 'Quy trình trồng rau thủy canh hồi lưu', 'Hệ thống thủy canh hồi lưu cho rau ăn lá, tiết kiệm 70% nước.', 9, ['standalone', 'equipment-sale'], 'either'],
  ['401', 'Công nghệ nhân giống cây ăn quả bằng nuôi cấy mô', 'Nhân giống chuối, dứa sạch bệnh bằng nuôi cấy mô tế bào.', 8, ['standalone'], 'use'],
  ['402', 'Chế phẩm vi sinh xử lý chất thải chăn nuôi', 'Chế phẩm vi sinh khử mùi, phân hủy chất thải chuồng trại.', 7, ['standalone', 'ip-rights'], 'use'],
  ['402', 'Quy trình nuôi gà thả vườn an toàn sinh học', 'Quy trình chăn nuôi gà thả vườn đạt VietGAHP.', 9, ['standalone'], 'use'],
  ['405', 'Công nghệ nuôi tôm thẻ chân trắng siêu thâm canh trong nhà màng', 'Nuôi tôm mật độ cao, tuần hoàn nước, năng suất 30 tấn/ha/vụ.', 8, ['standalone', 'investment-project'], 'use'],
  ['405', 'Công nghệ sản xuất giống cá chim vây vàng', 'Sinh sản nhân tạo và ương giống cá chim vây vàng.', 7, ['standalone'], 'either'],
  ['406', 'Chế phẩm Trichoderma phòng trừ nấm bệnh cây trồng', 'Chế phẩm sinh học phòng bệnh vàng lá, thối rễ trên cây có múi.', 8, ['standalone', 'ip-rights'], 'use'],
  ['406', 'Bộ kít phát hiện nhanh bệnh đốm trắng trên tôm', 'Kít LAMP phát hiện virus WSSV trong 45 phút tại ao nuôi.', 6, ['ip-rights', 'capital-contribution'], 'either'],
  ['211', 'Công nghệ sấy lạnh nông sản', 'Sấy lạnh bảo toàn màu, vitamin cho trái cây, dược liệu.', 9, ['equipment-sale', 'standalone'], 'ownership'],
  ['211', 'Quy trình sản xuất nước mắm ngắn ngày', 'Rút ngắn thời gian chượp từ 12 tháng xuống 3 tháng bằng enzyme.', 7, ['standalone', 'ip-rights'], 'use'],
  ['211', 'Công nghệ chiết xuất tinh dầu bằng CO₂ siêu tới hạn', 'Chiết xuất tinh dầu quế, hồi, sả chất lượng cao.', 7, ['equipment-sale', 'investment-project'], 'either'],
  ['209', 'Công nghệ lên men sản xuất enzyme cellulase', 'Enzyme cellulase cho thức ăn chăn nuôi và xử lý phụ phẩm.', 6, ['ip-rights', 'capital-contribution'], 'either'],
  ['209', 'Quy trình sản xuất phân bón hữu cơ vi sinh từ phụ phẩm', 'Phân hữu cơ vi sinh từ rơm rạ, bã mía, vỏ cà phê.', 8, ['standalone'], 'use'],
  ['207', 'Hệ thống xử lý nước thải sinh hoạt hợp khối', 'Xử lý nước thải phân tán công suất 5–50 m³/ngày đạt QCVN 14:2008/BTNMT.', 9, ['equipment-sale', 'standalone'], 'ownership'],
  ['207', 'Công nghệ đốt chất thải rắn sinh hoạt thu hồi năng lượng', 'Lò đốt công suất 50 tấn/ngày, phát điện 1 MW.', 7, ['investment-project', 'equipment-sale'], 'either'],
  ['207', 'Công nghệ xử lý nước nhiễm mặn quy mô hộ gia đình', 'Thiết bị lọc RO năng lượng mặt trời cho vùng xâm nhập mặn.', 8, ['equipment-sale'], 'ownership'],
  ['205', 'Công nghệ sản xuất gạch không nung từ tro xỉ nhiệt điện', 'Gạch bê tông từ tro bay, xỉ đáy lò, đạt TCVN 6477:2016.', 8, ['standalone', 'equipment-sale'], 'either'],
  ['205', 'Vật liệu nano bạc kháng khuẩn', 'Dung dịch nano bạc cho dệt may và thiết bị y tế.', 6, ['ip-rights', 'capital-contribution'], 'either'],
  ['204', 'Công nghệ sản xuất chất hoạt động bề mặt sinh học', 'Chất hoạt động bề mặt từ dầu dừa cho mỹ phẩm.', 5, ['ip-rights'], 'either'],
  ['203', 'Máy gặt đập liên hợp cỡ nhỏ', 'Máy gặt đập cho ruộng bậc thang, năng suất 0,3 ha/giờ.', 8, ['standalone', 'franchise'], 'use'],
  ['203', 'Dây chuyền sơ chế cà phê ướt', 'Dây chuyền xát, lên men, rửa cà phê công suất 2 tấn/giờ.', 9, ['equipment-sale'], 'ownership'],
  ['202', 'Hệ thống giám sát môi trường ao nuôi bằng IoT', 'Cảm biến oxy, pH, nhiệt độ và cảnh báo qua điện thoại.', 8, ['standalone', 'equipment-sale'], 'either'],
  ['202', 'Bộ điều khiển biến tần cho bơm năng lượng mặt trời', 'Biến tần MPPT cho bơm tưới 1–7,5 kW.', 7, ['standalone', 'ip-rights'], 'use'],
  ['201', 'Công nghệ bê tông tự lèn cho công trình thủy lợi', 'Bê tông tự lèn dùng phụ gia khoáng trong nước.', 7, ['standalone'], 'use'],
  ['102', 'Nền tảng truy xuất nguồn gốc nông sản', 'Phần mềm truy xuất nguồn gốc bằng mã QR theo TCVN 12850:2019.', 9, ['standalone', 'franchise'], 'use'],
  ['102', 'Hệ thống nhận dạng sâu bệnh hại cây trồng bằng trí tuệ nhân tạo', 'Ứng dụng di động nhận dạng 40 loại sâu bệnh trên lúa, cà phê.', 6, ['ip-rights', 'capital-contribution'], 'either'],
  ['303', 'Quy trình chiết xuất cao định chuẩn từ cây xạ đen', 'Cao chiết định chuẩn cho thực phẩm bảo vệ sức khỏe.', 6, ['ip-rights', 'standalone'], 'use'],
  ['303', 'Công nghệ bào chế viên nang mềm từ dược liệu', 'Bào chế viên nang mềm từ tinh dầu tràm, gừng.', 7, ['standalone'], 'either'],
];

/** Technologies asked for: field, name, description, least readiness, forms and right. */
const NEEDS: Array<[string, string, string, number, TransferForm[], TransferRight]> = [
  ['405', 'Cần công nghệ xử lý nước ao nuôi tôm tuần hoàn', 'Hợp tác xã cần hệ thống lọc sinh học tuần hoàn cho 5 ha ao nuôi.', 7, ['standalone', 'equipment-sale'], 'either'],
  ['211', 'Cần dây chuyền sấy thăng hoa trái cây', 'Doanh nghiệp chế biến cần dây chuyền sấy thăng hoa 500 kg/mẻ.', 8, ['equipment-sale'], 'ownership'],
  ['211', 'Cần quy trình bảo quản thanh long sau thu hoạch', 'Kéo dài thời gian bảo quản thanh long xuất khẩu lên 30 ngày.', 7, ['standalone'], 'use'],
  ['401', 'Cần giống lúa chất lượng cao chịu hạn', 'Giống lúa ngắn ngày, chịu hạn cho vùng trung du.', 8, ['standalone', 'ip-rights'], 'use'],
  ['401', 'Cần công nghệ tưới nhỏ giọt tự động cho cà phê', 'Hệ thống tưới nhỏ giọt kết hợp bón phân cho 20 ha cà phê.', 8, ['equipment-sale', 'standalone'], 'either'],
  ['402', 'Cần công nghệ sản xuất thức ăn chăn nuôi từ phụ phẩm', 'Tận dụng bã đậu, cám gạo làm thức ăn lên men cho lợn.', 6, ['standalone'], 'use'],
  ['207', 'Cần công nghệ xử lý nước thải chế biến thủy sản', 'Nhà máy chế biến cần hệ thống xử lý 300 m³/ngày đạt QCVN 11-MT:2015/BTNMT.', 8, ['equipment-sale', 'standalone'], 'ownership'],
  ['207', 'Cần công nghệ xử lý rác thải nhựa thành nhiên liệu', 'Nhiệt phân rác nhựa công suất 10 tấn/ngày.', 6, ['investment-project', 'capital-contribution'], 'either'],
  ['205', 'Cần công nghệ sản xuất vật liệu xây dựng từ bùn nạo vét', 'Tái chế bùn nạo vét sông làm gạch nung tiết kiệm năng lượng.', 6, ['standalone'], 'either'],
  ['203', 'Cần máy thu hoạch mía cỡ nhỏ', 'Máy thu hoạch mía cho nông hộ, địa hình dốc.', 7, ['equipment-sale', 'franchise'], 'either'],
  ['202', 'Cần hệ thống quản lý năng lượng cho nhà xưởng', 'Giám sát và tối ưu điện năng tiêu thụ của nhà máy dệt.', 7, ['standalone'], 'use'],
  ['102', 'Cần phần mềm quản lý vùng trồng và mã số vùng trồng', 'Quản lý mã số vùng trồng sầu riêng phục vụ xuất khẩu.', 8, ['standalone', 'franchise'], 'use'],
  ['209', 'Cần công nghệ sản xuất chế phẩm sinh học ủ phân', 'Chế phẩm ủ phân hữu cơ từ phụ phẩm cà phê.', 7, ['standalone', 'ip-rights'], 'use'],
  ['303', 'Cần công nghệ chiết xuất hoạt chất từ sâm Ngọc Linh', 'Chiết xuất saponin định lượng cho sản phẩm chăm sóc sức khỏe.', 6, ['ip-rights', 'capital-contribution'], 'either'],
  ['406', 'Cần chế phẩm sinh học phòng trừ tuyến trùng hại hồ tiêu', 'Phòng trừ tuyến trùng và nấm hại rễ hồ tiêu.', 7, ['standalone'], 'use'],
];

export async function seedTechMarketDemo(deps: { db: Kysely<DB>; people: RegistryPeople; now?: Date }, options: SectorDemoOptions): Promise<number> {
  const { db, people } = deps;
  if (await db.selectFrom('techmarket_provider').select('id').limit(1).executeTakeFirst()) return 0;
  const random = mulberry32(94_16);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const today = localToday(deps.now ?? new Date());
  const year = Number(today.slice(0, 4));
  const daysAgo = (n: number) => fromDayNumber(dayNumber(today) - n);
  const plus = (d: string, n: number) => fromDayNumber(dayNumber(d) + n);

  const ALTERED = new Set([305, 322, 341, 377, 412]);
  const demo = await demoPeople(people, options, {
    registry: 'techmarket',
    citizens: DEMO_CITIZENS,
    altered: ALTERED,
    legacyCandidate: (i) => i >= 330 && !ALTERED.has(i),
    checked: (i) => i < 345,
  });

  let written = 0;
  await db.transaction().execute(async (trx) => {
    const person = demo.linker(trx);

    // 35 organizations (representatives 300–334) and 25 individual inventors (335–359).
    const providers: Array<{ id: string; province: string }> = [];
    for (let n = 0; n < 60; n++) {
      const org = n < ORGS.length ? ORGS[n]! : undefined;
      const province = org ? org[1] : pick(PROVINCES);
      const row = await trx
        .insertInto('techmarket_provider')
        .values({
          kind: org ? 'organization' : 'individual',
          org_name: org ? org[0] : null,
          tax_code: org ? `01${String(10_000_000 + n * 86_743).slice(0, 8)}` : null,
          person_id: await person(300 + n),
          address: `Số ${5 + n * 3} đường ${pick(['Hoàng Quốc Việt', 'Nguyễn Văn Cừ', 'Lê Duẩn', 'Trần Hưng Đạo', 'Võ Văn Kiệt', '3 Tháng 2'])}`,
          province_code: province,
          contact_email: org ? `lienhe${n + 1}@cungcau.example.vn` : null,
          status: n === 47 ? 'inactive' : 'active',
          unit_id: TECHMARKET_UNIT_ID,
          created_by: BY,
          updated_by: BY,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      providers.push({ id: row.id, province });
      written++;
    }

    // A status and dates: mostly published; some drafts, withdrawn, expired (stored or by date).
    const statusAndDates = (n: number): { status: ListingStatus; publishedOn: string | null; lastDay: string | null } => {
      const r = n % 12;
      if (r === 0) return { status: 'draft', publishedOn: null, lastDay: null };
      const publishedOn = daysAgo(60 + Math.floor(random() * 540));
      if (r === 1) return { status: 'withdrawn', publishedOn, lastDay: plus(publishedOn, 365) };
      if (r === 2) return { status: 'expired', publishedOn, lastDay: plus(publishedOn, 30) };
      // published but past its last day: shown as expired
      if (r === 3) return { status: 'published', publishedOn, lastDay: daysAgo(1 + Math.floor(random() * 30)) };
      return { status: 'published', publishedOn, lastDay: plus(today, 20 + Math.floor(random() * (MAX_LISTING_DAYS - 40))) };
    };

    // 200 offers.
    for (let n = 0; n < 200; n++) {
      const [field, name, summary, trl, forms, right] = TECHNOLOGIES[n % TECHNOLOGIES.length]!;
      const pr = providers[Math.floor(random() * providers.length)]!;
      const negotiable = random() < 0.45;
      const { status, publishedOn, lastDay } = statusAndDates(n);
      const variant = Math.floor(n / TECHNOLOGIES.length);
      await insertOffer(trx, listingCode('offer', year, await nextNumber(trx, 'offer')), {
        provider_id: pr.id,
        name: variant === 0 ? name : `${name} (phiên bản ${variant + 1})`,
        summary,
        field_code: field,
        trl: Math.max(1, Math.min(9, trl - (variant % 3))),
        transfer_forms: forms,
        transfer_right: right,
        province_code: random() < 0.8 ? pr.province : pick(PROVINCES),
        price_vnd: negotiable && random() < 0.5 ? null : (50 + Math.floor(random() * 1950)) * 1_000_000,
        negotiable,
        ip_ref: random() < 0.3 ? `1-00${String(20_000 + n * 37).padStart(5, '0')}` : null,
        status,
        published_on: publishedOn,
        valid_until: lastDay,
        unit_id: TECHMARKET_UNIT_ID,
        updated_by: BY,
      });
      written++;
    }

    // 90 demands by organizations (representatives 360–449).
    for (let n = 0; n < 90; n++) {
      const [field, name, description, minTrl, forms, right] = NEEDS[n % NEEDS.length]!;
      const { status, publishedOn, lastDay } = statusAndDates(n + 5);
      const province = pick(PROVINCES);
      const negotiable = random() < 0.5;
      await insertDemand(trx, listingCode('demand', year, await nextNumber(trx, 'demand')), {
        org_name: `${pick(['Công ty Cổ phần', 'Công ty TNHH', 'Hợp tác xã', 'Công ty TNHH MTV'])} ${pick(['Nông nghiệp', 'Thủy sản', 'Chế biến', 'Môi trường', 'Cơ khí', 'Dược liệu', 'Công nghệ'])} ${pick(['Phú Điền', 'Tân Lộc', 'Hòa Bình', 'Sông Hậu', 'Trường Sơn', 'Hồng Hà', 'Đại Dương', 'Cao Nguyên'])} ${n + 1}`,
        tax_code: `03${String(20_000_000 + n * 51_151).slice(0, 8)}`,
        representative_person_id: await person(360 + n),
        name,
        description,
        field_code: field,
        min_trl: minTrl,
        transfer_forms: forms,
        transfer_right: right,
        province_code: province,
        budget_vnd: negotiable && random() < 0.5 ? null : (100 + Math.floor(random() * 4900)) * 1_000_000,
        negotiable,
        status,
        published_on: publishedOn,
        deadline: lastDay,
        unit_id: TECHMARKET_UNIT_ID,
        updated_by: BY,
      });
      written++;
    }
  });
  return written;
}
