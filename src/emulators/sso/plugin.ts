// Mounts the SSO emulator on a Fastify server: the OpenID Connect endpoints (oidc-provider, under
// the issuer's path) and the emulator's own login pages at `<mount>/interaction/:uid`. The
// provider is built at the first request, when the server's public address is known.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Kysely } from 'kysely';
import { generateEmulatorKeys, type EmulatorKeys } from './keys.ts';
import { dbAdapterFactory, dbSubjectStore, ensureSsoSchema, loadOrCreateDbKeys, memorySubjectStore, type SubjectStore } from './store.ts';
import { indexPage, loginPage, messagePage } from './pages.ts';
import { NATIONAL_LEVELS, NATIONAL_SCOPES, requiredLevelIndex, type SsoClient, type SsoLevel } from './levels.ts';
import { ACR_RANK, type SubjectDirectory } from './subjects.ts';

export interface SsoEmulatorSettings {
  issuer: string;
  clients: SsoClient[];
  directory: SubjectDirectory;
  /** Signing and cookie keys; default: from `db`, else generated in memory. */
  keys?: EmulatorKeys;
  demoPassword: string;
  scopes?: Record<string, string[]>;
  levels?: SsoLevel[];
  trustProxy?: boolean;
  cookiePrefix?: string;
  /** Results shown per search. */
  pageSize?: number;
  /**
   * A database to keep the emulator's state in (schema sso_emulator), so that several instances
   * serve the same logins and a restart keeps them; `keys` are then read from there. Default: memory.
   */
  db?: Kysely<any>;
}

interface Emulator {
  settings: SsoEmulatorSettings;
  levels: SsoLevel[];
  provider: Provider;
  subjects: SubjectStore;
  callback: ReturnType<Provider['callback']>;
  csp: string;
}

const same = (a: string, b: string) => {
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(a), h(b));
};

export interface SsoEmulatorHandle {
  /** The issuer, once the emulator has been built (after its first request). */
  issuer(): Promise<string>;
}

export function registerSsoEmulator(
  app: FastifyInstance,
  options: { mountPath: string; settings: () => Promise<SsoEmulatorSettings> | SsoEmulatorSettings },
): SsoEmulatorHandle {
  const mountPath = options.mountPath.replace(/\/$/, '');
  let building: Promise<Emulator> | undefined;

  async function build(): Promise<Emulator> {
    const settings = await options.settings();
    let keys = settings.keys;
    let subjects = memorySubjectStore();
    let adapter: ((model: string) => unknown) | undefined;
    if (settings.db) {
      await ensureSsoSchema(settings.db);
      keys = await loadOrCreateDbKeys(settings.db);
      subjects = dbSubjectStore(settings.db, settings.directory);
      adapter = dbAdapterFactory(settings.db);
    }
    keys ??= await generateEmulatorKeys();
    const levels = settings.levels ?? NATIONAL_LEVELS;
    // Loaded at the first request: oidc-provider is only needed once someone logs in.
    const { createSsoProvider } = await import('./provider.ts');
    const provider = createSsoProvider({
      issuer: settings.issuer,
      clients: settings.clients,
      keys,
      scopes: settings.scopes ?? NATIONAL_SCOPES,
      levels,
      subjects,
      adapter,
      trustProxy: settings.trustProxy,
      cookiePrefix: settings.cookiePrefix,
    });
    const origins = new Set(
      settings.clients.flatMap((c) => [...c.redirectUris, ...c.postLogoutRedirectUris]).map((u) => new URL(u).origin),
    );
    const csp = [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      "img-src 'self' data:",
      `form-action 'self' ${[...origins].join(' ')}`.trim(),
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; ');
    return { settings, levels, provider, subjects, callback: provider.callback(), csp };
  }

  const emulator = () => {
    building ??= build().catch((error: unknown) => {
      building = undefined;
      throw error;
    });
    return building;
  };

  // OpenID Connect endpoints: handed to oidc-provider untouched (it reads the body itself).
  app.register(
    async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request: FastifyRequest, _payload: IncomingMessage, done: (err: null) => void) => done(null));
      scope.all('/*', { schema: { hide: true } }, async (request, reply) => {
        const em = await emulator();
        reply.hijack();
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = (raw.url ?? '/').slice(mountPath.length) || '/';
        reply.raw.setHeader('content-security-policy', em.csp);
        reply.raw.setHeader('x-content-type-options', 'nosniff');
        reply.raw.setHeader('referrer-policy', 'no-referrer');
        em.callback(raw, reply.raw);
      });
    },
    { prefix: mountPath },
  );

  // The emulator's login pages.
  app.register(
    async (scope) => {
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 16 * 1024 },
        // No field of these forms can hold a NUL character (and the store is PostgreSQL text).
        (_request, body, done) =>
          done(null, Object.fromEntries([...new URLSearchParams(body as string)].map(([k, v]) => [k, v.replaceAll('\0', '')]))),
      );

      const html = (reply: FastifyReply, em: Emulator, status: number, body: string) =>
        reply
          .status(status)
          .header('content-security-policy', em.csp)
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(body);

      async function details(em: Emulator, request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) {
        try {
          const d = await em.provider.interactionDetails(request.raw, reply.raw);
          return d.uid === request.params.uid ? d : undefined;
        } catch {
          return undefined;
        }
      }

      const homes = (em: Emulator) => em.settings.clients.flatMap((c) => c.postLogoutRedirectUris.slice(0, 1));

      const expired = (reply: FastifyReply, em: Emulator) => {
        const home = homes(em)[0];
        return html(
          reply,
          em,
          400,
          messagePage(
            'Phiên đăng nhập đã hết hạn',
            'Yêu cầu đăng nhập không còn hiệu lực. Vui lòng quay lại dịch vụ và bấm đăng nhập lại.',
            home ? { href: home } : undefined,
          ),
        );
      };

      // The emulator's own address: what it is and where to go (README tour).
      scope.get('/', { schema: { hide: true } }, async (_request, reply) => {
        const em = await emulator();
        return html(
          reply,
          em,
          200,
          indexPage({
            issuer: em.settings.issuer,
            mountPath,
            relyingParties: homes(em),
            demoPassword: em.settings.demoPassword,
          }),
        );
      });

      async function render(
        em: Emulator,
        request: FastifyRequest<{ Params: { uid: string } }>,
        reply: FastifyReply,
        d: NonNullable<Awaited<ReturnType<typeof details>>>,
        form: { q?: string; tab?: string; level?: string; subject?: string; error?: string; status?: number },
      ) {
        const tab = form.tab === 'organization' ? 'organization' : 'person';
        const query = (form.q ?? '').slice(0, 100);
        const results = await em.settings.directory.search(query, tab, em.settings.pageSize ?? 20);
        const client = em.settings.clients.find((c) => c.clientId === d.params.client_id);
        const base = `${mountPath}/interaction/${request.params.uid}`;
        return html(
          reply,
          em,
          form.status ?? 200,
          loginPage({
            pageUrl: query ? `${base}?q=${encodeURIComponent(query)}` : base,
            loginAction: `${base}/login`,
            abortAction: `${base}/abort`,
            clientName: client?.name ?? String(d.params.client_id ?? ''),
            query,
            tab,
            results,
            levels: em.levels,
            requiredIndex: requiredLevelIndex(em.levels, d.params.acr_values),
            selectedLevel: form.level,
            selectedKey: form.subject,
            demoPassword: em.settings.demoPassword,
            error: form.error,
          }),
        );
      }

      scope.get<{ Params: { uid: string }; Querystring: { q?: string; tab?: string } }>(
        '/interaction/:uid',
        { schema: { hide: true } },
        async (request, reply) => {
          const em = await emulator();
          const d = await details(em, request, reply);
          if (!d) return expired(reply, em);
          if (d.prompt.name !== 'login') {
            // Consent is never asked of the user (first-party clients): grant what was asked.
            const accountId = d.session?.accountId;
            if (!accountId || !d.params.client_id) return expired(reply, em);
            const grant = new em.provider.Grant({ clientId: String(d.params.client_id), accountId });
            grant.addOIDCScope(String(d.params.scope ?? 'openid'));
            const grantId = await grant.save();
            reply.hijack();
            return em.provider.interactionFinished(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
          }
          return render(em, request, reply, d, { q: request.query.q, tab: request.query.tab });
        },
      );

      scope.post<{ Params: { uid: string }; Body: Record<string, string> }>(
        '/interaction/:uid/login',
        { schema: { hide: true } },
        async (request, reply) => {
          const em = await emulator();
          const d = await details(em, request, reply);
          if (!d || d.prompt.name !== 'login') return expired(reply, em);
          const body = request.body ?? {};
          const form = { tab: body.tab, level: body.level, subject: body.subject, q: body.q };
          const fail = (error: string) => render(em, request, reply, d, { ...form, error, status: 422 });

          const subject = body.subject ? await em.settings.directory.findByKey(body.subject) : undefined;
          if (!subject) return fail('Hãy chọn một tài khoản trong danh sách.');
          if (!same(body.password ?? '', em.settings.demoPassword)) return fail('Mật khẩu không đúng.');
          const levelIndex = em.levels.findIndex((l) => l.value === body.level);
          if (levelIndex < 0) return fail('Hãy chọn mức độ định danh điện tử.');
          const required = requiredLevelIndex(em.levels, d.params.acr_values);
          if (levelIndex < required) {
            return fail(`Dịch vụ này yêu cầu tài khoản định danh điện tử ${em.levels[required]!.label.toLowerCase()}.`);
          }
          if (levelIndex + 1 > ACR_RANK[subject.maxAcr]) {
            return fail(
              `Tài khoản của ${subject.displayName} chỉ có ${em.levels[ACR_RANK[subject.maxAcr] - 1]!.label.toLowerCase()} (Nghị định 69/2024/NĐ-CP, Điều 7).`,
            );
          }
          await em.subjects.remember(subject);
          reply.hijack();
          return em.provider.interactionFinished(
            request.raw,
            reply.raw,
            {
              login: {
                accountId: subject.sub,
                acr: em.levels[levelIndex]!.value,
                amr: levelIndex > 0 ? ['pwd', 'bio'] : ['pwd'],
                remember: true,
              },
            },
            { mergeWithLastSubmission: false },
          );
        },
      );

      scope.post<{ Params: { uid: string } }>('/interaction/:uid/abort', { schema: { hide: true } }, async (request, reply) => {
        const em = await emulator();
        const d = await details(em, request, reply);
        if (!d) return expired(reply, em);
        reply.hijack();
        return em.provider.interactionFinished(
          request.raw,
          reply.raw,
          { error: 'access_denied', error_description: 'Người dùng đã hủy đăng nhập.' },
          { mergeWithLastSubmission: false },
        );
      });
    },
    { prefix: mountPath },
  );

  return { issuer: async () => (await emulator()).settings.issuer };
}

export { NATIONAL_LEVELS, NATIONAL_SCOPES };
export type { EmulatorKeys, SsoClient, SsoLevel };
