// Server-rendered pages of the SSO emulator: Vietnamese, accessible (lang, labels, fieldsets,
// error summary with role=alert), usable on a phone, no script.
import type { SsoLevel } from './levels.ts';
import type { SsoSubject } from './subjects.ts';

export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f3f5f8}
main{max-width:40rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:8px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.15);margin-bottom:1rem}
h1{font-size:1.35rem;margin:.25rem 0 1rem;color:#a3161a}h2{font-size:1.1rem;margin:0 0 .5rem}
.demo{background:#fff4ce;border-left:4px solid #c08a00;padding:.5rem .75rem;margin-bottom:1rem}
.error{background:#fde7e9;border-left:4px solid #a4262c;padding:.5rem .75rem;margin-bottom:1rem}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
input[type=text],input[type=search],input[type=password]{width:100%;padding:.7rem;font-size:1rem;border:1px solid #767676;border-radius:4px}
fieldset{border:1px solid #c8c8c8;border-radius:4px;margin:.75rem 0;padding:.5rem .75rem}legend{font-weight:600;padding:0 .25rem}
.option{display:flex;gap:.6rem;align-items:flex-start;padding:.5rem 0;border-bottom:1px solid #eee}.option:last-child{border-bottom:0}
.option input{margin-top:.3rem;width:1.25rem;height:1.25rem;flex:none}.option label{margin:0;font-weight:400}
.hint{color:#505050;font-size:.9rem;display:block}
button{font-size:1rem;padding:.75rem 1.25rem;border-radius:4px;border:0;cursor:pointer;min-height:44px}
.primary{background:#a3161a;color:#fff}.secondary{background:#e1e1e1;color:#1b1b1b}
.row{display:flex;gap:.5rem;flex-wrap:wrap;margin-top:1rem}
nav a{margin-right:1rem}
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

export interface LoginPageModel {
  /** Page URL (GET, for the search form). */
  pageUrl: string;
  loginAction: string;
  abortAction: string;
  clientName: string;
  query: string;
  tab: SsoSubject['kind'];
  results: SsoSubject[];
  levels: SsoLevel[];
  /** Index of the lowest level the client accepts (-1: any). */
  requiredIndex: number;
  selectedLevel?: string;
  selectedKey?: string;
  demoPassword: string;
  error?: string;
}

export function loginPage(m: LoginPageModel): string {
  const otherTab = m.tab === 'person' ? 'organization' : 'person';
  const tabLabel = { person: 'Công dân', organization: 'Tổ chức, doanh nghiệp' } as const;
  const required = m.requiredIndex >= 0 ? m.levels[m.requiredIndex] : undefined;
  const defaultLevel = m.selectedLevel ?? m.levels[Math.max(m.requiredIndex, 0)]?.value;
  const results = m.results.length
    ? m.results
        .map(
          (s, i) => `<div class="option">
  <input type="radio" name="subject" id="subject-${i}" value="${escapeHtml(s.key)}"${
    (m.selectedKey ?? m.results[0]?.key) === s.key ? ' checked' : ''
  } required>
  <label for="subject-${i}">${escapeHtml(s.displayName)}<span class="hint">${escapeHtml(s.description)}${
    s.maxAcr === 'LoA1' ? ' · chỉ có tài khoản mức độ 1' : ''
  }</span></label>
</div>`,
        )
        .join('\n')
    : `<p>Không tìm thấy tài khoản nào khớp với “${escapeHtml(m.query)}”.</p>`;
  const levels = m.levels
    .map((l, i) => {
      const disabled = i < m.requiredIndex;
      return `<div class="option">
  <input type="radio" name="level" id="level-${i}" value="${escapeHtml(l.value)}"${l.value === defaultLevel ? ' checked' : ''}${
    disabled ? ' disabled' : ''
  } required>
  <label for="level-${i}">${escapeHtml(l.label)} (${escapeHtml(l.value)})${
    disabled ? '<span class="hint">Dịch vụ này yêu cầu mức độ cao hơn.</span>' : ''
  }</label>
</div>`;
    })
    .join('\n');
  const sep = m.pageUrl.includes('?') ? '&' : '?';
  return page(
    'Đăng nhập — Giả lập tài khoản định danh điện tử',
    `<div class="card">
<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
<p class="demo" role="note"><strong>Môi trường giả lập.</strong> Dữ liệu là dữ liệu tổng hợp, không phải thông tin của người thật. Mật khẩu dùng thử: <code>${escapeHtml(m.demoPassword)}</code></p>
<p>Dịch vụ yêu cầu đăng nhập: <strong>${escapeHtml(m.clientName)}</strong>${
      required ? `. Mức độ định danh tối thiểu: <strong>${escapeHtml(required.label)}</strong>` : ''
    }.</p>
${m.error ? `<div class="error" role="alert" id="error">${escapeHtml(m.error)}</div>` : ''}
<nav aria-label="Loại tài khoản"><strong>${tabLabel[m.tab]}</strong> · <a href="${escapeHtml(`${m.pageUrl}${sep}tab=${otherTab}`)}">Đăng nhập với tư cách ${tabLabel[otherTab].toLowerCase()}</a></nav>
</div>
<div class="card">
<form method="get" action="${escapeHtml(m.pageUrl)}" role="search">
<input type="hidden" name="tab" value="${m.tab}">
<label for="q">${m.tab === 'person' ? 'Tìm theo số định danh cá nhân hoặc họ tên' : 'Tìm theo mã số thuế hoặc tên tổ chức'}</label>
<input type="search" id="q" name="q" value="${escapeHtml(m.query)}" autocomplete="off" inputmode="search">
<div class="row"><button class="secondary" type="submit">Tìm</button></div>
</form>
</div>
<div class="card">
<form method="post" action="${escapeHtml(m.loginAction)}">
<input type="hidden" name="tab" value="${m.tab}">
<fieldset>
<legend>${m.tab === 'person' ? 'Chọn công dân' : 'Chọn tổ chức, doanh nghiệp'}</legend>
${results}
</fieldset>
<fieldset>
<legend>Mức độ định danh điện tử</legend>
${levels}
</fieldset>
<label for="password">Mật khẩu</label>
<input type="password" id="password" name="password" autocomplete="current-password" required aria-describedby="password-hint">
<span class="hint" id="password-hint">Mật khẩu dùng thử: ${escapeHtml(m.demoPassword)}</span>
<div class="row">
<button class="primary" type="submit">Đăng nhập</button>
<button class="secondary" type="submit" formaction="${escapeHtml(m.abortAction)}" formnovalidate>Hủy</button>
</div>
</form>
</div>`,
  );
}

/** Where a person goes back to from an emulator page: the relying party's home page. */
export interface BackLink {
  href: string;
  label?: string;
}

const backLink = (back: BackLink | undefined) =>
  back ? `<p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label ?? 'Quay lại dịch vụ')}</a></p>` : '';

export function messagePage(title: string, message: string, back?: BackLink): string {
  return page(title, `<div class="card"><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>${backLink(back)}</div>`);
}

export function logoutPage(form: string, clientName?: string): string {
  // `form` is oidc-provider's hidden form (id "op.logoutForm", with its xsrf token).
  return page(
    'Đăng xuất',
    `<div class="card">
<h1>Đăng xuất khỏi tài khoản định danh điện tử?</h1>
<p>${clientName ? `Bạn đã đăng xuất khỏi <strong>${escapeHtml(clientName)}</strong>. ` : ''}Bạn có muốn đăng xuất luôn khỏi hệ thống đăng nhập một lần (giả lập)?</p>
${form}
<div class="row">
<button class="primary" autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Đăng xuất</button>
<button class="secondary" type="submit" form="op.logoutForm">Giữ đăng nhập</button>
</div>
</div>`,
  );
}

export function logoutSuccessPage(back?: BackLink): string {
  return messagePage('Đã đăng xuất', 'Bạn đã đăng xuất khỏi hệ thống đăng nhập một lần (giả lập).', back);
}

export function providerErrorPage(out: Record<string, string>, back?: BackLink): string {
  const detail = out.error_description ?? out.error ?? 'Lỗi không xác định';
  return page(
    'Lỗi đăng nhập',
    `<div class="card"><h1>Không thực hiện được yêu cầu đăng nhập</h1><p role="alert">${escapeHtml(detail)}</p><p class="hint">Mã lỗi: ${escapeHtml(out.error ?? '')}</p>${backLink(back)}</div>`,
  );
}

export interface IndexPageModel {
  issuer: string;
  /** The emulator's path on this server ('' when standalone). */
  mountPath: string;
  /** Home pages of the relying parties registered with the emulator. */
  relyingParties: string[];
  demoPassword: string;
}

/** What the emulator is, for someone who opens its address (README tour). */
export function indexPage(m: IndexPageModel): string {
  const discovery = `${m.mountPath}/.well-known/openid-configuration`;
  const rps = m.relyingParties
    .map((home) => `<li><a href="${escapeHtml(`${home.replace(/\/$/, '')}/auth/login`)}">${escapeHtml(home)}</a></li>`)
    .join('');
  return page(
    'Giả lập hệ thống đăng nhập một lần (VNeID)',
    `<div class="card">
<h1>Giả lập hệ thống đăng nhập một lần quốc gia (VNeID)</h1>
<p class="demo"><strong>Môi trường thử nghiệm.</strong> Đây không phải hệ thống thật: mọi tài khoản là dữ liệu giả lập.</p>
<p>Một nhà cung cấp OpenID Connect thật (mã cấp quyền, PKCE S256, mức độ định danh điện tử 1 và 2 theo Nghị định 69/2024/NĐ-CP), với trang đăng nhập cho phép chọn một công dân hoặc tổ chức giả lập. Mật khẩu thử: <code>${escapeHtml(m.demoPassword)}</code>.</p>
<p>Issuer: <code>${escapeHtml(m.issuer)}</code></p>
<h2>Đăng nhập qua dịch vụ</h2>
<p>Trang đăng nhập chỉ mở ra từ một dịch vụ đã đăng ký:</p>
<ul>${rps}</ul>
<h2>Thông tin kỹ thuật</h2>
<ul>
<li><a href="${escapeHtml(discovery)}">Cấu hình OpenID Connect (discovery)</a></li>
<li><a href="${escapeHtml(`${m.mountPath}/oauth2/jwks`)}">Khóa công khai (JWKS)</a></li>
</ul>
</div>
<div class="card" lang="en">
<h2>National SSO emulator</h2>
<p>A test OpenID Connect provider emulating the national single sign-on (VNeID): pick a synthetic citizen or organization at level 1 or 2. Not the real service; every account is synthetic. Log in from a registered service (links above).</p>
</div>`,
  );
}
