// The part of oidc-provider (v9, which ships no type declarations) that the emulator uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaContextLike {
    oidc: {
      params: Record<string, unknown> & { acr_values?: string; ui_locales?: string };
      session: { accountId?: string; acr?: string; grantIdFor(clientId: string): string | undefined };
      client?: { clientId: string; clientName?: string };
      result?: { consent?: { grantId?: string } };
      provider: Provider;
      acr?: string;
    };
    body: unknown;
    type: string;
    host: string;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown> & { client_id?: string; acr_values?: string; login_hint?: string };
    session?: { accountId?: string };
    returnTo: string;
  }

  export interface AccountClaimsSource {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export class Grant {
    constructor(options: { clientId: string; accountId: string });
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly issuer: string;
    proxy: boolean;
    Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    interactionResult(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export class Check {
    constructor(reason: string, description: string, check: (ctx: KoaContextLike) => boolean | Promise<boolean>);
    static REQUEST_PROMPT: true;
    static NO_NEED_TO_PROMPT: false;
  }

  export interface PromptLike {
    name: string;
    checks: Check[] & { add(check: Check, index?: number): void; get(reason: string): Check | undefined };
  }

  export const interactionPolicy: {
    base(): PromptLike[] & { get(name: string): PromptLike | undefined };
    Check: typeof Check;
  };

  export const errors: Record<string, new (...args: unknown[]) => Error>;

  export default Provider;
}
