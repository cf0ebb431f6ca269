// Client secrets of consumer systems (client_secret_basic). Hashed with argon2id, the officers'
// parameters: a secret is checked once per access token (every few minutes per consumer), never
// per call, so the KDF's cost is off the hot path, and a secret an administrator typed (the demo's)
// may be as weak as a password. Generated secrets are 32 random bytes (base64url).
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, OPTIONS);
}

export async function verifySecret(secretHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(secretHash, secret);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real check for an unknown client. */
export async function verifySecretDummy(secret: string): Promise<false> {
  dummy ??= hashSecret(generateSecret());
  await verifySecret(await dummy, secret);
  return false;
}
