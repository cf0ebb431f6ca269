// Officer passwords: argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane) and the password
// rules. An unknown username is checked against a dummy hash, so it costs the same time.
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../contracts/identity.ts';
import type { Localized } from '../../../http/language.ts';

const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real check, for unknown usernames and accounts without a password. */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummy, password);
  return false;
}

/**
 * The password rules (UNCONFIRMED for the ministry: Circular 12/2022/TT-BTTTT asks for
 * authentication policy without numbers; these follow NIST SP 800-63B: length over complexity).
 * Returns the broken rule, or undefined.
 */
export function passwordProblem(password: string, context: { username?: string | null }): Localized | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { vi: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`, en: `A password has at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return { vi: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`, en: `A password has at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    return { vi: 'Mật khẩu phải có cả chữ và số.', en: 'A password contains both letters and digits.' };
  }
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase())) {
    return { vi: 'Mật khẩu không được chứa tên đăng nhập.', en: 'A password may not contain the username.' };
  }
  return undefined;
}

/** A random temporary password that satisfies the rules (for resets and the command line). */
export function temporaryPassword(): string {
  const raw = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `${raw}7a`;
}
