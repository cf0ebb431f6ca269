// The population emulator's own address, for someone who opens it in a browser (README tour):
// what it is, how it is called, and the way back. No script; inline CSS.
const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f8}
main{max-width:46rem;margin:0 auto;padding:1rem}.card{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:1.25rem;margin-bottom:1rem}
h1{font-size:1.35rem;margin:.25rem 0 1rem;color:#a3161a}h2{font-size:1.1rem;margin:1rem 0 .5rem}
.demo{background:#fff4ce;border-left:4px solid #8a6100;padding:.5rem .75rem}code,pre{font-size:.9rem;background:#f3f5f8;padding:0 .2rem}
pre{padding:.5rem;overflow-x:auto}a{color:#0b4fb3}:focus-visible{outline:3px solid #1b1f24;outline-offset:2px}`;

export function populationIndexPage(options: { mountPath: string; people: number | null; home?: string }): string {
  const base = options.mountPath.replace(/\/$/, '');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Giả lập Cơ sở dữ liệu quốc gia về dân cư</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="card">
<h1>Giả lập Cơ sở dữ liệu quốc gia về dân cư</h1>
<p class="demo"><strong>Môi trường thử nghiệm.</strong> Đây không phải hệ thống thật: mọi công dân là dữ liệu giả lập${options.people === null ? '' : ` (${escapeHtml(options.people.toLocaleString('vi-VN'))} người)`}.</p>
<p>Dịch vụ tra cứu thông tin công dân theo giao thức của nhà cung cấp (qua LGSP/NDXP): gửi <code>POST ${escapeHtml(base)}/</code> với nội dung JSON và tiêu đề <code>Authorization: Bearer &lt;khóa truy cập&gt;</code> của mã tích hợp.</p>
<pre>{"HoVaTen": "…", "SoDinhDanh": "001085012345", "NgayThangNam": "19850312",
 "MaTichHop": "…", "MaDVC": "…", "MaCanBo": "…", "MaYeuCau": "…"}</pre>
<h2>Điều khiển khi kiểm thử</h2>
<p><code>GET/PUT ${escapeHtml(base)}/_admin/knobs</code> (độ trễ, tỷ lệ lỗi, ngừng hoạt động) và <code>POST ${escapeHtml(base)}/_admin/reset</code>, cùng khóa truy cập.</p>
${options.home ? `<p><a href="${escapeHtml(options.home)}">Về trang chủ</a></p>` : ''}
</div>
<div class="card" lang="en">
<h2>National population database emulator</h2>
<p>A test service answering population queries (the vendor protocol, over synthetic people) as the national database would. Not the real service. Query with <code>POST ${escapeHtml(base)}/</code> and the integration code's bearer key; test knobs under <code>${escapeHtml(base)}/_admin/</code>.</p>
${options.home ? `<p><a href="${escapeHtml(options.home)}">Back to the home page</a></p>` : ''}
</div>
</main>
</body>
</html>`;
}
