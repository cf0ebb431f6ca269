// Independent verification of a signed PDF with pkijs: every signature's byte range, its CMS
// signature over the signed attributes and the message digest of the covered bytes; the signer's
// chain to a trusted root with @peculiar/x509. A document is valid when it has a signature, every signature holds,
// and the last one covers the whole file (nothing was appended after signing).
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { pkijsEngine } from './pkcs12.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

export interface PdfSignatureCheck {
  /** The signature's CMS verifies over its byte range and the signer chains to a trusted root. */
  verified: boolean;
  /** The signer certificate's common name (the unit), as its UTF8String says. */
  signedBy: string | null;
  signerOrganization: string | null;
  /** The signing time the signer claimed (signed attribute), ISO 8601. */
  signedAt: string | null;
  /** Whether the signed attributes carry signing-certificate-v2 (PAdES). */
  signingCertificateV2: boolean;
  coversWholeFile: boolean;
  /** Why it failed, when it did. */
  problem: string | null;
}

export interface PdfVerification {
  valid: boolean;
  signatures: PdfSignatureCheck[];
}

const ab = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

function nameValue(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((t) => t.type === oid);
  const v = found?.value.valueBlock as { value?: unknown } | undefined;
  return typeof v?.value === 'string' ? v.value : null;
}

/** The byte ranges and Contents of each signature dictionary of a PDF. */
function signatureFields(bytes: Uint8Array): Array<{ range: [number, number, number, number]; contents: Uint8Array }> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const out: Array<{ range: [number, number, number, number]; contents: Uint8Array }> = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [a, b, c, d] = range;
    if (a !== 0 || a + b > c || c + d > bytes.length) continue;
    const hex = text.slice(a + b, c).trim();
    if (!/^<[0-9a-fA-F\s]*>$/.test(hex)) continue;
    out.push({ range, contents: new Uint8Array(Buffer.from(hex.slice(1, -1).replace(/\s+/g, ''), 'hex')) });
  }
  return out;
}

/**
 * Whether `leaf` chains to one of `anchors` through `pool` (the certificates the signature
 * carries), each link's signature checked and each certificate valid at `at`.
 */
async function chainsToAnchor(leaf: x509.X509Certificate, pool: x509.X509Certificate[], anchors: x509.X509Certificate[], at: Date): Promise<boolean> {
  const isAnchor = (c: x509.X509Certificate) => anchors.some((a) => a.equal(c));
  let current = leaf;
  for (let depth = 0; depth < 6; depth++) {
    if (current.notBefore > at || current.notAfter < at) return false;
    if (isAnchor(current)) return true;
    const candidates = [...anchors, ...pool].filter((c) => c.subject === current.issuer && !c.equal(current));
    let next: x509.X509Certificate | undefined;
    for (const c of candidates) {
      if (await current.verify({ publicKey: c.publicKey, signatureOnly: true })) {
        next = c;
        break;
      }
    }
    if (!next) return false;
    if (isAnchor(next)) return next.notBefore <= at && next.notAfter >= at;
    current = next;
  }
  return false;
}

async function checkOne(bytes: Uint8Array, field: { range: [number, number, number, number]; contents: Uint8Array }, anchors: x509.X509Certificate[]): Promise<PdfSignatureCheck> {
  const [a, b, c, d] = field.range;
  const result: PdfSignatureCheck = { verified: false, signedBy: null, signerOrganization: null, signedAt: null, signingCertificateV2: false, coversWholeFile: c + d === bytes.length, problem: null };
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(ab(field.contents));
    signed = new pkijs.SignedData({ schema: info.content });
  } catch {
    return { ...result, problem: 'the signature is not a CMS SignedData' };
  }
  const signerInfo = signed.signerInfos[0];
  if (!signerInfo) return { ...result, problem: 'no signer' };
  const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber;
  const cert = (signed.certificates ?? []).find(
    (x): x is pkijs.Certificate => x instanceof pkijs.Certificate && (!(sid instanceof pkijs.IssuerAndSerialNumber) || x.serialNumber.isEqual(sid.serialNumber)),
  );
  if (cert) {
    result.signedBy = nameValue(cert.subject, OID.commonName);
    result.signerOrganization = nameValue(cert.subject, OID.organization);
  }
  for (const attr of signerInfo.signedAttrs?.attributes ?? []) {
    if (attr.type === OID.signingCertificateV2) result.signingCertificateV2 = true;
    if (attr.type === OID.signingTime) {
      const t = attr.values[0] as { toDate?: () => Date } | undefined;
      if (t?.toDate) result.signedAt = t.toDate().toISOString();
    }
  }
  const data = new Uint8Array(b + d);
  data.set(bytes.subarray(a, a + b), 0);
  data.set(bytes.subarray(c, c + d), b);
  try {
    const verdict = await signed.verify({ signer: 0, data: ab(data), checkChain: false, extendedMode: true }, pkijsEngine);
    if (verdict.signatureVerified !== true || !verdict.signerCertificate) {
      result.problem = verdict.message || 'the signature does not verify';
      return result;
    }
    const leaf = new x509.X509Certificate(verdict.signerCertificate.toSchema().toBER(false));
    const pool = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => new x509.X509Certificate(c.toSchema().toBER(false)));
    const at = result.signedAt ? new Date(result.signedAt) : new Date();
    if (!(await chainsToAnchor(leaf, pool, anchors, at))) {
      result.problem = 'the signer certificate does not chain to a trusted root';
      return result;
    }
    result.verified = true;
  } catch (error) {
    const e = error as { message?: string; code?: number };
    result.problem = e.message ?? 'the signature does not verify';
  }
  return result;
}

/** Verifies every signature of a PDF against the trusted roots (DER). */
export async function verifyPdfSignatures(bytes: Uint8Array, trustAnchors: readonly Uint8Array[]): Promise<PdfVerification> {
  const anchors = trustAnchors.map((der) => new x509.X509Certificate(ab(der)));
  const fields = signatureFields(bytes);
  const signatures: PdfSignatureCheck[] = [];
  for (const field of fields) signatures.push(await checkOne(bytes, field, anchors));
  const last = signatures.at(-1);
  return { valid: signatures.length > 0 && signatures.every((s) => s.verified) && last!.coversWholeFile, signatures };
}
