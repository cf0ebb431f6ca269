// Zod schemas of the gateway's administration API (one schema: validation, types, OpenAPI and the
// web app's types).
import { z } from 'zod';

const Localized = z.object({ vi: z.string(), en: z.string() });

export const ServiceItem = z
  .object({
    code: z.string(),
    version: z.number().int(),
    versions: z.array(z.number().int()),
    name: Localized,
    description: Localized.nullable(),
    ownerUnitId: z.string(),
    provider: z.object({ kind: z.enum(['internal', 'motcua', 'national']), name: z.string() }),
    enabled: z.boolean(),
    purposes: z.array(z.string()),
    requestSchema: z.record(z.string(), z.unknown()),
    responseSchema: z.record(z.string(), z.unknown()),
    consumers: z.array(z.string()),
    path: z.string(),
  })
  .meta({ id: 'LgspService' });
export type ServiceItem = z.infer<typeof ServiceItem>;

export const ServiceList = z.object({ items: z.array(ServiceItem), purposes: z.array(z.object({ code: z.string(), name: Localized })) });
export type ServiceList = z.infer<typeof ServiceList>;

export const ServiceParams = z.object({ code: z.string().min(1).max(64) });
export const ServicePatch = z.object({ enabled: z.boolean() });

const ConsumerId = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits, . _ -; 2 to 64 characters');
const JwkSet = z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1).max(10) });

export const ConsumerItem = z
  .object({
    id: z.string(),
    name: z.string(),
    unitId: z.string().nullable(),
    authMethod: z.enum(['client_secret_basic', 'private_key_jwt']),
    enabled: z.boolean(),
    perMinute: z.number().int().nullable(),
    perDay: z.number().int().nullable(),
    services: z.array(z.string()),
    createdAt: z.string(),
    secretRotatedAt: z.string().nullable(),
  })
  .meta({ id: 'LgspConsumer' });
export type ConsumerItem = z.infer<typeof ConsumerItem>;

export const ConsumerList = z.object({ items: z.array(ConsumerItem) });

export const ConsumerCreate = z.object({
  id: ConsumerId,
  name: z.string().trim().min(1).max(300),
  unitId: z.string().min(1).max(64).nullable().optional(),
  authMethod: z.enum(['client_secret_basic', 'private_key_jwt']).default('client_secret_basic'),
  /** The client's public keys (private_key_jwt). */
  jwks: JwkSet.optional(),
  perMinute: z.number().int().min(1).max(10_000_000).nullable().optional(),
  perDay: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
  services: z.array(z.string().min(1).max(64)).max(200).default([]),
});
export type ConsumerCreate = z.input<typeof ConsumerCreate>;

export const ConsumerCreated = z.object({
  consumer: ConsumerItem,
  /** Shown once (client_secret_basic); only its hash is kept. */
  clientSecret: z.string().nullable(),
});

export const ConsumerParams = z.object({ id: ConsumerId });
export const ConsumerPatch = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  enabled: z.boolean().optional(),
  perMinute: z.number().int().min(1).max(10_000_000).nullable().optional(),
  perDay: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
  jwks: JwkSet.optional(),
});
export type ConsumerPatch = z.infer<typeof ConsumerPatch>;

export const SecretRotated = z.object({ clientSecret: z.string() });

export const AclParams = z.object({ id: ConsumerId, service: z.string().min(1).max(64) });

export const LogQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  consumer: z.string().max(64).optional(),
  service: z.string().max(64).optional(),
  purpose: z.string().max(64).optional(),
  outcome: z.string().max(64).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const LogItem = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    consumerId: z.string().nullable(),
    serviceCode: z.string().nullable(),
    serviceVersion: z.number().int().nullable(),
    purpose: z.string().nullable(),
    requestId: z.string(),
    requestDigest: z.string(),
    responseDigest: z.string(),
    status: z.number().int(),
    outcome: z.string(),
    requestBytes: z.number().int(),
    responseBytes: z.number().int(),
    latencyUs: z.number().int(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'LgspLogItem' });
export type LogItem = z.infer<typeof LogItem>;

export const LogPage = z.object({ items: z.array(LogItem), nextBefore: z.number().int().nullable() });

export const StatsQuery = z.object({ hours: z.coerce.number().int().min(1).max(24 * 31).default(24) });
export const Stats = z.object({
  since: z.string(),
  rows: z.array(z.object({ serviceCode: z.string().nullable(), consumerId: z.string().nullable(), calls: z.number(), errors: z.number(), avgLatencyMs: z.number() })),
  log: z.object({ rows: z.number(), lastSeq: z.number(), lastSignedSeq: z.number().nullable(), lastSignedAt: z.string().nullable() }),
});
export type Stats = z.infer<typeof Stats>;

export const PublishResult = z.object({ published: z.number().int() });
