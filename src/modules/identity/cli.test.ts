// The officer commands of the command line, run as an operator would (./bin/motcua).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'motcua-officer-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function motcua(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', USER: 'vanhanh' };
  delete env.DATABASE_URL; // the embedded database of this folder
  const res = spawnSync(process.execPath, ['bin/motcua', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('./bin/motcua officer', () => {
  it('creates (invitation or password), lists, grants, resets; refuses bad input with exit code 2', () => {
    const invited = motcua('officer', 'create', '--username', 'cb.vanhanh', '--full-name', 'Ngô Thị Hạnh', '--unit', 'cuc-shtt', '--role', 'specialist@cuc-shtt');
    expect(invited.code, invited.err).toBe(0);
    expect(invited.out).toMatch(/^created cb\.vanhanh \(/);
    expect(invited.out).toMatch(/invitation \(valid until .*\): http:\/\/localhost:3000\/kich-hoat-tai-khoan#token=[A-Za-z0-9_-]{43}/);

    const withPassword = motcua('officer', 'create', '--username', 'qt.tcdlcl', '--full-name', 'Đinh Văn Sơn', '--unit', 'tcdlcl', '--password', 'Cli-MatKhau-2026', '--role', 'admin@tcdlcl');
    expect(withPassword.code, withPassword.err).toBe(0);

    const grant = motcua('officer', 'grant', '--username', 'cb.vanhanh', '--role', 'receiver@bo-phan-mot-cua');
    expect(grant.out.trim()).toBe('cb.vanhanh: receiver@bo-phan-mot-cua, specialist@cuc-shtt');

    const list = motcua('officer', 'list');
    expect(list.out.split('\n')).toContain('cb.vanhanh\tNgô Thị Hạnh\tcuc-shtt\treceiver@bo-phan-mot-cua,specialist@cuc-shtt\tactive');

    const reset = motcua('officer', 'reset-password', '--username', 'cb.vanhanh');
    expect(reset.out).toMatch(/^temporary password: \S{10,}/);

    const badRole = motcua('officer', 'grant', '--username', 'cb.vanhanh', '--role', 'boss@cuc-shtt');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('--role expects role@unit');
    const unknown = motcua('officer', 'reset-totp', '--username', 'khong.co');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no officer "khong.co"');
  }, 120_000);
});
