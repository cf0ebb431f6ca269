// Drives the login page of the SSO emulator (or any emulator-like provider) like a person would.
import { parseForms, submitForm, type Page, type TestBrowser } from './browser.ts';

export interface EmulatorLogin {
  /** Search text for the subject (ID number, tax code or name); default: the first one listed. */
  query?: string;
  tab?: 'person' | 'organization';
  level?: string;
  password?: string;
}

export const EMULATOR_DEMO_PASSWORD = 'Demo@123';

/** On the emulator's login page: search, pick the first match, enter the password, submit. */
export async function loginAtEmulator(browser: TestBrowser, page: Page, options: EmulatorLogin = {}): Promise<Page[]> {
  let current = page;
  if (options.tab === 'organization' || options.query) {
    const url = new URL(page.url);
    if (options.tab) url.searchParams.set('tab', options.tab);
    if (options.query) url.searchParams.set('q', options.query);
    current = await browser.go(url.href);
  }
  const form = parseForms(current.body, current.url).find((f) => /\/interaction\/[^/]+\/login$/.test(f.action));
  if (!form) throw new Error(`not a login page (${current.status} ${current.url}):\n${current.body.slice(0, 1500)}`);
  const subject = form.fields.find((f) => f.name === 'subject' && f.checked)?.value;
  if (!subject) throw new Error(`no account listed for ${options.query ?? '(first)'}`);
  return submitForm(browser, current, /\/login$/, {
    subject,
    level: options.level ?? 'LoA1',
    password: options.password ?? EMULATOR_DEMO_PASSWORD,
    tab: options.tab ?? 'person',
  });
}

/** The value of the subject radio picked for a query (to know who logged in). */
export function isLoginPage(page: Page): boolean {
  return page.status === 200 && /\/interaction\//.test(page.url) && page.body.includes('name="password"');
}
