// Building blocks of the seed catalog: the applicant part of e-forms (with prefill bindings), the
// workflow template sized to the legal time limit, and common dossier components.
import type { DossierComponent, Duration, WorkflowStep } from '../../../core/catalog/types.ts';
import type { EformFieldSpec, EformSectionSpec } from '../../../core/eforms/builder.ts';

export type Applicants = 'individual' | 'organization' | 'both';

const t = (vi: string, en: string) => ({ vi, en });

export const SECTION_APPLICANT: EformSectionSpec = {
  id: 'applicant',
  title: t('Thông tin người nộp hồ sơ', 'Applicant'),
  description: t(
    'Các thông tin có sẵn trong Cơ sở dữ liệu quốc gia về dân cư hoặc tài khoản tổ chức được điền tự động.',
    'Details held in the National Population Database or the organization account are filled in automatically.',
  ),
};
export const SECTION_REQUEST: EformSectionSpec = { id: 'request', title: t('Nội dung đề nghị', 'Request') };
export const SECTION_DECLARATION: EformSectionSpec = { id: 'declaration', title: t('Cam đoan', 'Declaration') };

/** The applicant fields: an individual (population data) and/or an organization (account data), and contact details. */
export function applicantFields(who: Applicants): EformFieldSpec[] {
  const fields: EformFieldSpec[] = [
    {
      path: 'addressee',
      section: 'applicant',
      type: 'text',
      label: t('Kính gửi', 'To'),
      prefill: 'catalog.unitName',
      help: t('Cơ quan giải quyết thủ tục (điền tự động).', 'The deciding agency (filled in automatically).'),
    },
  ];
  const individualIf = who === 'both' ? { field: 'applicant.type', equals: 'individual' } : undefined;
  const organizationIf = who === 'both' ? { field: 'applicant.type', equals: 'organization' } : undefined;
  if (who === 'both') {
    fields.push({
      path: 'applicant.type',
      section: 'applicant',
      type: 'radio',
      label: t('Người nộp hồ sơ là', 'The applicant is'),
      required: true,
      options: [
        { value: 'individual', label: t('Cá nhân', 'An individual') },
        { value: 'organization', label: t('Tổ chức, doanh nghiệp', 'An organization or business') },
      ],
    });
  }
  if (who !== 'organization') {
    const visible = individualIf ? { visibleIf: individualIf } : {};
    fields.push(
      { path: 'applicant.fullName', section: 'applicant', type: 'text', label: t('Họ và tên', 'Full name'), required: true, prefill: 'fullName', maxLength: 100, ...visible },
      { path: 'applicant.personalId', section: 'applicant', type: 'personal_id', label: t('Số định danh cá nhân', 'Personal ID number'), required: true, prefill: 'personalId', ...visible },
      { path: 'applicant.birthDate', section: 'applicant', type: 'date', label: t('Ngày sinh', 'Date of birth'), prefill: 'birthDate', ...visible },
      { path: 'applicant.nationality', section: 'applicant', type: 'text', label: t('Quốc tịch', 'Nationality'), prefill: 'nationality', maxLength: 100, ...visible },
      {
        path: 'applicant.address',
        section: 'applicant',
        type: 'text',
        label: t('Địa chỉ', 'Address'),
        help: t('Nơi thường trú; có thể sửa nếu muốn nhận giấy tờ ở địa chỉ khác.', 'Permanent residence; change it to receive papers elsewhere.'),
        required: true,
        prefill: 'permanentAddress',
        prefillEditable: true,
        ...visible,
      },
    );
  }
  if (who !== 'individual') {
    const visible = organizationIf ? { visibleIf: organizationIf } : {};
    fields.push(
      { path: 'applicant.organizationName', section: 'applicant', type: 'text', label: t('Tên tổ chức, doanh nghiệp', 'Organization name'), required: true, prefill: 'organization.name', maxLength: 300, ...visible },
      { path: 'applicant.taxCode', section: 'applicant', type: 'tax_code', label: t('Mã số thuế / mã số doanh nghiệp', 'Tax code'), required: true, prefill: 'organization.taxCode', ...visible },
      {
        path: 'applicant.organizationAddress',
        section: 'applicant',
        type: 'text',
        label: t('Địa chỉ trụ sở', 'Head office address'),
        required: true,
        prefill: 'organization.address',
        prefillEditable: true,
        ...visible,
      },
      { path: 'applicant.representative', section: 'applicant', type: 'text', label: t('Người đại diện theo pháp luật', 'Legal representative'), required: true, maxLength: 100, ...visible },
    );
  }
  fields.push(
    { path: 'applicant.phone', section: 'applicant', type: 'phone', label: t('Số điện thoại', 'Phone number'), required: true, prefill: 'phone', prefillEditable: true },
    { path: 'applicant.email', section: 'applicant', type: 'email', label: t('Thư điện tử', 'Email'), prefill: 'email', prefillEditable: true },
  );
  return fields;
}

export const declarationField = (): EformFieldSpec => ({
  path: 'declaration.truthful',
  section: 'declaration',
  type: 'checkbox',
  label: t(
    'Tôi cam đoan các thông tin kê khai là đúng sự thật và chịu trách nhiệm trước pháp luật.',
    'I declare that the information given is true and I take responsibility for it before the law.',
  ),
  required: true,
});

/**
 * A workflow template whose budgets add up to the legal time limit: receive, examine, approve,
 * sign/issue, return (with transfer and assign for longer procedures). Months-long examinations
 * are budgeted in months, the rest in working days; calendar-day limits in calendar days.
 */
export function workflow(limit: Duration, options: { approver?: WorkflowStep['role']; processingUnit?: string } = {}): WorkflowStep[] {
  const approver = options.approver ?? 'unit_leader';
  const unit = options.processingUnit ? { unitId: options.processingUnit } : {};
  if (limit.unit === 'months' && limit.value < 2) {
    // One month ≈ 21 working days (NOMINAL in core/catalog/time.ts): budget it in working days.
    return [
      { kind: 'receive', name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', budget: { value: 1, unit: 'working_days' } },
      { kind: 'examine', name: 'Xem xét yêu cầu', role: 'specialist', ...unit, budget: { value: 14, unit: 'working_days' } },
      { kind: 'approve', name: 'Phê duyệt', role: approver, budget: { value: 3, unit: 'working_days' } },
      { kind: 'sign_issue', name: 'Ký, ban hành kết quả', role: approver, budget: { value: 1, unit: 'working_days' } },
      { kind: 'return', name: 'Trả kết quả', role: 'receiver', budget: { value: 1, unit: 'working_days' } },
    ];
  }
  if (limit.unit === 'months') {
    return [
      { kind: 'receive', name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', budget: { value: 1, unit: 'working_days' } },
      { kind: 'transfer', name: 'Chuyển hồ sơ đến đơn vị xử lý', role: 'receiver', budget: { value: 4, unit: 'working_hours' } },
      { kind: 'assign', name: 'Phân công chuyên viên', role: 'unit_leader', ...unit, budget: { value: 1, unit: 'working_days' } },
      { kind: 'examine', name: 'Thẩm định', role: 'specialist', ...unit, budget: { value: limit.value - 1, unit: 'months' } },
      { kind: 'approve', name: 'Xem xét, phê duyệt kết quả thẩm định', role: approver, budget: { value: 5, unit: 'working_days' } },
      { kind: 'sign_issue', name: 'Ký, ban hành kết quả', role: approver, budget: { value: 3, unit: 'working_days' } },
      { kind: 'return', name: 'Trả kết quả', role: 'receiver', budget: { value: 1, unit: 'working_days' } },
    ];
  }
  const u = limit.unit;
  const v = limit.value;
  if (v < 5) {
    return [
      { kind: 'receive', name: 'Tiếp nhận hồ sơ', role: 'receiver', budget: { value: v * 0.1, unit: u } },
      { kind: 'examine', name: 'Xem xét hồ sơ', role: 'specialist', ...unit, budget: { value: v * 0.6, unit: u } },
      { kind: 'approve', name: 'Phê duyệt', role: approver, budget: { value: v * 0.2, unit: u } },
      { kind: 'return', name: 'Trả kết quả', role: 'receiver', budget: { value: v * 0.1, unit: u } },
    ].map((s) => ({ ...s, budget: { value: Math.round(s.budget.value * 100) / 100, unit: s.budget.unit } })) as WorkflowStep[];
  }
  const whole = u === 'calendar_days';
  const receive = whole ? 1 : 0.5;
  const ret = whole ? 1 : 0.5;
  const approve = Math.max(1, Math.floor(v * 0.15));
  const sign = 1;
  const examine = Math.round((v - receive - ret - approve - sign) * 100) / 100;
  return [
    { kind: 'receive', name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', budget: { value: receive, unit: u } },
    { kind: 'examine', name: 'Thẩm định hồ sơ', role: 'specialist', ...unit, budget: { value: examine, unit: u } },
    { kind: 'approve', name: 'Lãnh đạo đơn vị xem xét', role: approver === 'ministry_leader' ? 'unit_leader' : approver, budget: { value: approve, unit: u } },
    { kind: 'sign_issue', name: 'Ký, ban hành kết quả', role: approver, budget: { value: sign, unit: u } },
    { kind: 'return', name: 'Trả kết quả', role: 'receiver', budget: { value: ret, unit: u } },
  ];
}

type ComponentInput = Partial<DossierComponent> & Pick<DossierComponent, 'code' | 'name'>;

export const component = (c: ComponentInput): DossierComponent => ({
  requirement: 'required',
  originals: 1,
  copies: 0,
  acceptedFormats: ['pdf', 'docx'],
  warehouseDocumentTypes: [],
  replacedByPopulationData: false,
  ...c,
});

export const powerOfAttorney = (code: string): DossierComponent =>
  component({
    code,
    name: 'Giấy ủy quyền (nếu nộp hồ sơ thông qua đại diện)',
    requirement: 'conditional',
    condition: 'Khi người nộp hồ sơ là người được ủy quyền hoặc tổ chức dịch vụ đại diện.',
    acceptedFormats: ['pdf'],
  });

export const feeReceipt = (code: string): DossierComponent =>
  component({
    code,
    name: 'Chứng từ nộp phí, lệ phí (nếu nộp qua dịch vụ bưu chính hoặc chuyển khoản)',
    requirement: 'conditional',
    condition: 'Khi phí, lệ phí không được thanh toán trực tuyến.',
    originals: 0,
    copies: 1,
    acceptedFormats: ['pdf', 'jpg', 'png'],
  });

export const businessRegistration = (code: string): DossierComponent =>
  component({
    code,
    name: 'Giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập tổ chức',
    requirement: 'conditional',
    condition: 'Khi người nộp là tổ chức; không phải nộp nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.',
    originals: 0,
    copies: 1,
    acceptedFormats: ['pdf'],
    warehouseDocumentTypes: ['GCN-DKDN', 'QD-THANH-LAP'],
  });

export const identityCopy = (code: string): DossierComponent =>
  component({
    code,
    name: 'Bản sao thẻ Căn cước/Căn cước công dân của người đứng tên hồ sơ',
    requirement: 'conditional',
    condition: 'Chỉ khi thông tin không khai thác được từ Cơ sở dữ liệu quốc gia về dân cư.',
    originals: 0,
    copies: 1,
    acceptedFormats: ['pdf', 'jpg', 'png'],
    replacedByPopulationData: true,
  });
