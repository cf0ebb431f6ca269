// Who signs a result: the `ResultSigner` port. The embedded default reads one PKCS#12 file per
// unit (`<unit id>.p12` in SIGNING_PKCS12_DIR), made by the development CA on first use when it
// is on. A remote signing service or an HSM implements the same port: `forUnit` returns an object
// of @libpdf/core's `Signer` shape — the certificate and its chain (DER), the key type and
// algorithm, and `sign(data, digest)`, which receives the DER of the CMS signed attributes and
// returns the raw signature (RSA PKCS#1 v1.5/PSS bytes or a DER ECDSA signature). A remote
// implementation hashes `data` locally and sends only the digest to the service (a CSC API
// `signatures/signHash` call, a PKCS#11 C_Sign over the digest); the key never leaves it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Signer } from '@libpdf/core';
import type { DevCa } from './dev-ca.ts';

export type { Signer } from '@libpdf/core';

export interface SigningUnit {
  id: string;
  nameVi: string;
  /** The name of the unit's root (the ministry), put in the development certificate's O. */
  rootName?: string | undefined;
}

export interface ResultSigner {
  /** What signs: `pkcs12` files, or a remote service's name. */
  readonly kind: string;
  /** False when the certificates are the development CA's (shown as "chỉ dùng thử nghiệm"). */
  readonly legallyValid: boolean;
  /** The signer of a unit, or undefined when the unit has no certificate. */
  forUnit(unit: SigningUnit): Promise<Signer | undefined>;
  /** The roots a verification trusts (DER). */
  trustAnchors(): Promise<Uint8Array[]>;
}

export interface Pkcs12SignerOptions {
  dir: string;
  password: string;
  /** When given, a unit without a file gets one from the development CA (opened on first use). */
  devCa?: () => Promise<DevCa>;
  /** Further trusted roots (DER), e.g. the ministry's CA chain (SIGNING_TRUST_ANCHORS). */
  anchors?: Uint8Array[];
}

/** The default signer: PKCS#12 files, one per unit. */
export function pkcs12Signer(options: Pkcs12SignerOptions): ResultSigner {
  const cache = new Map<string, Signer>();
  return {
    kind: 'pkcs12',
    legallyValid: !options.devCa,
    async forUnit(unit) {
      const hit = cache.get(unit.id);
      if (hit) return hit;
      if (!/^[a-z0-9-]{1,64}$/.test(unit.id)) return undefined;
      const file = options.devCa ? await (await options.devCa()).ensureUnit(unit, options.password) : path.join(options.dir, `${unit.id}.p12`);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      const { P12Signer } = await import('@libpdf/core');
      const signer = await P12Signer.create(new Uint8Array(bytes), options.password);
      cache.set(unit.id, signer);
      return signer;
    },
    async trustAnchors() {
      return [...(options.devCa ? [(await options.devCa()).certificate] : []), ...(options.anchors ?? [])];
    },
  };
}
