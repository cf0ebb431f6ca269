// A remote signing service plugged in as the results module's ResultSigner: a fake CSC-style
// service over HTTP (credentials/info gives the unit's certificate chain, signatures/signHash
// signs a SHA-256 digest with a key that never leaves it: RSA PKCS#1 v1.5 over the DigestInfo),
// its certificate issued by a CA of its own made with the development CA helper. The port's
// implementation in the test hashes the CMS signed attributes locally and sends only the digest.
// issue_result signs through it — the service is asked, its signature is the one in the PDF, the
// embedded PKCS#12 signer makes nothing — and POST /api/v1/results/verify, trusting the remote
// service's root, says the document is valid and the one issued.
//
// The app takes it as its `resultSigner` (buildApp), as an installation would pass its own.
import { constants, createHash, createPrivateKey, privateEncrypt, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossierTestApp, type DossierTestApp } from '../dossiers/testing.ts';
import { openDevCa } from './dev-ca.ts';
import type { ResultSigner, Signer } from './signer.ts';
import { issueTestResult, resultTestLogins, type ResultTestLogins } from './testing.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const RSA_OID = '1.2.840.113549.1.1.1';
/** DER of DigestInfo { AlgorithmIdentifier sha256, OCTET STRING (32) } without the digest. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const REMOTE_CN = 'Cục Sở hữu trí tuệ (ký số từ xa)';
const TOKEN = randomBytes(16).toString('hex');

interface SignHashCall {
  credentialID: string;
  hash: Buffer;
  signature: Buffer;
}

/** The fake remote signing service: one RSA credential per unit id, its key kept in here. */
async function startRemoteSigningService(dir: string) {
  const ca = await openDevCa(dir);
  const caCert = new x509.X509Certificate(await readFile(ca.paths.caCert, 'utf8'));
  const caKey = await webcrypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(await readFile(ca.paths.caKey, 'utf8')), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const credentials = new Map<string, { key: KeyObject; chain: Uint8Array[] }>();

  async function addCredential(id: string, commonName: string) {
    const rsa = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
    const keys = (await webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as CryptoKeyPair;
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: randomBytes(8).toString('hex').replace(/^[89a-f]/, '1'),
      subject: [{ CN: [commonName] }, { O: ['Bộ Khoa học và Công nghệ'] }, { C: ['VN'] }],
      issuer: caCert.subject,
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 86_400_000),
      signingKey: caKey,
      publicKey: keys.publicKey,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        await x509.AuthorityKeyIdentifierExtension.create(caCert),
      ],
    });
    const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
    credentials.set(id, { key: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }), chain: [new Uint8Array(cert.rawData), ca.certificate] });
  }

  const infoCalls: string[] = [];
  const signCalls: SignHashCall[] = [];
  const readJson = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  };
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      if (req.method !== 'POST') return send(405, { error: 'invalid_request' });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { error: 'invalid_token' });
      const body = await readJson(req);
      const credential = credentials.get(String(body.credentialID));
      if (req.url === '/csc/v2/credentials/info') {
        infoCalls.push(String(body.credentialID));
        if (!credential) return send(400, { error: 'invalid_request', error_description: 'unknown credentialID' });
        return send(200, { key: { status: 'enabled', algo: [RSA_OID] }, cert: { status: 'valid', certificates: credential.chain.map((c) => Buffer.from(c).toString('base64')) } });
      }
      if (req.url === '/csc/v2/signatures/signHash') {
        const hashes = Array.isArray(body.hashes) ? body.hashes.map((h) => Buffer.from(String(h), 'base64')) : [];
        if (!credential || body.hashAlgorithmOID !== SHA256_OID || body.signAlgo !== RSA_OID || hashes.length === 0 || hashes.some((h) => h.length !== 32)) {
          return send(400, { error: 'invalid_request' });
        }
        const signatures = hashes.map((hash) => {
          // RSASSA-PKCS1-v1_5 over a digest computed elsewhere: the padded DigestInfo, raw.
          const signature = privateEncrypt({ key: credential.key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, hash]));
          signCalls.push({ credentialID: String(body.credentialID), hash, signature });
          return signature.toString('base64');
        });
        return send(200, { signatures });
      }
      return send(404, { error: 'invalid_request' });
    })().catch((error: unknown) => send(500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/csc/v2`;
  return {
    url,
    root: ca.certificate,
    addCredential,
    infoCalls,
    signCalls,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The ResultSigner port over the remote service: the certificate from it, the digest sent to it. */
function remoteSigner(url: string, token: string, anchors: Uint8Array[]): ResultSigner {
  async function call(endpoint: string, body: Record<string, unknown>) {
    const res = await fetch(`${url}/${endpoint}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }
  return {
    kind: 'remote-csc',
    legallyValid: false,
    async forUnit(unit) {
      const info = await call('credentials/info', { credentialID: unit.id, certificates: 'chain' });
      if (info.status === 400) return undefined;
      if (info.status !== 200) throw new Error(`remote signer: credentials/info ${info.status}`);
      const [certificate, ...chain] = (info.body.cert.certificates as string[]).map((c) => new Uint8Array(Buffer.from(c, 'base64')));
      const signer: Signer = {
        certificate: certificate!,
        certificateChain: chain,
        keyType: 'RSA',
        signatureAlgorithm: 'RSASSA-PKCS1-v1_5',
        async sign(data, algorithm) {
          if (algorithm !== 'SHA-256') throw new Error(`remote signer: ${algorithm} not offered`);
          const digest = createHash('sha256').update(data).digest();
          const signed = await call('signatures/signHash', { credentialID: unit.id, hashes: [digest.toString('base64')], hashAlgorithmOID: SHA256_OID, signAlgo: RSA_OID });
          if (signed.status !== 200) throw new Error(`remote signer: signHash ${signed.status}`);
          return new Uint8Array(Buffer.from(signed.body.signatures[0] as string, 'base64'));
        },
      };
      return signer;
    },
    async trustAnchors() {
      return anchors;
    },
  };
}

let t: DossierTestApp;
let logins: ResultTestLogins;
let service: Awaited<ReturnType<typeof startRemoteSigningService>>;
let serviceDir: string;

beforeAll(async () => {
  serviceDir = await mkdtemp(path.join(tmpdir(), 'motcua-remote-signer-'));
  service = await startRemoteSigningService(serviceDir);
  await service.addCredential('cuc-shtt', REMOTE_CN);
  t = await createDossierTestApp({ resultSigner: remoteSigner(service.url, TOKEN, [service.root]) });
  logins = await resultTestLogins(t);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await service?.close();
  if (serviceDir) await rm(serviceDir, { recursive: true, force: true });
});

describe('a remote signer as the results module’s signer', () => {
  let issued: { code: string; pdf: Buffer };

  it('issue_result signs through it: the service is asked for the unit’s certificate and signs the digest', async () => {
    issued = await issueTestResult(t, logins);
    expect(service.infoCalls).toContain('cuc-shtt');
    expect(service.signCalls.length).toBeGreaterThanOrEqual(1);
    expect(service.signCalls.every((c) => c.credentialID === 'cuc-shtt' && c.hash.length === 32)).toBe(true);
    // The signature in the PDF's CMS is the one the remote service made.
    const pdfText = issued.pdf.toString('latin1').toLowerCase();
    expect(service.signCalls.some((c) => pdfText.includes(c.signature.toString('hex')))).toBe(true);
    // The embedded PKCS#12 signer made no certificate for the unit.
    expect(existsSync(path.join(t.dataDir, 'signing', 'units', 'cuc-shtt.p12'))).toBe(false);
  });

  it('the issued document verifies (POST /api/v1/results/verify), signed by the remote certificate', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(issued.pdf)], { type: 'application/pdf' }), `${issued.code}.pdf`);
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const byFile = await t.app.inject({ method: 'POST', url: '/api/v1/results/verify', headers: { 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
    expect(byFile.statusCode, byFile.body).toBe(200);
    expect(byFile.json()).toMatchObject({ valid: true, matchesIssued: true, revoked: false, found: true, code: issued.code, signedBy: REMOTE_CN, problems: [] });

    const byCode = await t.app.inject({ method: 'POST', url: '/api/v1/results/verify', payload: { code: issued.code } });
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect(byCode.json()).toMatchObject({ valid: true, matchesIssued: true, signedBy: REMOTE_CN });
  });
});
