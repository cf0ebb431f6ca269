// A small browser for tests of login flows: follows redirects by hand, keeps cookies per host
// (like a browser: not per port), submits HTML forms. Real HTTP, no mocks.

export interface Page {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

export interface FormField {
  name: string;
  value: string;
  type: string;
  checked: boolean;
  disabled: boolean;
}

export class TestBrowser {
  /** hostname → cookie name → value */
  readonly cookies = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).hostname)?.get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    const host = new URL(url).hostname;
    if (!this.cookies.has(host)) this.cookies.set(host, new Map());
    this.cookies.get(host)!.set(name, value);
  }

  private store(url: string, headers: Headers): void {
    const host = new URL(url).hostname;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    this.cookies.set(host, jar);
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k = '', v = ''] = a.trim().split('=');
        if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k.toLowerCase() === 'expires') return new Date(v).getTime() <= Date.now();
        return false;
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  private cookieHeader(url: string): string {
    const jar = this.cookies.get(new URL(url).hostname);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  /** One request, no redirect following. */
  async request(url: string, init: { method?: string; body?: string | URLSearchParams; headers?: Record<string, string> } = {}): Promise<Page> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    if (init.body instanceof URLSearchParams) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
    this.store(url, res.headers);
    return { url, status: res.status, headers: res.headers, body: await res.text() };
  }

  /** A request, then its redirects (303/302 become GET), up to `max`. Returns every page seen. */
  async navigate(
    url: string,
    init: { method?: string; body?: string | URLSearchParams; headers?: Record<string, string> } = {},
    max = 15,
  ): Promise<Page[]> {
    const pages: Page[] = [];
    let page = await this.request(url, init);
    pages.push(page);
    while (page.status >= 300 && page.status < 400 && page.headers.get('location') && pages.length <= max) {
      const next = new URL(page.headers.get('location')!, page.url).href;
      page = await this.request(next, page.status === 307 || page.status === 308 ? init : {});
      pages.push(page);
    }
    return pages;
  }

  async go(url: string, init: Parameters<TestBrowser['navigate']>[1] = {}): Promise<Page> {
    const pages = await this.navigate(url, init);
    return pages[pages.length - 1]!;
  }
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return m ? decode(m[1]!) : undefined;
};
const has = (tag: string, name: string) => new RegExp(`\\s${name}(\\s|>|=|$)`, 'i').test(tag);
const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The forms of an HTML page: action, method and input fields. */
export function parseForms(html: string, baseUrl: string): Array<{ id?: string; action: string; method: string; fields: FormField[] }> {
  const forms: Array<{ id?: string; action: string; method: string; fields: FormField[] }> = [];
  const re = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const open = `<form${m[1]}>`;
    const fields: FormField[] = [];
    for (const input of m[2]!.matchAll(/<input\b[^>]*>/gi)) {
      const tag = input[0];
      const name = attr(tag, 'name');
      if (!name) continue;
      fields.push({
        name,
        value: attr(tag, 'value') ?? '',
        type: (attr(tag, 'type') ?? 'text').toLowerCase(),
        checked: has(tag, 'checked'),
        disabled: has(tag, 'disabled'),
      });
    }
    forms.push({
      id: attr(open, 'id'),
      action: new URL(attr(open, 'action') ?? baseUrl, baseUrl).href,
      method: (attr(open, 'method') ?? 'get').toLowerCase(),
      fields,
    });
  }
  return forms;
}

/**
 * Fills and submits the form whose action matches `actionPattern`: hidden fields and checked
 * radios as in the page, then `values` over them. Returns the pages up to the end of redirects.
 */
export async function submitForm(
  browser: TestBrowser,
  page: Page,
  actionPattern: RegExp,
  values: Record<string, string>,
): Promise<Page[]> {
  const form = parseForms(page.body, page.url).find((f) => actionPattern.test(f.action));
  if (!form) throw new Error(`no form matching ${actionPattern} on ${page.url}:\n${page.body.slice(0, 2000)}`);
  const data = new URLSearchParams();
  for (const f of form.fields) {
    if (f.disabled) continue;
    if ((f.type === 'radio' || f.type === 'checkbox') && !f.checked) continue;
    if (f.type === 'password' || f.type === 'search' || f.type === 'text') continue;
    data.set(f.name, f.value);
  }
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  if (form.method === 'post') return browser.navigate(form.action, { method: 'POST', body: data });
  const url = new URL(form.action);
  for (const [k, v] of data) url.searchParams.set(k, v);
  return browser.navigate(url.href);
}
