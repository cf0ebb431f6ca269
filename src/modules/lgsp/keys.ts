// The gateway's signing key: generated at first start (ES256 by default, or EdDSA) and kept in the
// database, so every instance signs with the same key and verifiers need one public key. It signs
// the access tokens and the message log's chain heads.
//
// The private key sits in the database like the other secrets the service keeps (hashes aside);
// an operator who wants it in an HSM or KMS replaces this file (UNCONFIRMED requirement).
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type KeyObject } from 'jose';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { findKeys, insertKeyIfNone } from './store.ts';

export interface GatewayKey {
  kid: string;
  alg: 'ES256' | 'EdDSA';
  privateKey: CryptoKey | KeyObject | Uint8Array;
  publicKey: CryptoKey | KeyObject | Uint8Array;
  publicJwk: JWK;
}

export async function loadOrCreateKey(db: Kysely<DB>, alg: 'ES256' | 'EdDSA'): Promise<GatewayKey> {
  let rows = await findKeys(db);
  if (rows.length === 0) {
    const pair = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
    const kid = `lgsp-${randomUUID()}`;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' };
    const privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg };
    await insertKeyIfNone(db, { kid, alg, publicJwk, privateJwk });
    rows = await findKeys(db);
  }
  const row = rows.at(-1)!;
  const privateJwk = row.private_jwk as JWK;
  const publicJwk = row.public_jwk as JWK;
  const keyAlg = row.alg as GatewayKey['alg'];
  return {
    kid: row.kid,
    alg: keyAlg,
    privateKey: await importJWK(privateJwk, keyAlg),
    publicKey: await importJWK(publicJwk, keyAlg),
    publicJwk,
  };
}

/** Every public key of the gateway (for the JWKS document and exports). */
export async function publicKeys(db: Kysely<DB>): Promise<JWK[]> {
  return (await findKeys(db)).map((r) => r.public_jwk as JWK);
}
