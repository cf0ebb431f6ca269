// The officer commands of the command line, run as an operator would (./bin/motcua).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, cliTimeout } from '../../../test/support/cli.ts';

// The embedded database of a folder of its own, whatever DATABASE_URL says.
const harness = cliHarness({ name: 'officer-cli', embedded: true, env: { USER: 'vanhanh' } });
beforeAll(harness.setup);
afterAll(harness.teardown);

async function motcua(...args: string[]) {
  const res = await harness.cli(...args);
  return { code: res.code, out: res.stdout, err: res.stderr };
}

describe('./bin/motcua officer', () => {
  it('creates (invitation or password), lists, grants, resets; refuses bad input with exit code 2', async () => {
    const invited = await motcua('officer', 'create', '--username', 'cb.vanhanh', '--full-name', 'Ngô Thị Hạnh', '--unit', 'cuc-shtt', '--role', 'specialist@cuc-shtt');
    expect(invited.code, invited.err).toBe(0);
    expect(invited.out).toMatch(/^created cb\.vanhanh \(/);
    expect(invited.out).toMatch(/invitation \(valid until .*\): http:\/\/localhost:3000\/kich-hoat-tai-khoan#token=[A-Za-z0-9_-]{43}/);

    const withPassword = await motcua('officer', 'create', '--username', 'qt.tcdlcl', '--full-name', 'Đinh Văn Sơn', '--unit', 'tcdlcl', '--password', 'Cli-MatKhau-2026', '--role', 'admin@tcdlcl');
    expect(withPassword.code, withPassword.err).toBe(0);

    const grant = await motcua('officer', 'grant', '--username', 'cb.vanhanh', '--role', 'receiver@bo-phan-mot-cua');
    expect(grant.out.trim()).toBe('cb.vanhanh: receiver@bo-phan-mot-cua, specialist@cuc-shtt');

    const list = await motcua('officer', 'list');
    expect(list.out.split('\n')).toContain('cb.vanhanh\tNgô Thị Hạnh\tcuc-shtt\treceiver@bo-phan-mot-cua,specialist@cuc-shtt\tactive');

    const reset = await motcua('officer', 'reset-password', '--username', 'cb.vanhanh');
    expect(reset.out).toMatch(/^temporary password: \S{10,}/);

    const badRole = await motcua('officer', 'grant', '--username', 'cb.vanhanh', '--role', 'boss@cuc-shtt');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('--role expects role@unit');
    const unknown = await motcua('officer', 'reset-totp', '--username', 'khong.co');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no officer "khong.co"');
  }, cliTimeout(7));
});
