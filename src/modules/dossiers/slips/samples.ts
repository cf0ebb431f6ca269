// Realistic sample slips (Vietnamese with every diacritic the forms meet), for the tests and for
// previewing a layout change by eye.
import type { LedgerSlip, SlipInput, SlipKind } from './types.ts';

const agency = { parentName: 'BỘ KHOA HỌC VÀ CÔNG NGHỆ', name: 'CỤC SỞ HỮU TRÍ TUỆ', place: 'Hà Nội' };
/** 05/03/2026 10:30 in Hà Nội. */
const issuedAt = '2026-03-05T03:30:00Z';
const dossier = {
  code: 'G01.BKHCN.SHTT-260302-0007',
  procedureCode: '1.011234',
  procedureName: 'Đăng ký chuyển giao công nghệ',
  applicantName: 'Nguyễn Thị Hương Giang',
  applicantIdNumber: '001190012345',
  applicantAddress: 'Số 18 ngõ Quỳnh, phường Bạch Mai, thành phố Hà Nội',
  applicantPhone: '0912 345 678',
  applicantEmail: 'giang.nth@example.vn',
  channel: 1 as const,
  /** 02/03/2026 09:00 in Hà Nội. */
  receivedAt: '2026-03-02T02:00:00Z',
  dueAt: '2026-03-16T10:00:00Z',
  submitter: 'Trần Văn Lữ',
};
const officer = { name: 'Phạm Đức Thắng' };
const lookup = { url: 'https://dichvucong.most.gov.vn/tra-cuu', secret: 'K7QX-92MD' };

const names = ['Nguyễn Thị Hương Giang', 'Công ty Cổ phần Dược phẩm Ánh Dương', 'Lương Thế Vỹ', 'Đặng Thị Xuân Hằng'];
const procedures = ['Đăng ký chuyển giao công nghệ', 'Cấp Giấy chứng nhận đăng ký nhãn hiệu', 'Sửa đổi văn bằng bảo hộ'];
const statuses = ['Đã trả kết quả', 'Đang giải quyết', 'Chờ bổ sung', 'Quá hạn'];

export const SAMPLE_SLIPS: { readonly [K in SlipKind]: Extract<SlipInput, { kind: K }> } = {
  '01': {
    kind: '01',
    agency,
    number: '07/GTN-SHTT',
    issuedAt,
    dossier,
    officer,
    lookup,
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    feesTotal: 1_250_000,
    components: [
      { name: 'Văn bản đề nghị đăng ký chuyển giao công nghệ', originals: 1, copies: 0 },
      { name: 'Hợp đồng chuyển giao công nghệ bằng tiếng Việt', originals: 1, copies: 1 },
      { name: 'Giấy chứng nhận đăng ký doanh nghiệp của bên nhận', originals: 0, copies: 1 },
      { name: 'Bản sao chứng thực giấy tờ chứng minh tư cách pháp lý của người đại diện', originals: 0, copies: 1 },
    ],
  },
  '02': {
    kind: '02',
    agency,
    number: '12/TB-SHTT',
    issuedAt,
    dossier,
    officer: { name: 'Lê Thị Mỹ Hạnh', title: 'Người hướng dẫn' },
    lookup,
    items: [
      { name: 'Hợp đồng chuyển giao công nghệ', note: 'bổ sung chữ ký của người đại diện theo pháp luật bên giao' },
      { name: 'Danh mục máy móc, thiết bị kèm theo công nghệ chuyển giao' },
    ],
    reason: 'Hồ sơ chưa đủ thành phần theo quy định; bản dịch chưa được chứng thực, chữ ký thiếu dấu giáp lai.',
  },
  '03': {
    kind: '03',
    agency,
    issuedAt,
    dossier,
    officer,
    lookup,
    reasons: [
      'Thủ tục không thuộc thẩm quyền giải quyết của Cục Sở hữu trí tuệ.',
      'Đề nghị Ông/Bà liên hệ Sở Khoa học và Công nghệ nơi đặt trụ sở để được hướng dẫn.',
    ],
  },
  '04': {
    kind: '04',
    agency,
    number: '03/PXL-SHTT',
    issuedAt,
    dossier,
    officer: { name: 'Võ Thị Yến', title: 'Cục trưởng' },
    lookup,
    reason: 'Cần lấy ý kiến thẩm định của Hội đồng tư vấn về tính mới của công nghệ; kết quả dự kiến chậm hai ngày.',
    originalDueAt: '2026-03-16T10:00:00Z',
    newDueAt: '2026-03-18T10:00:00Z',
  },
  '05': {
    kind: '05',
    agency,
    issuedAt,
    dossier,
    officer,
    lookup,
    rows: [
      {
        step: 'Tiếp nhận hồ sơ',
        fromName: 'Bộ phận Một cửa',
        toName: 'Phòng Đăng ký',
        handedAt: '2026-03-02T02:00:00Z',
        dueAt: '2026-03-02T10:00:00Z',
        finishedAt: '2026-03-02T08:15:00Z',
        onTime: true,
      },
      {
        step: 'Thẩm định hồ sơ',
        fromName: 'Phòng Đăng ký',
        toName: 'Chuyên viên Đỗ Mạnh Dũng',
        handedAt: '2026-03-02T08:15:00Z',
        dueAt: '2026-03-09T10:00:00Z',
        finishedAt: '2026-03-10T04:00:00Z',
        onTime: false,
        note: 'Chờ ý kiến phối hợp',
      },
      {
        step: 'Trình ký, phê duyệt',
        fromName: 'Chuyên viên Đỗ Mạnh Dũng',
        toName: 'Lãnh đạo Cục',
        handedAt: '2026-03-10T04:00:00Z',
        dueAt: '2026-03-12T10:00:00Z',
        onTime: null,
      },
    ],
  },
  '06': ledger(12),
  stop: {
    kind: 'stop',
    agency,
    number: '21/TB-SHTT',
    issuedAt,
    dossier,
    officer: { name: 'Võ Thị Yến', title: 'Cục trưởng' },
    lookup,
    reason: 'Tổ chức, cá nhân đề nghị rút hồ sơ để bổ sung tài liệu kỹ thuật trước khi nộp lại.',
    requestedAt: '2026-03-04T03:00:00Z',
  },
};

/** A ledger of n dossiers over March 2026 (n large enough spans pages). */
export function ledger(n: number): LedgerSlip {
  return {
    kind: '06',
    agency,
    issuedAt,
    officer: { name: 'Phạm Đức Thắng', title: 'Người lập sổ' },
    unitName: 'Bộ phận Tiếp nhận và Trả kết quả - Cục Sở hữu trí tuệ',
    period: { from: '2026-02-28T17:00:00Z', to: '2026-03-31T16:59:59Z' },
    rows: Array.from({ length: n }, (_, i) => {
      const day = String(2 + (i % 27)).padStart(2, '0');
      return {
        code: `G01.BKHCN.SHTT-2603${day}-${String(i + 1).padStart(4, '0')}`,
        procedureName: procedures[i % procedures.length] ?? '',
        applicantName: names[i % names.length] ?? '',
        receivedAt: `2026-03-${day}T02:00:00Z`,
        dueAt: `2026-03-${day}T09:00:00Z`,
        ...(i % 4 === 0 ? { finishedAt: `2026-03-${day}T08:00:00Z`, returnedAt: `2026-03-${day}T08:30:00Z` } : {}),
        statusName: statuses[i % statuses.length] ?? '',
        note: i % 3 === 0 ? 'Nộp qua bưu chính, đã gửi thông báo' : '',
      };
    }),
  };
}
