// A small valid procedure version for tests of the catalog rules and module.
import { buildEform } from '../eforms/builder.ts';
import type { ProcedureContent } from './types.ts';

export const sampleEform = () =>
  buildEform({
    sections: [
      { id: 'applicant', title: { vi: 'Người nộp đơn', en: 'Applicant' } },
      { id: 'request', title: { vi: 'Nội dung đề nghị', en: 'Request' } },
    ],
    fields: [
      { path: 'applicant.fullName', section: 'applicant', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, required: true, prefill: 'fullName' },
      { path: 'applicant.personalId', section: 'applicant', type: 'personal_id', label: { vi: 'Số định danh cá nhân', en: 'Personal ID number' }, required: true, prefill: 'personalId' },
      {
        path: 'applicant.address',
        section: 'applicant',
        type: 'text',
        label: { vi: 'Địa chỉ liên hệ', en: 'Contact address' },
        required: true,
        prefill: 'permanentAddress',
        prefillEditable: true,
      },
      { path: 'applicant.phone', section: 'applicant', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, required: true },
      { path: 'request.title', section: 'request', type: 'text', label: { vi: 'Tên sáng chế', en: 'Title of the invention' }, required: true, maxLength: 300 },
      { path: 'request.procedure', section: 'request', type: 'text', label: { vi: 'Thủ tục', en: 'Procedure' }, prefill: 'catalog.procedureName' },
      { path: 'request.hasPriority', section: 'request', type: 'checkbox', label: { vi: 'Yêu cầu hưởng quyền ưu tiên', en: 'Claims priority' } },
      {
        path: 'request.priorityNumber',
        section: 'request',
        type: 'text',
        label: { vi: 'Số đơn ưu tiên', en: 'Priority application number' },
        required: true,
        visibleIf: { field: 'request.hasPriority', equals: true },
      },
    ],
  });

export function sampleContent(overrides: Partial<ProcedureContent> = {}): ProcedureContent {
  return {
    name: 'Thủ tục thử nghiệm đăng ký sáng chế',
    field: { code: 'SHCN', name: 'Sở hữu công nghiệp' },
    level: 'central',
    implementingUnits: [{ unitId: 'cuc-shtt', role: 'decides' }],
    subjects: { kinds: ['citizen', 'business'], origins: ['vietnamese'] },
    onlineLevel: 'full',
    fullOnlineEligible: true,
    methods: { channels: ['online', 'direct', 'postal'] },
    sequence: ['Nộp hồ sơ', 'Thẩm định', 'Trả kết quả'],
    processingTime: { value: 20, unit: 'working_days', skipDaysOff: false },
    fees: [{ code: 'LP01', name: 'Lệ phí nộp đơn', kind: 'charge', amountVnd: 150_000 }],
    components: [
      {
        code: 'TP01',
        name: 'Tờ khai đăng ký',
        requirement: 'required',
        originals: 1,
        copies: 0,
        acceptedFormats: ['pdf'],
        warehouseDocumentTypes: [],
        replacedByPopulationData: false,
      },
    ],
    result: { producesDocument: true, name: 'Văn bằng bảo hộ' },
    steps: [
      { kind: 'receive', role: 'receiver', budget: { value: 1, unit: 'working_days' } },
      { kind: 'examine', role: 'specialist', budget: { value: 15, unit: 'working_days' } },
      { kind: 'approve', role: 'unit_leader', budget: { value: 3, unit: 'working_days' } },
      { kind: 'return', role: 'receiver', budget: { value: 1, unit: 'working_days' } },
    ],
    eform: sampleEform(),
    legalBasis: [{ number: '65/2023/NĐ-CP', title: 'Nghị định quy định chi tiết về sở hữu công nghiệp', effectiveFrom: '2023-08-23' }],
    publicationDecisions: [{ number: '100/QĐ-BKHCN', decidedOn: '2024-01-20', kind: 'new' }],
    ...overrides,
  };
}
