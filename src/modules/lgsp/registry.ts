// The service catalog of the gateway: what providers register. A sector module (or this module,
// for the seeded services) calls `registerProvider({...})` once per service version with its code,
// owner, provider, the JSON Schemas of the request and the response, and the handler; the
// gateway does everything else (authentication, ACL, purposes, limits, validation, the log,
// metrics). Schemas are JSON Schema 2020-12 checked with ajv (with the e-form formats:
// personal-id, tax-code, ...).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { EFORM_FORMATS } from '../../core/eforms/ajv.ts';
import type { Localized } from '../../http/language.ts';
import type { ProviderKind } from './tables.ts';

const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

export interface ProviderCall<Req> {
  body: Req;
  /** The consumer system (client id) and the purpose it declared. */
  consumerId: string;
  purpose: string;
  /** The gateway's request id, for the provider's own log. */
  requestId: string;
}

export interface ProviderRegistration<Req = unknown, Res = unknown> {
  /** The service code, the path segment of /lgsp/v1/{code}: lower-case words joined by hyphens. */
  code: string;
  /** Default 1. A new version of a service is a new registration with the same code. */
  version?: number;
  name: Localized;
  description?: Localized;
  /** The unit that owns the data (a unit id of the unit directory). */
  ownerUnitId: string;
  /** Who answers: an internal registry, a motcua capability, or a national platform behind an adapter. */
  provider: { kind: ProviderKind; name: string };
  requestSchema: Record<string, unknown>;
  responseSchema: Record<string, unknown>;
  /** The purposes this service may be called for (default: every configured purpose). */
  purposes?: readonly string[];
  /**
   * Answers one call. Throw a ProblemError with a 4xx code (not_found, validation…) for an answer
   * the consumer should see as such; anything else is reported as the provider's failure (502).
   */
  handler(call: ProviderCall<Req>): Promise<Res>;
}

export interface RegisteredService {
  code: string;
  version: number;
  registration: ProviderRegistration<unknown, unknown>;
  validateRequest: ValidateFunction;
  validateResponse: ValidateFunction;
}

const CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

export interface ServiceRegistry {
  register<Req, Res>(registration: ProviderRegistration<Req, Res>): void;
  /** The given version, or the latest. */
  find(code: string, version?: number): RegisteredService | undefined;
  /** Every registered version, by code then version. */
  all(): RegisteredService[];
  /** The latest version of each service. */
  latest(): RegisteredService[];
}

export function createServiceRegistry(): ServiceRegistry {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  for (const [name, check] of Object.entries(EFORM_FORMATS)) ajv.addFormat(name, { type: 'string', validate: check });
  const services = new Map<string, Map<number, RegisteredService>>();
  return {
    register(registration) {
      const version = registration.version ?? 1;
      if (!CODE.test(registration.code)) throw new Error(`lgsp: a service code is lower-case words joined by hyphens (${registration.code})`);
      if (!Number.isInteger(version) || version < 1) throw new Error(`lgsp: ${registration.code}: the version is a positive integer`);
      const versions = services.get(registration.code) ?? new Map<number, RegisteredService>();
      if (versions.has(version)) throw new Error(`lgsp: ${registration.code} v${version} is registered twice`);
      versions.set(version, {
        code: registration.code,
        version,
        registration: registration as ProviderRegistration<unknown, unknown>,
        validateRequest: ajv.compile(registration.requestSchema),
        validateResponse: ajv.compile(registration.responseSchema),
      });
      services.set(registration.code, versions);
    },
    find(code, version) {
      const versions = services.get(code);
      if (!versions) return undefined;
      if (version !== undefined) return versions.get(version);
      return versions.get(Math.max(...versions.keys()));
    },
    all() {
      return [...services.keys()].sort().flatMap((code) => [...services.get(code)!.values()].sort((a, b) => a.version - b.version));
    },
    latest() {
      return [...services.keys()].sort().map((code) => this.find(code)!);
    },
  };
}
