// The OpenID Connect provider of the SSO emulator (oidc-provider): authorization code flow with
// PKCE required, client_secret_post at the token endpoint, acr_values LoA1/LoA2 (a session below
// the requested level is prompted again), userinfo with the configured claims, RP-initiated
// logout. Endpoint paths follow the national SSO (SPEC §4.3: /oauth2/authorize, /oauth2/token,
// /oauth2/userinfo).
import Provider, { interactionPolicy, type KoaContextLike } from 'oidc-provider';
import type { EmulatorKeys } from './keys.ts';
import { logoutPage, logoutSuccessPage, providerErrorPage } from './pages.ts';
import type { SubjectStore } from './store.ts';
import { requiredLevelIndex, type SsoClient, type SsoLevel } from './levels.ts';

export { NATIONAL_CLAIMS, NATIONAL_LEVELS, NATIONAL_SCOPES, requiredLevelIndex, type SsoClient, type SsoLevel } from './levels.ts';

export interface SsoProviderOptions {
  issuer: string;
  clients: SsoClient[];
  keys: EmulatorKeys;
  /** Claim names released per scope (`openid` always). */
  scopes: Record<string, string[]>;
  /** Assurance levels, lowest first. */
  levels: SsoLevel[];
  /** Subjects who logged in, by `sub` (the emulator's login page fills it). */
  subjects: SubjectStore;
  /** oidc-provider adapter factory (default: its in-memory adapter). */
  adapter?: (model: string) => unknown;
  trustProxy?: boolean;
  /** Cookie names prefix, so that two emulators on one host do not overwrite each other's cookies. */
  cookiePrefix?: string;
}

const SECONDS = { minute: 60, hour: 3600 };

export function createSsoProvider(options: SsoProviderOptions): Provider {
  const { levels } = options;
  // A way back from the emulator's own pages: the (first) relying party's home page.
  const home = options.clients[0]?.postLogoutRedirectUris[0];
  const back = home ? { href: home } : undefined;
  const policy = interactionPolicy.base();
  // A session authenticated below the level the client asks for is not reused: log in again.
  policy.get('login')!.checks.add(
    new interactionPolicy.Check('acr_below_requested', 'the session is below the requested assurance level', (ctx) => {
      const { oidc } = ctx;
      if (!oidc.session.accountId) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const required = requiredLevelIndex(levels, oidc.params.acr_values);
      const current = levels.findIndex((l) => l.value === oidc.session.acr);
      return required > current ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT;
    }),
  );

  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  const prefix = options.cookiePrefix ?? 'sso';
  const scopeNames = Object.keys(options.scopes);

  const provider = new Provider(options.issuer, {
    ...(options.adapter ? { adapter: options.adapter } : {}),
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      client_name: c.name,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // The national SSO takes client_id and client_secret in the token request body (SPEC §4.3).
      token_endpoint_auth_method: 'client_secret_post',
    })),
    clientAuthMethods: ['client_secret_post', 'client_secret_basic'],
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: scopeNames,
    claims: { ...options.scopes, acr: null, auth_time: null, sid: null },
    acrValues: levels.map((l) => l.value),
    jwks: options.keys.jwks,
    cookies: {
      keys: options.keys.cookieKeys,
      names: { session: `${prefix}_session`, interaction: `${prefix}_interaction`, resume: `${prefix}_resume` },
    },
    routes: {
      authorization: '/oauth2/authorize',
      token: '/oauth2/token',
      userinfo: '/oauth2/userinfo',
      jwks: '/oauth2/jwks',
      end_session: '/oauth2/logout',
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextLike, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form, ctx.oidc.client?.clientName);
        },
        postLogoutSuccessSource: async (ctx: KoaContextLike) => {
          ctx.type = 'html';
          ctx.body = logoutSuccessPage(back);
        },
      },
      userinfo: { enabled: true },
    },
    interactions: {
      policy,
      url: async (_ctx: unknown, interaction: { uid: string }) => `${mountPath}/interaction/${interaction.uid}`,
    },
    // Every client of the emulator is first-party: no consent screen. The grant covers the scopes
    // asked for now (added to a grant given earlier in the same session).
    loadExistingGrant: async (ctx: KoaContextLike) => {
      const { oidc } = ctx;
      const accountId = oidc.session.accountId;
      if (!accountId || !oidc.client) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      const grant =
        (grantId ? await oidc.provider.Grant.find(grantId) : undefined) ??
        new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId });
      const requested = String(oidc.params.scope ?? 'openid')
        .split(' ')
        .filter((s) => scopeNames.includes(s));
      grant.addOIDCScope(requested.join(' '));
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx: unknown, sub: string) => {
      const subject = await options.subjects.find(sub);
      if (!subject) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, ...Object.fromEntries(Object.entries(subject.claims).filter(([, v]) => v !== null && v !== undefined)) }),
      };
    },
    renderError: async (ctx: KoaContextLike, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = providerErrorPage(out, back);
    },
    ttl: {
      AccessToken: 10 * SECONDS.minute,
      AuthorizationCode: SECONDS.minute,
      IdToken: 10 * SECONDS.minute,
      Interaction: 30 * SECONDS.minute,
      Session: 8 * SECONDS.hour,
      Grant: 8 * SECONDS.hour,
    },
  });
  provider.proxy = options.trustProxy ?? false;
  return provider;
}
