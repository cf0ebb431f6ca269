// Configuration: environment variables, validated once at start. A wrong value stops the start
// with one line naming the variable and what it expects (see .env.example for every variable).
import { z } from 'zod';

const sessionsPattern = /^\d{2}:\d{2}-\d{2}:\d{2}(,\d{2}:\d{2}-\d{2}:\d{2})*$/;

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
  /** Bearer token for administrative API calls until officer login exists; unset disables them. */
  ADMIN_API_TOKEN: z.string().min(24, { message: 'expects at least 24 characters' }).optional(),
  WEB_DIST_DIR: z.string().min(1).default('web/dist'),
  /** A session ends after this long without a request. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** A session ends this long after login, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  /** Secure cookies; default: on when PUBLIC_URL is https. */
  COOKIE_SECURE: booleanFlag.optional(),
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
  return parsed.data;
}
