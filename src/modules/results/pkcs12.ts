// PKCS#12 (RFC 7292) files of a private key and its certificate chain, built with pkijs: the key
// in a PKCS#8 shrouded bag (PBES2, AES-256-CBC, PBKDF2-SHA-256), the certificates in an encrypted
// safe, a SHA-256 HMAC over the whole. These are the files the default signer reads.
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

/**
 * pkijs over Node's WebCrypto, passed to every pkijs call explicitly: pkijs keeps its default
 * engine in a process global that @libpdf/core's own pkijs copy replaces with its engine.
 */
export const pkijsEngine = new pkijs.CryptoEngine({ name: 'motcua-node', crypto: webcrypto as unknown as Crypto });

const toAb = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

/**
 * A PKCS#12 file of `pkcs8` (DER PrivateKeyInfo) and `certificates` (DER, the end-entity first).
 * The password protects both the key and the file's integrity.
 */
export async function buildPkcs12(pkcs8: Uint8Array, certificates: Uint8Array[], password: string): Promise<Uint8Array> {
  const pwd = toAb(new TextEncoder().encode(password));
  const encryption = { password: pwd, contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 } as AesKeyAlgorithm as never, hmacHashAlgorithm: 'SHA-256', iterationCount: 100_000 };
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(toAb(pkcs8)) });
  const certBags = certificates.map(
    (der) => new pkijs.SafeBag({ bagId: '1.2.840.113549.1.12.10.1.3', bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(toAb(der)) }) }),
  );
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [new pkijs.SafeBag({ bagId: '1.2.840.113549.1.12.10.1.2', bagValue: keyBag })] }) },
            { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) },
          ],
        },
      }),
    },
  });
  await keyBag.makeInternalValues(encryption, pkijsEngine);
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}, encryption] }, pkijsEngine);
  await pfx.makeInternalValues({ password: pwd, iterations: 100_000, pbkdf2HashAlgorithm: { name: 'SHA-256' }, hmacHashAlgorithm: 'SHA-256' }, pkijsEngine);
  return new Uint8Array(pfx.toSchema().toBER(false));
}
