// The national SSO / VNeID emulator (SPEC §4.2, §4.3): a real OpenID Connect provider whose login
// page lets a tester pick a synthetic citizen or organization. Mounted in-process at
// /emulators/sso (issuer `${PUBLIC_URL}/emulators/sso`), or standalone:
// `./bin/motcua emulator sso --port 4001`.
import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { ssoEmulatorOn, type Config } from '../../config.ts';
import type { Kysely } from 'kysely';
import { defaultCitizenSource, storedCitizenSource } from './citizens.ts';
import { loadOrCreateEmulatorKeys } from './keys.ts';
import { registerSsoEmulator, type SsoEmulatorHandle, type SsoEmulatorSettings } from './plugin.ts';
import type { SsoClient } from './levels.ts';
import { nationalDirectory, type SubjectDirectory } from './subjects.ts';

export { registerSsoEmulator, type SsoEmulatorSettings } from './plugin.ts';
export type { SsoClient, SsoLevel } from './levels.ts';

import { SSO_EMULATOR_PATH } from './address.ts';

export { SSO_EMULATOR_PATH };

/**
 * The emulator is mounted unless another provider is configured (or SSO_EMULATOR says otherwise);
 * in production only when SSO_EMULATOR=true (src/config.ts).
 */
export function ssoEmulatorEnabled(config: Config): boolean {
  return ssoEmulatorOn(config);
}

/** motcua's registration at the emulator: redirect `${base}/auth/callback`, logout back to `${base}/`. */
export function motcuaClient(clientId: string, clientSecret: string, bases: string[]): SsoClient {
  return {
    clientId,
    clientSecret,
    name: 'Hệ thống thông tin giải quyết thủ tục hành chính — Bộ Khoa học và Công nghệ',
    redirectUris: bases.map((b) => `${b}/auth/callback`),
    postLogoutRedirectUris: bases.map((b) => `${b}/`),
  };
}

const seedOf = (seed: string | undefined): number | string | undefined => (seed !== undefined && /^\d+$/.test(seed) ? Number(seed) : seed);

async function nationalSettings(options: {
  issuer: string;
  clients: SsoClient[];
  keyFile?: string;
  demoPassword: string;
  citizens: number;
  seed?: string;
  trustProxy: boolean;
  directory?: SubjectDirectory;
  db?: Kysely<any>;
}): Promise<SsoEmulatorSettings> {
  const directory =
    options.directory ??
    nationalDirectory((await defaultCitizenSource({ count: options.citizens, seed: seedOf(options.seed) })).source);
  return {
    issuer: options.issuer,
    clients: options.clients,
    directory,
    // With a database the keys live there (shared by every instance); else in the key file.
    ...(options.db ? { db: options.db } : { keys: await loadOrCreateEmulatorKeys(options.keyFile) }),
    demoPassword: options.demoPassword,
    trustProxy: options.trustProxy,
    cookiePrefix: 'vneid',
  };
}

/**
 * Mounts the emulator on motcua's own server; `publicUrl()` is read at the first request. With
 * `db`, citizens are searched in the population emulator's store (same database) when it is there.
 */
export function mountSsoEmulator(app: FastifyInstance, config: Config, publicUrl: () => string, db?: Kysely<any>): SsoEmulatorHandle {
  const seed = config.SSO_EMULATOR_SEED ?? String(config.POPULATION_EMULATOR_SEED);
  return registerSsoEmulator(app, {
    mountPath: SSO_EMULATOR_PATH,
    settings: async () => {
      const base = publicUrl();
      const generated = (await defaultCitizenSource({ count: config.SSO_EMULATOR_CITIZENS, seed: seedOf(seed) })).source;
      return nationalSettings({
        directory: nationalDirectory(db ? storedCitizenSource(db, generated) : generated),
        db,
        issuer: `${base}${SSO_EMULATOR_PATH}`,
        clients: [motcuaClient(config.SSO_EMULATOR_CLIENT_ID, config.SSO_EMULATOR_CLIENT_SECRET, [base])],
        keyFile: config.NODE_ENV === 'test' ? undefined : path.join(config.DATA_DIR, 'sso-emulator', 'keys.json'),
        demoPassword: config.SSO_EMULATOR_DEMO_PASSWORD,
        citizens: config.SSO_EMULATOR_CITIZENS,
        seed,
        trustProxy: config.TRUST_PROXY,
      });
    },
  });
}

export interface StandaloneOptions {
  port: number;
  host: string;
  /** Default `http://localhost:<port>`. */
  issuer?: string;
  /** Base URLs of motcua instances allowed to log in (redirect `<base>/auth/callback`). */
  relyingParties: string[];
  config: Config;
  logLevel?: string;
  /** Who can log in; default: the population emulator's citizens and the synthetic organizations. */
  directory?: SubjectDirectory;
}

/** Runs the emulator as its own HTTP server. */
export async function startStandaloneSsoEmulator(options: StandaloneOptions): Promise<{ app: FastifyInstance; issuer: string }> {
  const app = Fastify({
    logger: options.logLevel === 'silent' ? false : { level: options.logLevel ?? 'info' },
    routerOptions: { ignoreTrailingSlash: true },
  });
  let issuer = options.issuer?.replace(/\/$/, '');
  const mountPath = issuer ? new URL(issuer).pathname.replace(/\/$/, '') : '';
  const { config } = options;
  registerSsoEmulator(app, {
    mountPath,
    settings: () =>
      nationalSettings({
        issuer: issuer!,
        clients: [motcuaClient(config.SSO_EMULATOR_CLIENT_ID, config.SSO_EMULATOR_CLIENT_SECRET, options.relyingParties)],
        keyFile: path.join(config.DATA_DIR, 'sso-emulator', 'standalone-keys.json'),
        demoPassword: config.SSO_EMULATOR_DEMO_PASSWORD,
        citizens: config.SSO_EMULATOR_CITIZENS,
        seed: config.SSO_EMULATOR_SEED ?? String(config.POPULATION_EMULATOR_SEED),
        trustProxy: config.TRUST_PROXY,
        directory: options.directory,
      }),
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  issuer ??= `http://localhost:${port}`;
  return { app, issuer };
}
