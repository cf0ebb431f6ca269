// The emulator's signing key (RS256, for ID tokens) and cookie keys. Generated at first start and
// kept in a file (mode 0600) so that tokens and sessions survive a restart; in memory for tests.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface EmulatorKeys {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

export async function generateEmulatorKeys(): Promise<EmulatorKeys> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  return {
    jwks: { keys: [{ ...jwk, alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') }] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

/** Reads the keys from `file`, or generates and writes them there. Without `file`: in memory. */
export async function loadOrCreateEmulatorKeys(file?: string): Promise<EmulatorKeys> {
  if (file && existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as EmulatorKeys;
    if (Array.isArray(parsed.jwks?.keys) && parsed.jwks.keys.length > 0 && Array.isArray(parsed.cookieKeys)) return parsed;
    throw new Error(`${file} is not a key file of the SSO emulator`);
  }
  const keys = await generateEmulatorKeys();
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return keys;
}
