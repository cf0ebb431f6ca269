// Server-rendered pages of the payment platform emulator: Vietnamese, accessible (lang, headings,
// a description list for the receipt, labelled buttons, role=alert for errors), usable on a
// phone, no script.
import { formatVnd, type InitMessage } from './wire.ts';

export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f3f5f8}
main{max-width:40rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:8px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.15);margin-bottom:1rem}
h1{font-size:1.35rem;margin:.25rem 0 1rem;color:#0b4f8a}h2{font-size:1.1rem;margin:1rem 0 .5rem}
.demo{background:#fff4ce;border-left:4px solid #c08a00;padding:.5rem .75rem;margin-bottom:1rem}
.error{background:#fde7e9;border-left:4px solid #a4262c;padding:.5rem .75rem;margin-bottom:1rem}
.amount{font-size:1.6rem;font-weight:700;margin:.25rem 0 1rem}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.35rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem;border-bottom:1px solid #ddd}td.num,th.num{text-align:right}
button{font-size:1rem;padding:.75rem 1.25rem;border-radius:4px;border:0;cursor:pointer;min-height:44px}
.primary{background:#0b4f8a;color:#fff}.secondary{background:#e1e1e1;color:#1b1b1b}
.row{display:flex;gap:.5rem;flex-wrap:wrap;margin-top:1rem}
:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

const line = (label: string, value: unknown) =>
  value === undefined || value === null || value === '' ? '' : `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;

export interface PaymentPageModel {
  action: string;
  init: InitMessage;
  /** A fault asked for in the page's query, carried to the form (`declined`, …). */
  fault?: string;
}

export function paymentPage(model: PaymentPageModel): string {
  const { init } = model;
  const r = init.ThongTinBienLai ?? { MaDichVu: '' };
  const fees = Array.isArray(r.PhiLePhi) ? r.PhiLePhi : [];
  const feeRows = fees
    .map((f) => {
      const amount = typeof f.SoTien === 'number' ? formatVnd(f.SoTien) : '';
      return `<tr><td>${escapeHtml(f.TenPhiLePhi)}</td><td class="num">${escapeHtml(amount)}</td></tr>`;
    })
    .join('');
  return page(
    'Thanh toán trực tuyến',
    `<div class="demo" role="note">Môi trường mô phỏng Nền tảng thanh toán trực tuyến (PayGov). Không có giao dịch thật.</div>
<div class="card">
<h1>Thanh toán phí, lệ phí</h1>
<p>Số tiền cần thanh toán</p>
<p class="amount" id="so-tien">${escapeHtml(formatVnd(init.SoTien))}</p>
<h2>Thông tin biên lai</h2>
<dl>
${line('Mã tham chiếu', init.MaThamChieu)}
${line('Nội dung', init.ThongTinGiaoDich)}
${line('Mã hồ sơ', r.MaHoSo)}
${line('Thủ tục', r.TenTTHC ? `${r.TenTTHC}${r.MaTTHC ? ` (${r.MaTTHC})` : ''}` : r.MaTTHC)}
${line('Đơn vị', r.TenDonVi)}
${line('Người nộp', r.HoTenNguoiNop)}
${line('Số giấy tờ', r.SoCMNDNguoiNop)}
${line('Địa chỉ', r.DiaChiNguoiNop)}
</dl>
${
  feeRows
    ? `<h2>Các khoản phí, lệ phí</h2><table><caption class="hint">Chi tiết số tiền</caption><thead><tr><th scope="col">Khoản</th><th scope="col" class="num">Số tiền</th></tr></thead><tbody>${feeRows}</tbody></table>`
    : ''
}
<form method="post" action="${escapeHtml(model.action)}">
${model.fault ? `<input type="hidden" name="loi" value="${escapeHtml(model.fault)}">` : ''}
<div class="row">
<button class="primary" type="submit" name="hanhDong" value="pay">Thanh toán</button>
<button class="secondary" type="submit" name="hanhDong" value="cancel">Hủy</button>
</div>
</form>
</div>`,
  );
}

export function messagePage(title: string, text: string, status: 'error' | 'info' = 'info'): string {
  return page(title, `<div class="card"><h1>${escapeHtml(title)}</h1><p${status === 'error' ? ' class="error" role="alert"' : ''}>${escapeHtml(text)}</p></div>`);
}
