// What the login use cases and routes share: configuration, database, session settings, the unit
// directory, the public address and the OpenID Connect relying parties.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Acr } from '../../../core/access/index.ts';
import { ConfigError, ssoEmulatorOn, type Config } from '../../../config.ts';
import type { DB } from '../../../db/types.ts';
import { SSO_EMULATOR_PATH } from '../../../emulators/sso/address.ts';
import type { SessionSettings } from '../sessions/service.ts';
import type { UnitDirectory } from '../units/directory.ts';
import { claimMapFrom, type ClaimMap } from './claims.ts';
import { RelyingParty } from './oidc-client.ts';

export interface LoginContext {
  config: Config;
  db: Kysely<DB>;
  sessions: SessionSettings;
  units: UnitDirectory;
  /** The address users reach: PUBLIC_URL, else this server's own address. */
  publicUrl(): string;
  citizenRp: RelyingParty;
  officerRp: RelyingParty | undefined;
  claimMap: ClaimMap;
  /** motcua's level names → the provider's acr values. */
  acrValues: Record<Acr, string>;
}

/** PUBLIC_URL, or http://<bound address>:<port> once the server listens (localhost for 0.0.0.0). */
export function publicUrlOf(app: FastifyInstance, config: Config): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, '');
  const address = app.server.address();
  if (address && typeof address === 'object') {
    const wildcard = address.address === '0.0.0.0' || address.address === '::';
    const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }
  return `http://localhost:${config.PORT}`;
}

export function createLoginContext(options: {
  config: Config;
  db: Kysely<DB>;
  sessions: SessionSettings;
  units: UnitDirectory;
  publicUrl: () => string;
}): LoginContext {
  const { config, publicUrl } = options;

  if (config.OIDC_ISSUER && (!config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET)) {
    throw new ConfigError('OIDC_CLIENT_ID', 'and OIDC_CLIENT_SECRET are required with OIDC_ISSUER');
  }
  if (config.OFFICER_OIDC_ISSUER && (!config.OFFICER_OIDC_CLIENT_ID || !config.OFFICER_OIDC_CLIENT_SECRET)) {
    throw new ConfigError('OFFICER_OIDC_CLIENT_ID', 'and OFFICER_OIDC_CLIENT_SECRET are required with OFFICER_OIDC_ISSUER');
  }
  let claimMap: ClaimMap;
  try {
    claimMap = claimMapFrom(config.OIDC_CLAIM_MAP);
  } catch (error) {
    throw new ConfigError('OIDC_CLAIM_MAP', (error as Error).message);
  }
  const acrMap = config.OIDC_ACR_MAP ?? {};
  const unknownAcr = Object.keys(acrMap).filter((k) => k !== 'LoA1' && k !== 'LoA2');
  if (unknownAcr.length) throw new ConfigError('OIDC_ACR_MAP', `expects the keys LoA1 and LoA2 (got ${unknownAcr.join(', ')})`);

  if (!config.OIDC_ISSUER && !ssoEmulatorOn(config)) {
    throw new ConfigError('OIDC_ISSUER', 'is required when the SSO emulator is off (SSO_EMULATOR=false)');
  }
  const citizenRp = new RelyingParty({
    issuer: () => config.OIDC_ISSUER ?? `${publicUrl()}${SSO_EMULATOR_PATH}`,
    clientId: config.OIDC_ISSUER ? config.OIDC_CLIENT_ID! : config.SSO_EMULATOR_CLIENT_ID,
    clientSecret: config.OIDC_ISSUER ? config.OIDC_CLIENT_SECRET! : config.SSO_EMULATOR_CLIENT_SECRET,
    scopes: config.OIDC_SCOPES,
    redirectUri: () => `${publicUrl()}/auth/callback`,
  });
  const officerRp = config.OFFICER_OIDC_ISSUER
    ? new RelyingParty({
        issuer: () => config.OFFICER_OIDC_ISSUER!,
        clientId: config.OFFICER_OIDC_CLIENT_ID!,
        clientSecret: config.OFFICER_OIDC_CLIENT_SECRET!,
        scopes: config.OFFICER_OIDC_SCOPES,
        redirectUri: () => `${publicUrl()}/auth/officer/callback`,
      })
    : undefined;

  return {
    config,
    db: options.db,
    sessions: options.sessions,
    units: options.units,
    publicUrl,
    citizenRp,
    officerRp,
    claimMap,
    acrValues: { LoA1: acrMap.LoA1 ?? 'LoA1', LoA2: acrMap.LoA2 ?? 'LoA2' },
  };
}
