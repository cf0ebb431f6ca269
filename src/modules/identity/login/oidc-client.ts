// motcua as an OpenID Connect relying party (openid-client): authorization code flow with PKCE
// (S256), state and nonce; the ID token's signature is verified against the provider's JWKS
// (non-repudiation checks), and userinfo is read with the access token. Discovery happens at the
// first login and is kept; a failed discovery is retried at the next login.
import * as oidc from 'openid-client';

export interface RelyingPartySettings {
  /** Issuer URL (read at first use: the built-in emulator's depends on the server's address). */
  issuer: () => string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  redirectUri: () => string;
}

export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CompletedLogin {
  issuer: string;
  idToken: string;
  /** Verified ID token claims. */
  idTokenClaims: Record<string, unknown> & { sub: string; acr?: string };
  userinfo: Record<string, unknown>;
}

export class RelyingParty {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(readonly settings: RelyingPartySettings) {}

  private async config(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const issuer = new URL(this.settings.issuer());
      const execute = [oidc.enableNonRepudiationChecks];
      // Plain http only for a provider on this machine or a test network (the emulator in dev).
      if (issuer.protocol === 'http:') execute.push(oidc.allowInsecureRequests);
      return oidc.discovery(issuer, this.settings.clientId, this.settings.clientSecret, oidc.ClientSecretPost(this.settings.clientSecret), {
        execute,
        timeout: 10,
      });
    })().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  static newChecks(): LoginChecks {
    return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  }

  async authorizationUrl(checks: LoginChecks, extra: Record<string, string> = {}): Promise<URL> {
    const config = await this.config();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri(),
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
      ...extra,
    });
  }

  /** Exchanges the code (checking state, nonce, PKCE and the ID token) and reads userinfo. */
  async complete(callbackUrl: URL, checks: LoginChecks): Promise<CompletedLogin> {
    const config = await this.config();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('no ID token');
    const userinfo = config.serverMetadata().userinfo_endpoint
      ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
      : {};
    return {
      issuer: config.serverMetadata().issuer,
      idToken: tokens.id_token,
      idTokenClaims: claims as CompletedLogin['idTokenClaims'],
      userinfo: userinfo as Record<string, unknown>,
    };
  }

  /**
   * The provider's logout address (RP-initiated logout 1.0), when it has one. It names the client
   * (`client_id`) rather than carrying the ID token (`id_token_hint`): an ID token in a URL ends up
   * in browser history, proxy logs and Referer headers, and motcua then need not keep ID tokens.
   */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<URL | undefined> {
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(config, { client_id: this.settings.clientId, post_logout_redirect_uri: postLogoutRedirectUri });
  }
}

/** Is this an error the provider sent back (user cancelled, refused...) rather than an outage? */
export function providerErrorOf(error: unknown): { error: string; description?: string } | undefined {
  if (error instanceof oidc.AuthorizationResponseError) return { error: error.error, description: error.error_description };
  if (error instanceof oidc.ResponseBodyError) return { error: error.error, description: error.error_description };
  return undefined;
}
