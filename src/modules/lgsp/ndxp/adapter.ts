// The adapter to the national data integration and sharing platform (NDXP; SPEC §5, Law on Data
// 60/2024 Art. 42(4)(a) of the amended Law on E-Transactions). Two things go through it: the
// ministry's services published to the national catalog, and calls of national services, which
// the gateway registers as providers (so they are authorized, validated and logged like any other).
//
// The real message formats are UNCONFIRMED: everything NDXP-specific — the paths, the envelope
// {header: {messageId, from, to, service, purpose, sentAt}, body}, the statuses OK / NOT_FOUND /
// REJECTED, the bearer key with X-Agency-Code — is in this file (and in the emulator,
// src/emulators/ndxp/), to be replaced when the platform's specification is obtained. Under Decree
// 278/2025 the connection goes through an Agent Node set up by the National Data Centre; the URL
// configured here is that node's.
import { randomUUID } from 'node:crypto';

export interface NdxpSettings {
  url: () => string | undefined;
  apiKey: string;
  agencyCode: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface PublishEntry {
  code: string;
  version: number;
  name: string;
  endpoint: string;
  requestSchema: unknown;
  responseSchema: unknown;
}

export type NdxpAnswer = { status: 'ok'; body: Record<string, unknown>; messageId: string } | { status: 'not_found'; messageId: string };

export class NdxpError extends Error {}

export function createNdxpClient(settings: NdxpSettings) {
  const doFetch = settings.fetch ?? fetch;
  async function post(path: string, body: unknown): Promise<unknown> {
    const base = settings.url();
    if (!base) throw new NdxpError('NDXP is not reachable yet (no URL)');
    let response: Response;
    try {
      response = await doFetch(`${base.replace(/\/$/, '')}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.apiKey}`, 'x-agency-code': settings.agencyCode },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      throw new NdxpError(`NDXP unreachable: ${(error as Error).message}`);
    }
    if (!response.ok) throw new NdxpError(`NDXP answered ${response.status}`);
    return response.json();
  }
  return {
    /** Publishes (or republishes) the given services to the national catalog; returns how many were accepted. */
    async publish(services: PublishEntry[]): Promise<number> {
      const answer = (await post('/catalog', { agencyCode: settings.agencyCode, services })) as { accepted?: unknown };
      if (typeof answer.accepted !== 'number') throw new NdxpError('NDXP: unexpected answer to publish');
      return answer.accepted;
    },
    /** Calls a national service through NDXP. */
    async call(service: string, body: unknown, meta: { purpose: string; to?: string }): Promise<NdxpAnswer> {
      const messageId = randomUUID();
      const answer = (await post(`/exchange/${encodeURIComponent(service)}`, {
        header: { messageId, from: settings.agencyCode, to: meta.to ?? 'NDXP', service, purpose: meta.purpose, sentAt: new Date().toISOString() },
        body,
      })) as { header?: { status?: unknown; correlationId?: unknown }; body?: unknown };
      if (answer.header?.correlationId !== messageId) throw new NdxpError('NDXP: the answer does not correlate with the message');
      if (answer.header.status === 'OK' && answer.body && typeof answer.body === 'object') return { status: 'ok', body: answer.body as Record<string, unknown>, messageId };
      if (answer.header.status === 'NOT_FOUND') return { status: 'not_found', messageId };
      throw new NdxpError(`NDXP: status ${String(answer.header.status)}`);
    },
  };
}

export type NdxpClient = ReturnType<typeof createNdxpClient>;
