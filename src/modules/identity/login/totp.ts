// Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s) for officers: required for
// accounts that hold the admin role. One step of clock drift is accepted either way; a code is
// accepted once (the last accepted step is kept).
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, issuer: string, label: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

export function otpauthUrl(secret: string, issuer: string, label: string): string {
  return totp(secret, issuer, label).toString();
}

export function totpQrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 256 });
}

/** The time step of a valid code (for replay protection), or undefined. */
export function checkTotp(secret: string, code: string, now = Date.now()): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secret, 'motcua', 'x').validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code (tests and the demo command). */
export function currentTotp(secret: string, now = Date.now()): string {
  return totp(secret, 'motcua', 'x').generate({ timestamp: now });
}
