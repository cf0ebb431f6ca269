// Zod schemas of the portal-sync module's API: a dossier's delivery state to the national portal,
// the calls made for it, and the administrators' list.
import { z } from 'zod';

export const PortalSyncStateSchema = z.enum(['pending', 'synced', 'error']).describe('pending: not yet delivered (or a newer state waits); synced: the portal holds the latest state; error: the last attempt failed');

export const PortalSyncAttemptViewSchema = z.object({
  at: z.string(),
  operation: z.enum(['create', 'update', 'process']).describe('"thêm mới", "cập nhật", or a chunk of QuaTrinhXuLy'),
  chunkStart: z.number().int().nullable().describe('process: the position of the chunk’s first entry'),
  entries: z.number().int(),
  requestDigest: z.string().describe('SHA-256 (hex) of the request body as sent'),
  httpStatus: z.number().int().nullable(),
  errorCode: z.string().nullable().describe('the portal’s error_code ("0" is success)'),
  message: z.string(),
  outcome: z.enum(['ok', 'exists', 'failed']),
  durationMs: z.number().int(),
});
export type PortalSyncAttemptView = z.infer<typeof PortalSyncAttemptViewSchema>;

export const PortalSyncViewSchema = z
  .object({
    dossierId: z.string(),
    dossierCode: z.string(),
    state: PortalSyncStateSchema,
    onPortal: z.boolean().describe('the portal knows the dossier (it was created there)'),
    wantedSeq: z.number().int().describe('the dossier’s latest log position to deliver'),
    syncedSeq: z.number().int().describe('the log position the portal acknowledged'),
    processEntriesSent: z.number().int().describe('QuaTrinhXuLy entries the portal acknowledged'),
    attempts: z.number().int().describe('failed attempts since the last success'),
    lastAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    lastErrorCode: z.string().nullable(),
    syncedAt: z.string().nullable(),
    retrying: z.boolean().describe('a delivery job is queued or running'),
    recentCalls: z.array(PortalSyncAttemptViewSchema).describe('the latest calls, newest first (the list view leaves them out)'),
  })
  .meta({ id: 'PortalSyncView' });
export type PortalSyncView = z.infer<typeof PortalSyncViewSchema>;

export const PortalSyncListQuerySchema = z.strictObject({
  state: PortalSyncStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().max(100).optional().describe('the last dossier code of the previous page'),
});
export type PortalSyncListQuery = z.infer<typeof PortalSyncListQuerySchema>;

export const PortalSyncListSchema = z.object({
  items: z.array(PortalSyncViewSchema),
  next: z.string().nullable(),
  counts: z.object({ pending: z.number().int(), synced: z.number().int(), error: z.number().int() }),
});
