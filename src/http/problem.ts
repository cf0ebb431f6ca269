// RFC 9457 problem details. Every error leaves the server as application/problem+json with a
// stable `type` (a code under /problems/), a title in the request's language, a detail and, for
// validation failures, per-field `errors`. Never a stack trace.
import { z } from 'zod';
import type { Localized, Lang } from './language.ts';
import { issueMessage, type IssueLike } from './validation-messages.ts';

export const problemCatalog = {
  validation: { status: 422, title: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' } },
  malformed_body: { status: 400, title: { vi: 'Nội dung yêu cầu không đúng cú pháp', en: 'Malformed request body' } },
  unsupported_media_type: {
    status: 415,
    title: { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
  },
  payload_too_large: { status: 413, title: { vi: 'Dữ liệu gửi lên quá lớn', en: 'Request body too large' } },
  bad_request: { status: 400, title: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' } },
  bad_url: { status: 400, title: { vi: 'Địa chỉ yêu cầu không hợp lệ', en: 'Malformed request address' } },
  uri_too_long: { status: 414, title: { vi: 'Địa chỉ yêu cầu quá dài', en: 'Request address too long' } },
  request_timeout: { status: 408, title: { vi: 'Hết thời gian chờ yêu cầu', en: 'Request timeout' } },
  headers_too_large: { status: 431, title: { vi: 'Phần đầu yêu cầu quá lớn', en: 'Request headers too large' } },
  not_found: { status: 404, title: { vi: 'Không tìm thấy', en: 'Not found' } },
  method_not_allowed: { status: 405, title: { vi: 'Phương thức không được phép', en: 'Method not allowed' } },
  unauthorized: { status: 401, title: { vi: 'Chưa xác thực', en: 'Authentication required' } },
  forbidden: { status: 403, title: { vi: 'Không có quyền thực hiện', en: 'Forbidden' } },
  csrf: {
    status: 403,
    title: { vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu', en: 'Missing or wrong CSRF token' },
  },
  conflict: { status: 409, title: { vi: 'Xung đột dữ liệu', en: 'Conflict' } },
  // Login (identity module)
  login_failed: { status: 400, title: { vi: 'Đăng nhập không thành công', en: 'Login failed' } },
  invalid_credentials: {
    status: 401,
    title: { vi: 'Thông tin đăng nhập không đúng', en: 'Invalid credentials' },
  },
  totp_required: {
    status: 401,
    title: { vi: 'Cần mã xác thực hai lớp (TOTP)', en: 'A one-time code (TOTP) is required' },
  },
  insufficient_assurance: {
    status: 403,
    title: { vi: 'Cần đăng nhập với mức độ định danh điện tử cao hơn', en: 'A higher e-ID assurance level is required' },
  },
  invalid_identifier: { status: 422, title: { vi: 'Mã định danh không hợp lệ', en: 'Invalid identifier' } },
  too_many_requests: { status: 429, title: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' } },
  unavailable: { status: 503, title: { vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service temporarily unavailable' } },
  // Procedure catalog (catalog module)
  publication_incomplete: {
    status: 422,
    title: { vi: 'Thủ tục chưa đủ các bộ phận phải công khai', en: 'The procedure lacks parts that must be public' },
  },
  // National population database (population module)
  population_unavailable: {
    status: 503,
    title: { vi: 'Chưa lấy được dữ liệu dân cư', en: 'Population data unavailable' },
  },
  population_not_found: {
    status: 404,
    title: { vi: 'Không có dữ liệu dân cư phù hợp', en: 'No matching population record' },
  },
  // Files of dossiers (files module)
  file_too_large: { status: 413, title: { vi: 'Tệp quá lớn', en: 'File too large' } },
  file_type_refused: { status: 415, title: { vi: 'Loại tệp không được chấp nhận', en: 'File type not accepted' } },
  files_total_too_large: {
    status: 413,
    title: { vi: 'Tổng dung lượng các tệp vượt giới hạn', en: 'The files together are too large' },
  },
  // Online payment through PayGov (payments module)
  payment_unavailable: {
    status: 503,
    title: { vi: 'Chưa kết nối được Nền tảng thanh toán trực tuyến', en: 'The online payment platform is unavailable' },
  },
  payment_gateway_error: {
    status: 502,
    title: { vi: 'Nền tảng thanh toán trực tuyến trả lời không hợp lệ', en: 'The online payment platform gave an invalid answer' },
  },
  payment_checksum: {
    status: 400,
    title: { vi: 'Sai mã xác thực của kết quả thanh toán', en: 'Wrong checksum on a payment result' },
  },
  // Dossiers
  illegal_transition: {
    status: 409,
    title: { vi: 'Thao tác không được phép ở trạng thái hiện tại', en: 'Action not allowed in the current status' },
  },
  apology_limit: { status: 409, title: { vi: 'Đã hẹn lại ngày trả kết quả', en: 'Already rescheduled once' } },
  apology_too_late: { status: 409, title: { vi: 'Quá muộn để hẹn lại ngày trả kết quả', en: 'Too late to reschedule' } },
  invalid_reschedule: { status: 422, title: { vi: 'Ngày hẹn mới không hợp lệ', en: 'Invalid new date' } },
  not_assignee: { status: 403, title: { vi: 'Không phải cán bộ được phân công', en: 'Not the assigned officer' } },
  precondition_failed: { status: 412, title: { vi: 'Hồ sơ đã thay đổi', en: 'The dossier has changed' } },
  precondition_required: { status: 428, title: { vi: 'Thiếu phiên bản hồ sơ (If-Match)', en: 'If-Match required' } },
  // Results
  result_signer_unavailable: { status: 409, title: { vi: 'Chưa ký số được văn bản kết quả', en: 'The result document cannot be signed' } },
  result_revoked: { status: 409, title: { vi: 'Văn bản kết quả đã bị thu hồi', en: 'The result was revoked' } },
  internal: { status: 500, title: { vi: 'Lỗi hệ thống', en: 'Internal server error' } },
  // Data-exchange gateway (lgsp module)
  lgsp_invalid_client: { status: 401, title: { vi: 'Không xác thực được hệ thống khai thác', en: 'Client authentication failed' } },
  lgsp_invalid_token: { status: 401, title: { vi: 'Mã truy cập không hợp lệ hoặc đã hết hạn', en: 'Invalid or expired access token' } },
  lgsp_not_allowed: { status: 403, title: { vi: 'Hệ thống khai thác không được phép gọi dịch vụ này', en: 'The client may not call this service' } },
  lgsp_unknown_service: { status: 404, title: { vi: 'Không có dịch vụ chia sẻ dữ liệu này', en: 'No such data-sharing service' } },
  lgsp_purpose_required: { status: 400, title: { vi: 'Thiếu hoặc sai mục đích khai thác dữ liệu', en: 'Missing or unknown purpose' } },
  lgsp_request_invalid: { status: 400, title: { vi: 'Yêu cầu không đúng lược đồ của dịch vụ', en: 'The request does not match the service schema' } },
  lgsp_response_invalid: { status: 502, title: { vi: 'Hệ thống cung cấp trả lời không đúng lược đồ', en: 'The provider answered outside the service schema' } },
  lgsp_provider_failed: { status: 502, title: { vi: 'Hệ thống cung cấp dữ liệu không trả lời được', en: 'The provider failed' } },
  lgsp_rate_limited: { status: 429, title: { vi: 'Vượt giới hạn số lần gọi', en: 'Rate limit or quota exceeded' } },
  lgsp_log_unavailable: { status: 503, title: { vi: 'Chưa ghi được nhật ký trao đổi dữ liệu', en: 'The message log is unavailable' } },
  // Virus scan, digitization and the data warehouse (files, warehouse modules)
  file_infected: { status: 422, title: { vi: 'Tệp chứa mã độc', en: 'The file contains malware' } },
  scanner_unavailable: { status: 503, title: { vi: 'Chưa quét được mã độc', en: 'The virus scanner is unavailable' } },
  not_digitized: { status: 422, title: { vi: 'Thành phần hồ sơ giấy chưa được số hóa', en: 'A paper component is not digitized' } },
} as const satisfies Record<string, { status: number; title: Localized }>;

export type ProblemCode = keyof typeof problemCatalog;

export interface FieldError {
  /** JSON pointer into the request part, e.g. `/query/amount` or `/body/applicant/name`. */
  pointer: string;
  code: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  code: ProblemCode;
  status: number;
  title: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const problemSchema = z
  .object({
    type: z.string(),
    code: z.string(),
    status: z.number().int(),
    title: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly detailText?: Localized | string;
  readonly fieldErrors?: Array<{ pointer: string; code: string; message: Localized | string }>;
  readonly extensions?: Record<string, unknown>;

  constructor(
    code: ProblemCode,
    options: {
      detail?: Localized | string;
      errors?: Array<{ pointer: string; code: string; message: Localized | string }>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(typeof options.detail === 'string' ? options.detail : (options.detail?.en ?? code));
    this.name = 'ProblemError';
    this.code = code;
    this.detailText = options.detail;
    this.fieldErrors = options.errors;
    this.extensions = options.extensions;
  }

  get status(): number {
    return problemCatalog[this.code].status;
  }
}

const pick = (text: Localized | string, lang: Lang) => (typeof text === 'string' ? text : text[lang]);

export function problemBody(
  code: ProblemCode,
  lang: Lang,
  options: {
    detail?: Localized | string;
    errors?: Array<{ pointer: string; code: string; message: Localized | string }>;
    instance?: string;
    extensions?: Record<string, unknown>;
  } = {},
): ProblemBody {
  const entry = problemCatalog[code];
  return {
    ...options.extensions,
    type: `/problems/${code}`,
    code,
    status: entry.status,
    title: entry.title[lang],
    ...(options.detail !== undefined ? { detail: pick(options.detail, lang) } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.errors
      ? { errors: options.errors.map((e) => ({ pointer: e.pointer, code: e.code, message: pick(e.message, lang) })) }
      : {}),
  };
}

/** Zod issues as localized field errors under a request part (`query`, `body`, `params`). */
export function zodFieldErrors(
  issues: ReadonlyArray<IssueLike & { path: ReadonlyArray<PropertyKey> }>,
  part: string,
): Array<{ pointer: string; code: string; message: Localized }> {
  return issues.map((issue) => ({
    pointer: `/${[part, ...issue.path.map(String)].filter(Boolean).join('/')}`,
    code: issue.code,
    message: issueMessage(issue),
  }));
}
