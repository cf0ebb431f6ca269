// Seed procedures owned by Cục Thông tin khoa học và công nghệ quốc gia (national S&T tasks).
import type { CatalogExchangeProcedure } from '../../schema.ts';
import { component, FIELDS, LAWS, NO_FEE, procedure, t, taskFields } from './common.ts';

export const CUC_THONG_TIN: CatalogExchangeProcedure[] = [
  procedure({
    code: '1.009928',
    owner: 'cuc-thong-tin',
    name: 'Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước',
    nameEn: 'Registration of the results of a state-funded S&T task',
    field: FIELDS.tasks,
    applicants: 'both',
    origins: ['vietnamese'],
    online: 'full',
    time: { value: 5, unit: 'working_days' },
    sequence: ['Bước 1: Tổ chức chủ trì nộp hồ sơ đăng ký trong 30 ngày kể từ ngày nghiệm thu.', 'Bước 2: Kiểm tra hồ sơ.', 'Bước 3: Cấp Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ.'],
    fees: NO_FEE,
    components: [
      component({ code: 'TP01', name: 'Phiếu đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ' }),
      component({ code: 'TP02', name: 'Báo cáo tổng hợp kết quả thực hiện nhiệm vụ (bản điện tử)', acceptedFormats: ['pdf', 'docx'] }),
      component({ code: 'TP03', name: 'Biên bản họp hội đồng đánh giá, nghiệm thu', originals: 0, copies: 1 }),
    ],
    result: 'Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ',
    request: [...taskFields.slice(0, 5), { path: 'request.acceptanceDate', section: 'request', type: 'date', label: t('Ngày nghiệm thu', 'Acceptance date'), required: true }],
    legal: [LAWS.stLaw, LAWS.stDecree],
    decision: 8,
  }),
];
