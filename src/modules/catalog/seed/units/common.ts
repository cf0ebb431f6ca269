// What the seed procedures share: the fields (lĩnh vực), the governing texts, the shape of a
// procedure of the seed catalog (\`procedure()\`), and e-form fields and components used by several
// units. Provenance and caveats: see ../procedures.ts.
import type { ProcedureContent } from '../../../../core/catalog/types.ts';
import { buildEform, type EformFieldSpec, type EformSectionSpec } from '../../../../core/eforms/builder.ts';
import type { CatalogExchangeProcedure } from '../../schema.ts';
import {
  applicantFields,
  component,
  declarationField,
  SECTION_APPLICANT,
  SECTION_DECLARATION,
  SECTION_REQUEST,
  workflow,
  type Applicants,
} from '../builders.ts';

export const t = (vi: string, en: string) => ({ vi, en });

export const FIELDS = {
  ip: { code: 'SHTT', name: 'Sở hữu trí tuệ' },
  stOrg: { code: 'HDKHCN', name: 'Hoạt động khoa học và công nghệ' },
  transfer: { code: 'CGCN', name: 'Chuyển giao công nghệ' },
  radiation: { code: 'ATBXHN', name: 'An toàn bức xạ và hạt nhân' },
  metrology: { code: 'DOLUONG', name: 'Đo lường' },
  quality: { code: 'TCCL', name: 'Tiêu chuẩn, chất lượng' },
  tasks: { code: 'NVKHCN', name: 'Nhiệm vụ khoa học và công nghệ' },
} as const;

export const LAWS = {
  ipLaw: { number: '50/2005/QH11', title: 'Luật Sở hữu trí tuệ', issuedOn: '2005-11-29', effectiveFrom: '2006-07-01' },
  ipLaw2022: { number: '07/2022/QH15', title: 'Luật sửa đổi, bổ sung một số điều của Luật Sở hữu trí tuệ', issuedOn: '2022-06-16', effectiveFrom: '2023-01-01' },
  ipDecree: { number: '65/2023/NĐ-CP', title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Sở hữu trí tuệ về sở hữu công nghiệp, bảo vệ quyền sở hữu công nghiệp, quyền đối với giống cây trồng và quản lý nhà nước về sở hữu trí tuệ', issuedOn: '2023-08-23', effectiveFrom: '2023-08-23' },
  ipFees: { number: '263/2016/TT-BTC', title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí sở hữu công nghiệp', issuedOn: '2016-11-14', effectiveFrom: '2017-01-01' },
  stLaw: { number: '29/2013/QH13', title: 'Luật Khoa học và Công nghệ', issuedOn: '2013-06-18', effectiveFrom: '2014-01-01' },
  stDecree: { number: '08/2014/NĐ-CP', title: 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khoa học và Công nghệ', issuedOn: '2014-01-27', effectiveFrom: '2014-03-15' },
  ttLaw: { number: '07/2017/QH14', title: 'Luật Chuyển giao công nghệ', issuedOn: '2017-06-19', effectiveFrom: '2018-07-01' },
  ttDecree: { number: '76/2018/NĐ-CP', title: 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Chuyển giao công nghệ', issuedOn: '2018-05-15', effectiveFrom: '2018-07-01' },
  atomLaw: { number: '18/2008/QH12', title: 'Luật Năng lượng nguyên tử', issuedOn: '2008-06-03', effectiveFrom: '2009-01-01' },
  radiationDecree: { number: '142/2020/NĐ-CP', title: 'Nghị định quy định về việc tiến hành công việc bức xạ và hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử', issuedOn: '2020-12-09', effectiveFrom: '2021-01-25' },
  metrologyLaw: { number: '04/2011/QH13', title: 'Luật Đo lường', issuedOn: '2011-11-11', effectiveFrom: '2012-07-01' },
  metrologyDecree: { number: '86/2012/NĐ-CP', title: 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đo lường', issuedOn: '2012-10-19', effectiveFrom: '2012-12-10' },
  serviceDecree: { number: '105/2016/NĐ-CP', title: 'Nghị định quy định về điều kiện hoạt động của tổ chức kiểm định, hiệu chuẩn, thử nghiệm phương tiện đo, chuẩn đo lường', issuedOn: '2016-07-01', effectiveFrom: '2016-07-01' },
  standardsLaw: { number: '68/2006/QH11', title: 'Luật Tiêu chuẩn và Quy chuẩn kỹ thuật', issuedOn: '2006-06-29', effectiveFrom: '2007-01-01' },
  qualityLaw: { number: '05/2007/QH12', title: 'Luật Chất lượng sản phẩm, hàng hóa', issuedOn: '2007-11-21', effectiveFrom: '2008-07-01' },
  conformityDecree: { number: '107/2016/NĐ-CP', title: 'Nghị định quy định về điều kiện kinh doanh dịch vụ đánh giá sự phù hợp', issuedOn: '2016-07-01', effectiveFrom: '2016-07-01' },
} as const;

/**
 * A procedure the law charges nothing for, said so: an empty fee list would mean "not stated"
 * (feeStatus none_declared), not "free".
 */
export const NO_FEE = [{ code: 'KHONG', name: 'Không thu phí, lệ phí', kind: 'fee' as const, amountVnd: 0 }];

export const DEMO_DECISION = (n: number) => ({ number: `${n}/QĐ-BKHCN (demo)`, decidedOn: '2025-06-20', kind: 'new' as const });

export interface Spec {
  code: string;
  owner: string;
  name: string;
  nameEn: string;
  field: { code: string; name: string };
  /** Implementing units: the deciding unit first. */
  units?: Array<{ unitId: string; role: 'decides' | 'receives' | 'processes' | 'coordinates' }>;
  applicants: Applicants;
  origins?: Array<'vietnamese' | 'overseas_vietnamese' | 'foreigner'>;
  online: 'full' | 'partial';
  eligible?: boolean;
  time: { value: number; unit: 'working_days' | 'working_hours' | 'calendar_days' | 'months'; note?: string; online?: { value: number; unit: 'working_days' | 'calendar_days' | 'months' } };
  sequence: string[];
  requirements?: string;
  fees: ProcedureContent['fees'];
  components: ProcedureContent['components'];
  result: string;
  /** The warehouse document type of the result (components of later procedures accept it). */
  resultType?: string;
  resultTemplate?: string;
  approver?: 'unit_leader' | 'ministry_leader';
  processingUnit?: string;
  request: EformFieldSpec[];
  legal: Array<(typeof LAWS)[keyof typeof LAWS]>;
  decision: number;
}

export function procedure(s: Spec): CatalogExchangeProcedure {
  const kinds: ProcedureContent['subjects']['kinds'] =
    s.applicants === 'individual' ? ['citizen'] : s.applicants === 'organization' ? ['business', 'organization'] : ['citizen', 'business', 'organization'];
  const sections: EformSectionSpec[] = [SECTION_APPLICANT, SECTION_REQUEST, SECTION_DECLARATION];
  const eform = buildEform({ sections, fields: [...applicantFields(s.applicants), ...s.request, declarationField()] });
  const processingTime: NonNullable<ProcedureContent['processingTime']> = {
    value: s.time.value,
    unit: s.time.unit,
    skipDaysOff: false,
    ...(s.time.online ? { online: s.time.online } : {}),
    ...(s.time.note ? { note: s.time.note } : {}),
  };
  const content: ProcedureContent = {
    name: s.name,
    nameEn: s.nameEn,
    field: s.field,
    level: 'central',
    implementingUnits: s.units ?? [
      { unitId: s.owner, role: 'decides' },
      { unitId: 'bo-phan-mot-cua', role: 'receives' },
    ],
    subjects: { kinds, origins: s.origins ?? ['vietnamese', 'overseas_vietnamese', 'foreigner'] },
    onlineLevel: s.online,
    fullOnlineEligible: s.eligible ?? s.online === 'full',
    methods: {
      channels: ['online', 'direct', 'postal'],
      description:
        'Nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc Cổng dịch vụ công của Bộ Khoa học và Công nghệ; nộp trực tiếp tại Bộ phận Một cửa; hoặc gửi qua dịch vụ bưu chính công ích.',
    },
    sequence: s.sequence,
    ...(s.requirements ? { requirements: s.requirements } : {}),
    processingTime,
    fees: s.fees,
    components: s.components,
    result: { producesDocument: true, name: s.result, ...(s.resultTemplate ? { templateRef: s.resultTemplate } : {}), ...(s.resultType ? { documentType: s.resultType } : {}) },
    steps: workflow(s.time.online && s.time.online.value < s.time.value && s.time.online.unit === s.time.unit ? s.time.online : s.time, {
      approver: s.approver,
      processingUnit: s.processingUnit,
    }),
    eform,
    legalBasis: s.legal,
    publicationDecisions: [DEMO_DECISION(s.decision)],
  };
  return { code: s.code, codeStatus: 'demo', ownerUnitId: s.owner, content };
}

// ---------- shared pieces ----------

export const IP_UNITS = (division: string) => [
  { unitId: 'cuc-shtt', role: 'decides' as const },
  { unitId: division, role: 'processes' as const },
  { unitId: 'bo-phan-mot-cua', role: 'receives' as const },
];

export const ipSequence = (publication = true) => [
  'Bước 1: Người nộp đơn nộp đơn và nộp phí, lệ phí trực tuyến hoặc tại Cục Sở hữu trí tuệ (hoặc văn phòng đại diện tại TP. Hồ Chí Minh, Đà Nẵng).',
  'Bước 2: Thẩm định hình thức đơn; thông báo chấp nhận đơn hợp lệ hoặc dự định từ chối để người nộp đơn sửa chữa thiếu sót.',
  ...(publication ? ['Bước 3: Công bố đơn hợp lệ trên Công báo sở hữu công nghiệp.'] : []),
  `Bước ${publication ? 4 : 3}: Thẩm định nội dung; thông báo kết quả thẩm định và dự định cấp hoặc từ chối cấp văn bằng bảo hộ.`,
  `Bước ${publication ? 5 : 4}: Người nộp đơn nộp lệ phí cấp văn bằng; Cục Sở hữu trí tuệ ra quyết định cấp, ghi nhận vào Sổ đăng ký quốc gia và công bố.`,
];

export const ipFee = (code: string, name: string, amountVnd: number, kind: 'fee' | 'charge' = 'fee', basis?: string) => ({
  code,
  name,
  kind,
  amountVnd,
  ...(basis ? { basis } : {}),
});

export const ownerQuestion: EformFieldSpec[] = [
  {
    path: 'request.viaAgent',
    section: 'request',
    type: 'checkbox',
    label: t('Nộp đơn thông qua tổ chức dịch vụ đại diện sở hữu công nghiệp', 'Filed through an industrial property agent'),
  },
  {
    path: 'request.agentName',
    section: 'request',
    type: 'text',
    label: t('Tên tổ chức dịch vụ đại diện', 'Name of the agent'),
    required: true,
    maxLength: 300,
    visibleIf: { field: 'request.viaAgent', equals: true },
  },
];

export const priority: EformFieldSpec[] = [
  { path: 'request.claimsPriority', section: 'request', type: 'checkbox', label: t('Yêu cầu hưởng quyền ưu tiên', 'Claims priority') },
  {
    path: 'request.priorityApplicationNumber',
    section: 'request',
    type: 'text',
    label: t('Số đơn là cơ sở hưởng quyền ưu tiên', 'Number of the priority application'),
    required: true,
    maxLength: 50,
    visibleIf: { field: 'request.claimsPriority', equals: true },
  },
  {
    path: 'request.priorityDate',
    section: 'request',
    type: 'date',
    label: t('Ngày nộp đơn ưu tiên', 'Filing date of the priority application'),
    required: true,
    visibleIf: { field: 'request.claimsPriority', equals: true },
  },
  {
    path: 'request.priorityCountry',
    section: 'request',
    type: 'text',
    label: t('Nước nộp đơn ưu tiên', 'Country of the priority application'),
    required: true,
    maxLength: 100,
    visibleIf: { field: 'request.claimsPriority', equals: true },
  },
];

export const certificateNumber: EformFieldSpec = {
  path: 'request.certificateNumber',
  section: 'request',
  type: 'text',
  label: t('Số văn bằng bảo hộ', 'Protection title number'),
  required: true,
  maxLength: 30,
};

export const applicationNumber: EformFieldSpec = {
  path: 'request.applicationNumber',
  section: 'request',
  type: 'text',
  label: t('Số đơn', 'Application number'),
  required: true,
  pattern: '^[1-4]-[0-9]{4}-[0-9]{5}$',
  help: t('Dạng 1-2024-01234 (1: sáng chế, 2: giải pháp hữu ích, 3: kiểu dáng, 4: nhãn hiệu).', 'Like 1-2024-01234 (1 patent, 2 utility solution, 3 design, 4 trademark).'),
};

export const objectType: EformFieldSpec = {
  path: 'request.objectType',
  section: 'request',
  type: 'select',
  label: t('Đối tượng sở hữu công nghiệp', 'Industrial property subject matter'),
  required: true,
  options: [
    { value: 'patent', label: t('Sáng chế', 'Patent') },
    { value: 'utility_solution', label: t('Giải pháp hữu ích', 'Utility solution') },
    { value: 'industrial_design', label: t('Kiểu dáng công nghiệp', 'Industrial design') },
    { value: 'trademark', label: t('Nhãn hiệu', 'Trademark') },
    { value: 'layout_design', label: t('Thiết kế bố trí mạch tích hợp bán dẫn', 'Semiconductor layout design') },
    { value: 'geographical_indication', label: t('Chỉ dẫn địa lý', 'Geographical indication') },
  ],
};

export const stOrgFields: EformFieldSpec[] = [
  { path: 'request.organizationNameVi', section: 'request', type: 'text', label: t('Tên tổ chức khoa học và công nghệ (tiếng Việt)', 'Name of the S&T organization (Vietnamese)'), required: true, maxLength: 300 },
  { path: 'request.organizationNameEn', section: 'request', type: 'text', label: t('Tên giao dịch quốc tế (nếu có)', 'International name (if any)'), maxLength: 300 },
  {
    path: 'request.organizationType',
    section: 'request',
    type: 'select',
    label: t('Loại hình tổ chức', 'Type of organization'),
    required: true,
    options: [
      { value: 'research_institute', label: t('Viện nghiên cứu', 'Research institute') },
      { value: 'research_centre', label: t('Trung tâm nghiên cứu, phát triển', 'R&D centre') },
      { value: 'university', label: t('Cơ sở giáo dục đại học', 'University') },
      { value: 'service', label: t('Tổ chức dịch vụ khoa học và công nghệ', 'S&T service organization') },
    ],
  },
  { path: 'request.researchFields', section: 'request', type: 'textarea', label: t('Lĩnh vực hoạt động khoa học và công nghệ', 'Fields of S&T activity'), required: true, maxLength: 3000 },
  { path: 'request.headquarters', section: 'request', type: 'text', label: t('Địa chỉ trụ sở chính', 'Head office address'), required: true, prefill: 'organization.address', prefillEditable: true },
  { path: 'request.charterCapital', section: 'request', type: 'integer', label: t('Vốn đăng ký (đồng)', 'Registered capital (VND)'), minimum: 0 },
  { path: 'request.researchStaff', section: 'request', type: 'integer', label: t('Số nhân lực khoa học và công nghệ', 'S&T staff'), required: true, minimum: 1, maximum: 100000 },
];

export const transferFields: EformFieldSpec[] = [
  { path: 'request.technologyName', section: 'request', type: 'text', label: t('Tên công nghệ được chuyển giao', 'Technology transferred'), required: true, maxLength: 500 },
  { path: 'request.transferor', section: 'request', type: 'text', label: t('Bên giao công nghệ', 'Transferor'), required: true, maxLength: 300 },
  { path: 'request.transferee', section: 'request', type: 'text', label: t('Bên nhận công nghệ', 'Transferee'), required: true, maxLength: 300 },
  { path: 'request.contractNumber', section: 'request', type: 'text', label: t('Số hợp đồng', 'Contract number'), required: true, maxLength: 100 },
  { path: 'request.contractDate', section: 'request', type: 'date', label: t('Ngày ký hợp đồng', 'Contract date'), required: true },
  { path: 'request.contractValue', section: 'request', type: 'integer', label: t('Giá trị hợp đồng (đồng)', 'Contract value (VND)'), required: true, minimum: 0 },
  {
    path: 'request.direction',
    section: 'request',
    type: 'radio',
    label: t('Hình thức chuyển giao', 'Direction of transfer'),
    required: true,
    options: [
      { value: 'inbound', label: t('Từ nước ngoài vào Việt Nam', 'From abroad into Viet Nam') },
      { value: 'outbound', label: t('Từ Việt Nam ra nước ngoài', 'From Viet Nam abroad') },
      { value: 'domestic', label: t('Trong nước', 'Within Viet Nam') },
    ],
  },
];

export const sourceFields: EformFieldSpec[] = [
  { path: 'request.facilityName', section: 'request', type: 'text', label: t('Tên cơ sở tiến hành công việc bức xạ', 'Name of the facility'), required: true, maxLength: 300 },
  { path: 'request.facilityAddress', section: 'request', type: 'text', label: t('Địa chỉ nơi đặt nguồn/thiết bị', 'Where the source or device is kept'), required: true, maxLength: 500 },
  { path: 'request.radionuclide', section: 'request', type: 'text', label: t('Đồng vị phóng xạ hoặc loại thiết bị', 'Radionuclide or device type'), required: true, maxLength: 100 },
  { path: 'request.activity', section: 'request', type: 'number', label: t('Hoạt độ (Bq) hoặc điện áp cực đại (kV)', 'Activity (Bq) or maximum voltage (kV)'), required: true, minimum: 0 },
  { path: 'request.safetyOfficer', section: 'request', type: 'text', label: t('Người phụ trách an toàn bức xạ', 'Radiation safety officer'), required: true, maxLength: 100 },
  { path: 'request.safetyOfficerCertificate', section: 'request', type: 'text', label: t('Số chứng chỉ nhân viên bức xạ của người phụ trách an toàn', 'Certificate number of the safety officer'), required: true, maxLength: 50 },
];

export const instrumentFields: EformFieldSpec[] = [
  { path: 'request.instrumentName', section: 'request', type: 'text', label: t('Tên phương tiện đo', 'Measuring instrument'), required: true, maxLength: 300 },
  { path: 'request.model', section: 'request', type: 'text', label: t('Kiểu (ký hiệu)', 'Model'), required: true, maxLength: 100 },
  { path: 'request.manufacturer', section: 'request', type: 'text', label: t('Nhà sản xuất', 'Manufacturer'), required: true, maxLength: 300 },
  { path: 'request.origin', section: 'request', type: 'text', label: t('Nước sản xuất', 'Country of manufacture'), required: true, maxLength: 100 },
  { path: 'request.accuracyClass', section: 'request', type: 'text', label: t('Cấp/độ chính xác', 'Accuracy class'), required: true, maxLength: 50 },
  { path: 'request.measuringRange', section: 'request', type: 'text', label: t('Phạm vi đo', 'Measuring range'), required: true, maxLength: 100 },
];

export const serviceScope: EformFieldSpec[] = [
  {
    path: 'request.activities',
    section: 'request',
    type: 'multiselect',
    label: t('Hoạt động đăng ký', 'Activities registered'),
    required: true,
    options: [
      { value: 'verification', label: t('Kiểm định', 'Verification') },
      { value: 'calibration', label: t('Hiệu chuẩn', 'Calibration') },
      { value: 'testing', label: t('Thử nghiệm', 'Testing') },
    ],
  },
  { path: 'request.scope', section: 'request', type: 'textarea', label: t('Danh mục phương tiện đo, chuẩn đo lường và phạm vi đo', 'Instruments, standards and ranges'), required: true, maxLength: 5000 },
  { path: 'request.staffCount', section: 'request', type: 'integer', label: t('Số kiểm định viên/nhân viên kỹ thuật', 'Number of verifiers/technicians'), required: true, minimum: 1 },
];

export const taskFields: EformFieldSpec[] = [
  { path: 'request.taskTitle', section: 'request', type: 'text', label: t('Tên nhiệm vụ khoa học và công nghệ', 'Title of the S&T task'), required: true, maxLength: 500 },
  { path: 'request.taskCode', section: 'request', type: 'text', label: t('Mã số nhiệm vụ (nếu có)', 'Task code (if any)'), maxLength: 50 },
  { path: 'request.programme', section: 'request', type: 'text', label: t('Thuộc chương trình', 'Programme'), required: true, maxLength: 300 },
  { path: 'request.hostInstitution', section: 'request', type: 'text', label: t('Tổ chức chủ trì', 'Host institution'), required: true, prefill: 'organization.name', prefillEditable: true, maxLength: 300 },
  { path: 'request.principalInvestigator', section: 'request', type: 'text', label: t('Chủ nhiệm nhiệm vụ', 'Principal investigator'), required: true, maxLength: 100 },
  { path: 'request.budget', section: 'request', type: 'integer', label: t('Kinh phí (triệu đồng)', 'Budget (million VND)'), required: true, minimum: 0 },
];

export const ipComponents = {
  request: (code: string, form: string) =>
    component({ code, name: `Tờ khai đăng ký theo ${form}`, originals: 2, acceptedFormats: ['pdf', 'docx'], templateRef: form }),
  description: (code: string, what: string) => component({ code, name: what, acceptedFormats: ['pdf', 'docx'] }),
  priorityDoc: (code: string) =>
    component({
      code,
      name: 'Tài liệu xác nhận quyền ưu tiên (bản sao đơn đầu tiên có xác nhận của cơ quan nhận đơn)',
      requirement: 'conditional',
      condition: 'Khi đơn có yêu cầu hưởng quyền ưu tiên.',
      originals: 0,
      copies: 1,
      acceptedFormats: ['pdf'],
    }),
  certificate: (code: string) =>
    component({
      code,
      name: 'Bản gốc văn bằng bảo hộ',
      requirement: 'conditional',
      condition: 'Khi yêu cầu ghi nhận thay đổi vào văn bằng.',
      acceptedFormats: ['pdf'],
      warehouseDocumentTypes: ['VBBH-SHCN'],
    }),
};

export { applicantFields, businessRegistration, component, declarationField, feeReceipt, identityCopy, powerOfAttorney, SECTION_APPLICANT, SECTION_DECLARATION, SECTION_REQUEST, workflow } from '../builders.ts';
