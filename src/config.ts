// Configuration: environment variables, validated once at start. A wrong value stops the start
// with one line naming the variable and what it expects (see .env.example for every variable).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PERMISSION_NAMES, type Permission } from './core/access/permissions.ts';

const sessionsPattern = /^\d{2}:\d{2}-\d{2}:\d{2}(,\d{2}:\d{2}-\d{2}:\d{2})*$/;

const scopesPattern = /^[\x21-\x7e]+( [\x21-\x7e]+)*$/;

/** A JSON object of strings, e.g. {"fullName": "name"}. */
const jsonStringMap = z.string().transform((text, ctx) => {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')) {
      return value as Record<string, string>;
    }
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'expects a JSON object of strings' });
  return z.NEVER;
});

/** Comma-separated permission names of the vocabulary (src/core/access/permissions.ts). */
const permissionList = z.string().transform((text, ctx) => {
  const names = text.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(PERMISSION_NAMES as string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `expects comma-separated permission names${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}` });
    return z.NEVER;
  }
  return [...new Set(names)] as Permission[];
});

/** The rating survey's criteria: a JSON list of {"code","vi","en"}, distinct lowercase codes. */
const ratingCriteria = z.string().transform((text, ctx) => {
  try {
    const value: unknown = JSON.parse(text);
    const item = z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), vi: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });
    const parsed = z.array(item).min(1).max(20).safeParse(value);
    if (parsed.success && new Set(parsed.data.map((c) => c.code)).size === parsed.data.length) {
      return parsed.data.map((c) => ({ code: c.code, label: { vi: c.vi.normalize('NFC'), en: c.en } }));
    }
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'expects a JSON list of {"code","vi","en"} with distinct codes' });
  return z.NEVER;
});

/** The partner secret outside production when none is configured (the emulator accepts it). */
export const DEMO_PAYGOV_SECRET = 'motcua-paygov-demo-secret';
/** The national portal emulator's token on the embedded default (published: never a production credential). */
export const DEMO_DVCQG_SYNC_TOKEN = 'motcua-dvcqg-demo-token';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expects true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ message: 'expects a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ message: 'expects an absolute URL such as https://motcua.example.gov.vn' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'expects a postgres:// connection URL' })
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  MIGRATE_ON_START: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  TRUST_PROXY: booleanFlag.default(false),
  /**
   * Time limits of a connection (ms): the whole request, headers and body, must arrive within
   * REQUEST_TIMEOUT_MS (a slowly sent body cannot hold a connection; answered 408); a socket with
   * no traffic at all is closed after CONNECTION_TIMEOUT_MS; an idle keep-alive connection after
   * KEEP_ALIVE_TIMEOUT_MS (keep it above the idle timeout of a load balancer in front).
   */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(72_000),
  /** Bearer token for Prometheus to read /metrics (officers with metrics.read can too). Unset: officers only. */
  METRICS_TOKEN: z.string().min(24, { message: 'expects at least 24 characters' }).optional(),
  /** Working sessions, local time (Asia/Ho_Chi_Minh). */
  WORK_SESSIONS: z
    .string()
    .regex(sessionsPattern, { message: 'expects sessions like 07:00-11:30,13:30-17:00' })
    .default('07:00-11:30,13:30-17:00'),
  WORKING_DAY_HOURS: z.coerce.number().min(1).max(24).default(8),
  /**
   * First year in which 24/11 "Ngày Văn hóa Việt Nam" is a paid holiday. Pending (Resolution
   * 80-NQ/TW; Labor Code Art. 112(1) not yet amended): unset until it becomes law.
   */
  HOLIDAY_CULTURE_DAY_FROM_YEAR: z.coerce.number().int().min(2026).max(2199).optional(),
  /** Dossier code format: Circular 01/2018 Art. 19 or the centralized one of Circular 04/2025. */
  DOSSIER_CODE_FORMAT: z.enum(['2018', '2025']).default('2018'),
  /** AA of the 2025 format: 2 digits of the e-ID of the agency owning the centralized system. */
  DOSSIER_CODE_SYSTEM_CODE: z.string().regex(/^\d{2}$/, { message: 'expects two digits' }).default('00'),
  /** Awaiting payment (status 6) pauses the dossier's clock like a supplement. UNCONFIRMED rule, so a setting. */
  DOSSIER_PAYMENT_PAUSES_CLOCK: booleanFlag.default(true),
  /** An apology (Mẫu 04) needs at least this many working days before the due date ("chậm nhất 01 ngày"). */
  DOSSIER_APOLOGY_MARGIN_DAYS: z.coerce.number().min(0).max(10).default(1),
  /** Numbering of the slips: Circular 01/2018 (Mẫu 01–06) or Circular 03/2025. */
  DOSSIER_SLIP_NUMBERING: z.enum(['circular-01-2018', 'circular-03-2025']).default('circular-01-2018'),
  /** Public dossier lookups (code + key) allowed per client address and minute (per instance). */
  DOSSIER_LOOKUP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Decision 766: whether this installation is scored as a ministry or a province (1.1/1.2 lead times, SPEC §1.4). */
  INDEX766_SCOPE_LEVEL: z.enum(['ministry', 'province']).default('ministry'),
  /** The place in the slips' date line ("Hà Nội, ngày … tháng … năm …", Decree 30/2020). */
  DOSSIER_SLIP_PLACE: z.string().trim().min(2).max(60).default('Hà Nội'),
  /** A dossier's rating may be changed for this many days after it is first given. */
  RATING_CHANGE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /**
   * The satisfaction survey's criteria, JSON [{"code","vi","en"}], each scored 1–5; default: the
   * five of the ministry's former portal survey (src/core/feedback/rating.ts).
   */
  RATING_CRITERIA: ratingCriteria.optional(),
  /** 766 indicator 5.2 windows in working days: rejection, first supplement request, processing, publication. */
  FEEDBACK_REJECT_DAYS: z.coerce.number().int().min(1).max(60).default(2),
  FEEDBACK_SUPPLEMENT_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  FEEDBACK_PROCESS_DAYS: z.coerce.number().int().min(1).max(120).default(15),
  FEEDBACK_PUBLISH_DAYS: z.coerce.number().int().min(1).max(60).default(2),
  /** Public writes (a PAKN filed, a vote on an answer) per client address and minute (per instance). */
  FEEDBACK_PUBLIC_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** The unit that receives a PAKN about neither a dossier nor a procedure (default: the root unit). */
  FEEDBACK_DEFAULT_UNIT: z.string().trim().min(1).max(100).optional(),
  /** Bearer token of a machine client (src/modules/identity/credentials/machine-token.ts); unset: none. */
  ADMIN_API_TOKEN: z.string().min(24, { message: 'expects at least 24 characters' }).optional(),
  /** The permissions that token carries, in every unit. */
  ADMIN_API_TOKEN_PERMISSIONS: permissionList.default(['calendar.edit']),
  WEB_DIST_DIR: z.string().min(1).default('web/dist'),
  /** A session ends after this long without a request. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** A session ends this long after login, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  /** Secure cookies; default: on when PUBLIC_URL is https. */
  COOKIE_SECURE: booleanFlag.optional(),

  // ---- Login and officers (identity module; see .env.example) ----
  /** Citizens' OpenID Connect provider (the national SSO). Unset: the built-in emulator. */
  OIDC_ISSUER: z.url({ message: 'expects the issuer URL of an OpenID Connect provider' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().regex(scopesPattern, { message: 'expects scopes separated by spaces' }).default('openid'),
  /** JSON {motcuaField: claimName}; merged over the national SSO's names (SPEC §4.3). */
  OIDC_CLAIM_MAP: jsonStringMap.optional(),
  /** JSON {"LoA1": acrValue, "LoA2": acrValue} when the provider names the levels differently. */
  OIDC_ACR_MAP: jsonStringMap.optional(),
  /**
   * Mount the national SSO emulator at /emulators/sso; default: on when OIDC_ISSUER is unset,
   * except in production (NODE_ENV=production: off unless SSO_EMULATOR=true).
   */
  SSO_EMULATOR: booleanFlag.optional(),
  SSO_EMULATOR_CLIENT_ID: z.string().min(1).default('motcua'),
  SSO_EMULATOR_CLIENT_SECRET: z.string().min(8).default('motcua-emulator-secret'),
  SSO_EMULATOR_DEMO_PASSWORD: z.string().min(1).default('Demo@123'),
  /** How many generated citizens the emulator's login page searches (population generator). */
  SSO_EMULATOR_CITIZENS: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  SSO_EMULATOR_SEED: z.string().min(1).optional(),
  /** Officer password login: failed attempts before a lock, and its length. */
  OFFICER_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  OFFICER_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Login and password routes: requests per client address per window (in memory, per instance). */
  AUTH_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Login and password routes: requests per account (username, session, invitation) per window. */
  AUTH_RATE_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** The ministry's own OpenID Connect provider for officers (optional). */
  OFFICER_OIDC_ISSUER: z.url({ message: 'expects the issuer URL of an OpenID Connect provider' }).optional(),
  OFFICER_OIDC_CLIENT_ID: z.string().min(1).optional(),
  OFFICER_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OFFICER_OIDC_SCOPES: z.string().regex(scopesPattern, { message: 'expects scopes separated by spaces' }).default('openid profile email'),
  /** The claim that names the officer, and the account field it is matched against. */
  OFFICER_OIDC_CLAIM: z.string().min(1).default('preferred_username'),
  OFFICER_OIDC_MATCH: z.enum(['username', 'email']).default('username'),
  /** Issuer label of TOTP enrolments (shown in authenticator apps). */
  TOTP_ISSUER: z.string().min(1).max(64).default('motcua'),
  /** Create the demo officers at start (never when NODE_ENV=production). */
  DEMO_ACCOUNTS: booleanFlag.default(true),
  /**
   * Keep resolved sessions this long in each instance (0 = off; default 5000, 0 when
   * NODE_ENV=test): a logout or a change made through another instance takes up to this long here.
   */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  /**
   * How long an instance keeps the unit tree (ms). A change is seen at once by the instance that
   * made it and by the others after at most this long.
   */
  UNIT_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),

  // ---- National population database (population module; SPEC §4.4; see .env.example) ----
  /** The population query service (via LGSP/NDXP). Unset: the built-in emulator on this server. */
  POPULATION_API_URL: z.url({ message: 'expects the URL of the population query service' }).optional(),
  /** MaTichHop: the integration code issued to this system. */
  POPULATION_INTEGRATION_CODE: z.string().min(1).max(64).default('BKHCN-MOTCUA'),
  /** API key sent as `Authorization: Bearer …`. Unset: a random key per start (in-process emulator only). */
  POPULATION_API_KEY: z
    .string()
    .min(16, { message: 'expects at least 16 characters' })
    .default(() => randomBytes(24).toString('base64url')),
  /** MaDVC: the service code registered for these queries (UNCONFIRMED value). */
  POPULATION_SERVICE_CODE: z.string().min(1).max(64).default('BKHCN'),
  /** Per-attempt timeout, retries of the (idempotent) query, circuit breaker, answer cache. */
  POPULATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  POPULATION_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  POPULATION_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  POPULATION_BREAKER_OPEN_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  POPULATION_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  POPULATION_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  /**
   * Queries per request of the population service's batch endpoint (<url>/batch). Its form is
   * UNCONFIRMED for the national service (the emulator offers one): 0, the default, means no
   * batch endpoint, and many-person lookups (reconciliation) send single queries,
   * POPULATION_CONCURRENCY at a time.
   */
  POPULATION_BATCH_SIZE: z.coerce.number().int().min(0).max(1000).default(0),
  POPULATION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /**
   * Mount the population database emulator at /emulators/population; default: on when
   * POPULATION_API_URL is unset, except in production (off unless POPULATION_EMULATOR=true).
   */
  POPULATION_EMULATOR: booleanFlag.optional(),
  /** People generated into an empty emulator at start (0: none), and the generator's seed. */
  POPULATION_EMULATOR_PEOPLE: z.coerce.number().int().min(0).max(10_000_000).default(10_000),
  POPULATION_EMULATOR_SEED: z.coerce.number().int().min(0).max(4_294_967_295).default(1),

  // ---- Online payment (payments module; SPEC §6 PayGov; see .env.example) ----
  /** The national online payment platform (PayGov). Unset: the built-in emulator on this server. */
  PAYGOV_URL: z.url({ message: 'expects the base URL of the payment platform (its /init, /check, /receipt endpoints)' }).optional(),
  /** MaDoiTac: the partner code issued to this system. */
  PAYGOV_PARTNER_CODE: z.string().min(1).max(64).default('MOTCUA-DEMO'),
  /** The partner secret of the checksums (MaXacThuc). Required in production; a demo value otherwise. */
  PAYGOV_SECRET: z.string().min(16, { message: 'expects at least 16 characters' }).default(DEMO_PAYGOV_SECRET),
  /** Time limit of one call to the platform (INIT, CHECK, RECEIPT). */
  PAYGOV_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * Mount the payment platform emulator at /emulators/payment; default: on when PAYGOV_URL is
   * unset, except in production (off unless PAYMENT_EMULATOR=true).
   */
  PAYMENT_EMULATOR: booleanFlag.optional(),

  // ---- Jobs and notifications (jobs and notifications modules; see .env.example) ----
  /** Run due jobs in this instance (default: on, except NODE_ENV=test where tests run them). */
  JOB_RUNNER: booleanFlag.optional(),
  /** Jobs run at once by this instance, and how often an idle runner looks for due jobs. */
  JOB_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  /** How long a claimed job is reserved for its runner; after it, another runner may retry it. */
  JOB_LEASE_MS: z.coerce.number().int().min(100).max(86_400_000).default(300_000),
  /** Attempts of a job before it is left failed (dead), and the retry backoff (doubling, jittered). */
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  JOB_BACKOFF_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  JOB_BACKOFF_MAX_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  /**
   * The SMTP server, e.g. smtp://user:pass@mail.example.gov.vn:587 (smtps:// for TLS on 465).
   * Unset: mail goes to the built-in catcher at /emulators/mail, or nowhere in production.
   */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: 'expects an smtp:// or smtps:// URL' }).optional(),
  /** The sender of notifications. */
  MAIL_FROM: z.string().min(3).default('Hệ thống một cửa <no-reply@motcua.localhost>'),
  /** SMS: only 'log' (messages are written to the log) until a provider is contracted. */
  SMS_PROVIDER: z.enum(['log']).default('log'),

  // ---- Procedure catalog (catalog module; see .env.example) ----
  /** Load the seed catalog of the ministry's procedures at start when the catalog is empty. */
  CATALOG_SEED: booleanFlag.default(true),
  /** Largest catalog import (JSON or Excel), bytes. */
  CATALOG_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(200 * 1024 * 1024).default(20 * 1024 * 1024),

  // ---- Files of dossiers (files module; see .env.example) ----
  /** Where file contents are kept: `local` (content-addressed under DATA_DIR/files) or `s3` (an S3-compatible bucket, S3_*). */
  FILE_STORE: z.enum(['local', 's3'], { message: 'expects local or s3' }).default('local'),
  /** Largest uploaded file, bytes (a larger one is refused with 413 and nothing is kept). */
  FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  /** Largest total of the files attached to one dossier, bytes (checked when files are attached). */
  FILE_MAX_PER_DOSSIER_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024 * 1024).default(100 * 1024 * 1024),
  /** An uploaded file that nothing has attached after this many hours may be deleted. */
  FILE_ORPHAN_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24),

  // ---- Delivery to the national public service portal (portal-sync module; SPEC §6) ----
  /** Deliver every dossier's sync record (HoSoDongBoDVC) to the national portal (Cổng DVCQG). */
  DVCQG_SYNC: booleanFlag.default(true),
  /** Base URL of the portal's dossier sync API. Unset: the built-in emulator on this server. */
  DVCQG_SYNC_URL: z.url({ message: 'expects the base URL of the national portal’s dossier sync API' }).optional(),
  /** Paths under DVCQG_SYNC_URL of "thêm mới", "cập nhật" and the process history. UNCONFIRMED (the vendor configures them). */
  DVCQG_SYNC_CREATE_PATH: z.string().regex(/^\/[\w\-./]*$/, { message: 'expects a path starting with /' }).default('/hoso/themmoi'),
  DVCQG_SYNC_UPDATE_PATH: z.string().regex(/^\/[\w\-./]*$/, { message: 'expects a path starting with /' }).default('/hoso/capnhat'),
  DVCQG_SYNC_PROCESS_PATH: z.string().regex(/^\/[\w\-./]*$/, { message: 'expects a path starting with /' }).default('/hoso/tientrinh'),
  /** The credential issued for the sync API, and the header it is sent in (Authorization: as a Bearer token). UNCONFIRMED scheme. */
  DVCQG_SYNC_TOKEN: z.string().min(16, { message: 'expects at least 16 characters' }).default(DEMO_DVCQG_SYNC_TOKEN),
  DVCQG_SYNC_AUTH_HEADER: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { message: 'expects an HTTP header name' }).default('authorization'),
  DVCQG_SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** QuaTrinhXuLy entries per call (SPEC §6: chunks of 10). */
  DVCQG_SYNC_CHUNK: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * Attempts of one delivery before the dossier is left in error for a person to retry; with the
   * job backoff (JOB_BACKOFF_MS doubling up to JOB_BACKOFF_MAX_MS, jittered) the default rides
   * out an outage of at least ten hours.
   */
  DVCQG_SYNC_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(30),
  /**
   * Mount the national portal emulator at /emulators/dvcqg; default: on when DVCQG_SYNC_URL is
   * unset, except in production (off unless DVCQG_EMULATOR=true).
   */
  DVCQG_EMULATOR: booleanFlag.optional(),
  // ---- Signed electronic results (results module; see README) ----
  /** What signs result documents: `pkcs12` (one PKCS#12 file per unit), or `none` (documents cannot be issued). */
  SIGNER: z.enum(['pkcs12', 'none'], { message: 'expects pkcs12 or none' }).default('pkcs12'),
  /** The folder of the units' PKCS#12 files, named `<unit id>.p12`; default DATA_DIR/signing/units. */
  SIGNING_PKCS12_DIR: z.string().min(1).optional(),
  /** The password of the PKCS#12 files. The default is for the development CA only. */
  SIGNING_PKCS12_PASSWORD: z.string().min(1).default('motcua-dev-only'),
  /**
   * The development CA (DATA_DIR/signing/dev-ca.pem): made at first start, and a unit's certificate
   * made when it first signs — "not legally valid". Default on outside production, off in it.
   */
  SIGNING_DEV_CA: booleanFlag.optional(),
  /** A PEM file of further trusted roots for verification (e.g. the ministry's CA chain). */
  SIGNING_TRUST_ANCHORS: z.string().min(1).optional(),
  /** The prefix of result codes (MaGiayToKetQua), `<prefix>-<agency e-ID>-<year>-<sequence>`. */
  RESULT_CODE_PREFIX: z.string().regex(/^[A-Z]{1,8}$/, { message: 'expects 1 to 8 capital letters' }).default('KQ'),
  // ---- Data-exchange gateway (lgsp module; SPEC §5; see README) ----
  /** The `iss` of the gateway's access tokens. Default: PUBLIC_URL (or http://localhost:PORT) + /lgsp. */
  LGSP_ISSUER: z.url({ message: 'expects an absolute URL' }).optional(),
  /** Lifetime of an access token, seconds. */
  LGSP_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),
  /** Token requests per minute from one client address (per instance), whatever the client claims to be. */
  LGSP_TOKEN_PER_MINUTE_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** The signature algorithm of the gateway's key, generated at first start (tokens and signed log heads). */
  LGSP_KEY_ALG: z.enum(['ES256', 'EdDSA']).default('ES256'),
  /** The purpose codes a call may name in X-Purpose (comma-separated; UNCONFIRMED as a national list). */
  LGSP_PURPOSES: z
    .string()
    .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*(,[a-z][a-z0-9]*(-[a-z0-9]+)*)*$/, { message: 'expects comma-separated lower-case codes' })
    .default('administrative-procedure,reconciliation,research,statistics,inspection')
    .transform((v) => v.split(',')),
  /** A consumer's limits when its own are not set: calls per minute (per instance) and per local day. */
  LGSP_DEFAULT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(6000),
  LGSP_DEFAULT_PER_DAY: z.coerce.number().int().min(1).max(1_000_000_000).default(1_000_000),
  /** Sign the message log's chain head after this many new rows, and on this schedule (cron). */
  LGSP_HEAD_EVERY_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  LGSP_HEAD_SCHEDULE: z.string().min(9).default('*/5 * * * *'),
  /** Most rows the log writer appends in one transaction. */
  LGSP_LOG_BATCH_MAX: z.coerce.number().int().min(1).max(10_000).default(500),
  /** How long an instance keeps a consumer's settings, ACL and day count (ms). */
  LGSP_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** Logged demo calls generated into an empty log on the embedded default's first start. */
  LGSP_DEMO_CALLS: z.coerce.number().int().min(0).max(100_000).default(300),
  /** The national data-sharing platform (NDXP). Unset: the built-in emulator on this server. */
  NDXP_URL: z.url({ message: 'expects the base URL of the national data-sharing platform' }).optional(),
  /** The key this ministry was issued by NDXP (sent as a bearer token; UNCONFIRMED scheme). */
  NDXP_API_KEY: z.string().min(16, { message: 'expects at least 16 characters' }).default('motcua-ndxp-demo-key-0001'),
  /** The ministry's code at NDXP (its agency code, QCVN 102:2016). */
  NDXP_AGENCY_CODE: z.string().min(1).max(64).default('G22'),
  NDXP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Mount the NDXP emulator at /emulators/ndxp; default: on when NDXP_URL is unset, except in production. */
  NDXP_EMULATOR: booleanFlag.optional(),
  // ---- Object storage, virus scan, digitization and the data warehouse (warehouse module) ----
  /** The S3-compatible endpoint (MinIO, Ceph, ...); unset: the AWS endpoint of S3_REGION. */
  S3_ENDPOINT: z.url({ message: 'expects an absolute URL such as http://127.0.0.1:9000' }).optional(),
  /** The bucket of file contents (required when FILE_STORE=s3). */
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'expects an S3 bucket name' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (http://host/bucket/key), which MinIO and most self-hosted services need. */
  S3_FORCE_PATH_STYLE: booleanFlag.default(true),
  /** ClamAV's clamd, tcp://host:3310 or unix:///run/clamav/clamd.ctl; unset: files are recorded as not scanned. */
  CLAMAV_URL: z.string().regex(/^(tcp:\/\/[^/:]+:\d{1,5}|unix:\/\/\/.+)$/, { message: 'expects tcp://host:port or unix:///path' }).optional(),
  /**
   * A counter or postal dossier whose paper component is neither digitized (with the checks of
   * Circular 01/2023 Art. 8(2)) nor exempted (Circular 03/2025 Art. 5(2)): `required` refuses the
   * receipt (422), `warn` receives it and records the component as not digitized.
   */
  DIGITIZATION_AT_RECEIPT: z.enum(['required', 'warn'], { message: 'expects required or warn' }).default('required'),
  /**
   * Whether a component uploaded with an online submission is flagged DuocSoHoa in the portal
   * sync (born electronic rather than scanned): UNCONFIRMED reading of 766 indicators 4.2/4.3.
   */
  DIGITIZATION_ONLINE_FILES_FLAGGED: booleanFlag.default(true),
  /**
   * Whether a refusal (issue_result refused: a notice of the reasons, not the procedure's
   * document) counts among the results of procedures that produce a document in the
   * digitization figures. UNCONFIRMED: how the ministry's report counts refusals; off, a unit
   * that issues every granted result electronically reaches 100 %.
   */
  DIGITIZATION_REFUSALS_ARE_RESULTS: booleanFlag.default(false),
  /** The national portal's data warehouse (Kho DVCQG) API; unset outside production: the emulator at /emulators/kho-dvcqg. */
  NATIONAL_WAREHOUSE_URL: z.url({ message: 'expects an absolute URL' }).optional(),
  NATIONAL_WAREHOUSE_EMULATOR: booleanFlag.optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expectation: string,
  ) {
    super(`Invalid configuration: ${variable} ${expectation}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming the first wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = cleaned[variable];
    throw new ConfigError(variable, `${issue.message}${got === undefined ? '' : ` (got "${got}")`}`);
  }
  checkProduction(parsed.data, cleaned);
  if (parsed.data.FILE_STORE === 's3' && !parsed.data.S3_BUCKET) throw new ConfigError('S3_BUCKET', 'is required when FILE_STORE=s3');
  return parsed.data;
}

/**
 * The emulators of the national systems are test tools: anyone can log in at the SSO emulator as
 * a listed citizen, and the population emulator answers with synthetic people as if it were the
 * national database. So in production they are never a silent default: the real provider must be
 * configured, or the emulator explicitly enabled (and the start then warns, see emulatorWarnings).
 */
function checkProduction(config: Config, env: Record<string, string | undefined>): void {
  if (config.NODE_ENV !== 'production') return;
  if (!config.OIDC_ISSUER && config.SSO_EMULATOR !== true) {
    throw new ConfigError('OIDC_ISSUER', 'is required when NODE_ENV=production (the national SSO; SSO_EMULATOR=true mounts the test emulator instead)');
  }
  if (!config.POPULATION_API_URL && config.POPULATION_EMULATOR !== true) {
    throw new ConfigError(
      'POPULATION_API_URL',
      'is required when NODE_ENV=production (the national population database; POPULATION_EMULATOR=true mounts the test emulator instead)',
    );
  }
  if (!config.PAYGOV_URL && config.PAYMENT_EMULATOR !== true) {
    throw new ConfigError(
      'PAYGOV_URL',
      'is required when NODE_ENV=production (the national payment platform; PAYMENT_EMULATOR=true mounts the test emulator instead)',
    );
  }
  // The demo secret is published in the source: in production the partner secret must be given.
  if (env.PAYGOV_SECRET === undefined || config.PAYGOV_SECRET === DEMO_PAYGOV_SECRET) {
    throw new ConfigError('PAYGOV_SECRET', 'is required when NODE_ENV=production (the partner secret issued by the payment platform)');
  }
  if (config.DVCQG_SYNC && config.DVCQG_SYNC_URL && (env.DVCQG_SYNC_TOKEN === undefined || config.DVCQG_SYNC_TOKEN === DEMO_DVCQG_SYNC_TOKEN)) {
    throw new ConfigError('DVCQG_SYNC_TOKEN', 'is required when NODE_ENV=production (the credential issued for the national portal’s sync API)');
  }
}

/** Whether the national SSO emulator is mounted (production: only when SSO_EMULATOR=true). */
export function ssoEmulatorOn(config: Pick<Config, 'NODE_ENV' | 'SSO_EMULATOR' | 'OIDC_ISSUER'>): boolean {
  if (config.NODE_ENV === 'production') return config.SSO_EMULATOR === true;
  return config.SSO_EMULATOR ?? !config.OIDC_ISSUER;
}

/** Whether the population database emulator is mounted (production: only when POPULATION_EMULATOR=true). */
export function populationEmulatorOn(config: Pick<Config, 'NODE_ENV' | 'POPULATION_EMULATOR' | 'POPULATION_API_URL'>): boolean {
  if (config.NODE_ENV === 'production') return config.POPULATION_EMULATOR === true;
  return config.POPULATION_EMULATOR ?? config.POPULATION_API_URL === undefined;
}

/** Whether the payment platform emulator is mounted (production: only when PAYMENT_EMULATOR=true). */
export function paymentEmulatorOn(config: Pick<Config, 'NODE_ENV' | 'PAYMENT_EMULATOR' | 'PAYGOV_URL'>): boolean {
  if (config.NODE_ENV === 'production') return config.PAYMENT_EMULATOR === true;
  return config.PAYMENT_EMULATOR ?? config.PAYGOV_URL === undefined;
}

/** Whether the national portal emulator is mounted (production: only when DVCQG_EMULATOR=true). */
export function dvcqgEmulatorOn(config: Pick<Config, 'NODE_ENV' | 'DVCQG_EMULATOR' | 'DVCQG_SYNC_URL'>): boolean {
  if (config.NODE_ENV === 'production') return config.DVCQG_EMULATOR === true;
  return config.DVCQG_EMULATOR ?? config.DVCQG_SYNC_URL === undefined;
}

/**
 * Whether dossiers are delivered to the national portal: DVCQG_SYNC and somewhere to send them
 * (DVCQG_SYNC_URL, or the emulator). In production without DVCQG_SYNC_URL delivery is off and the
 * start warns (the portal's credentials may come after the go-live); dossiers are queued from the
 * first start with a URL on.
 */
export function portalSyncOn(config: Pick<Config, 'NODE_ENV' | 'DVCQG_SYNC' | 'DVCQG_EMULATOR' | 'DVCQG_SYNC_URL'>): boolean {
  return config.DVCQG_SYNC && (config.DVCQG_SYNC_URL !== undefined || dvcqgEmulatorOn(config));
}

/** Whether the development CA signs results (production: only when SIGNING_DEV_CA=true). */
export function devCaOn(config: Pick<Config, 'NODE_ENV' | 'SIGNING_DEV_CA' | 'SIGNER'>): boolean {
  if (config.SIGNER !== 'pkcs12') return false;
  return config.SIGNING_DEV_CA ?? config.NODE_ENV !== 'production';
}

/** Whether the NDXP emulator is mounted (production: only when NDXP_EMULATOR=true). */
export function ndxpEmulatorOn(config: Pick<Config, 'NODE_ENV' | 'NDXP_EMULATOR' | 'NDXP_URL'>): boolean {
  if (config.NODE_ENV === 'production') return config.NDXP_EMULATOR === true;
  return config.NDXP_EMULATOR ?? config.NDXP_URL === undefined;
}

/** Whether the national data warehouse emulator is mounted (production: only when NATIONAL_WAREHOUSE_EMULATOR=true). */
export function nationalWarehouseEmulatorOn(config: Pick<Config, 'NODE_ENV' | 'NATIONAL_WAREHOUSE_EMULATOR' | 'NATIONAL_WAREHOUSE_URL'>): boolean {
  if (config.NODE_ENV === 'production') return config.NATIONAL_WAREHOUSE_EMULATOR === true;
  return config.NATIONAL_WAREHOUSE_EMULATOR ?? config.NATIONAL_WAREHOUSE_URL === undefined;
}

/** Whether the job runner runs in this process (default: on, except NODE_ENV=test). */
export function jobRunnerOn(config: Pick<Config, 'NODE_ENV' | 'JOB_RUNNER'>): boolean {
  return config.JOB_RUNNER ?? config.NODE_ENV !== 'test';
}

/** Whether mail goes to the built-in catcher at /emulators/mail (no SMTP_URL, outside production). */
export function mailCatcherOn(config: Pick<Config, 'NODE_ENV' | 'SMTP_URL'>): boolean {
  return config.SMTP_URL === undefined && config.NODE_ENV !== 'production';
}

/** The warnings to log at start when an emulator runs in production. */
export function emulatorWarnings(config: Config): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const warnings: string[] = [];
  if (ssoEmulatorOn(config)) {
    warnings.push(
      'SSO_EMULATOR=true in production: the national SSO EMULATOR is mounted at /emulators/sso — anyone can log in as any listed citizen at level 2. Never on a public service.',
    );
  }
  if (populationEmulatorOn(config)) {
    warnings.push(
      'POPULATION_EMULATOR=true in production: the population database EMULATOR answers with synthetic people as if it were the national database. Never on a public service.',
    );
  }
  if (paymentEmulatorOn(config)) {
    warnings.push(
      'PAYMENT_EMULATOR=true in production: the payment platform EMULATOR at /emulators/payment accepts every payment without any money moving. Never on a public service.',
    );
  }
  if (dvcqgEmulatorOn(config)) {
    warnings.push('DVCQG_EMULATOR=true in production: the national portal EMULATOR at /emulators/dvcqg is mounted; with DVCQG_SYNC_URL unset dossiers are delivered to it, not to the portal.');
  }
  return warnings;
}
