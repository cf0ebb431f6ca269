// The development certificate authority of the embedded default: a root CA made at first start,
// and a certificate per unit made the first time the unit signs, each written as a PKCS#12 file
// the default signer reads (DATA_DIR/signing). Every certificate says in its subject and in its
// policy that it is for testing only and has no legal value: a signature made with it is not a
// digital signature under Decree 23/2025 (chữ ký số chuyên dùng công vụ comes from the Government
// Cipher Committee's CA, or a licensed public CA).
import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { buildPkcs12 } from './pkcs12.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** The words every development certificate carries (subject OU and the policy's user notice). */
export const DEV_CA_NOTICE = 'CHỈ DÙNG THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ (test only, not legally valid)';
/** The policy OID of development certificates: under 2.999, the arc ITU-T X.660 sets aside for examples. */
export const DEV_POLICY_OID = '2.999.84.1';

const ALG: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

export interface DevCaPaths {
  dir: string;
  caCert: string;
  caKey: string;
  unitsDir: string;
}

export const devCaPaths = (dataDir: string, unitsDir?: string): DevCaPaths => {
  const dir = path.resolve(dataDir, 'signing');
  return { dir, caCert: path.join(dir, 'dev-ca.pem'), caKey: path.join(dir, 'dev-ca.key.pem'), unitsDir: unitsDir ?? path.join(dir, 'units') };
};

const exists = async (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

/** Writes a file unless it exists (two processes starting together keep the first one's). */
async function writeOnce(file: string, content: string | Uint8Array): Promise<boolean> {
  try {
    await writeFile(file, content, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const serial = () => randomBytes(12).toString('hex').replace(/^[89a-f]/, '1');

const policy = () =>
  new x509.CertificatePolicyExtension([DEV_POLICY_OID]);

export interface DevCa {
  paths: DevCaPaths;
  /** The root certificate (DER). */
  certificate: Uint8Array;
  /** The PKCS#12 file of a unit, made on first use. */
  ensureUnit(unit: { id: string; nameVi: string; rootName?: string | undefined }, password: string): Promise<string>;
}

/** Loads the development CA of the data folder, making it on first start. */
export async function openDevCa(dataDir: string, options: { unitsDir?: string; now?: () => Date } = {}): Promise<DevCa> {
  const paths = devCaPaths(dataDir, options.unitsDir);
  const now = options.now ?? (() => new Date());
  await mkdir(paths.unitsDir, { recursive: true, mode: 0o700 });
  if (!(await exists(paths.caCert))) {
    const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
    const from = now();
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serial(),
      name: [{ CN: ['CA thử nghiệm motcua - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ'] }, { OU: [DEV_CA_NOTICE] }, { O: ['motcua (môi trường phát triển)'] }, { C: ['VN'] }],
      notBefore: new Date(from.getTime() - 60_000),
      notAfter: new Date(from.getTime() + 10 * 365 * 86_400_000),
      keys,
      signingAlgorithm: ALG,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        policy(),
      ],
    });
    const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
    // The key first: a crash between the two leaves no certificate without its key.
    await writeFile(paths.caKey, x509.PemConverter.encode(pkcs8.buffer, 'PRIVATE KEY'), { mode: 0o600 });
    await writeOnce(paths.caCert, cert.toString('pem'));
  }
  const caCert = new x509.X509Certificate(await readFile(paths.caCert, 'utf8'));
  const caKeyDer = x509.PemConverter.decodeFirst(await readFile(paths.caKey, 'utf8'));
  const caKey = await webcrypto.subtle.importKey('pkcs8', caKeyDer, ALG, false, ['sign']);

  return {
    paths,
    certificate: new Uint8Array(caCert.rawData),
    async ensureUnit(unit, password) {
      const file = path.join(paths.unitsDir, `${unit.id}.p12`);
      if (await exists(file)) return file;
      const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
      const from = now();
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        // The unit's own Vietnamese name (UTF8String): what a verifier shows as the signer.
        subject: [
          { CN: [unit.nameVi.normalize('NFC')] },
          ...(unit.rootName ? [{ O: [unit.rootName.normalize('NFC')] }] : []),
          { OU: [DEV_CA_NOTICE] },
          { C: ['VN'] },
        ],
        issuer: caCert.subject,
        notBefore: new Date(from.getTime() - 60_000),
        notAfter: new Date(from.getTime() + 3 * 365 * 86_400_000),
        signingKey: caKey,
        publicKey: keys.publicKey,
        signingAlgorithm: ALG,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
          await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
          await x509.AuthorityKeyIdentifierExtension.create(caCert),
          policy(),
        ],
      });
      const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
      const p12 = await buildPkcs12(pkcs8, [new Uint8Array(cert.rawData), new Uint8Array(caCert.rawData)], password);
      await writeOnce(file, p12);
      return file;
    },
  };
}
