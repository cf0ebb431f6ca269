// What the applicant hears of (SPEC §2.5; the issue's list): receipt, a request to complete before
// receipt, a supplement request, a payment request, an apology, the result ready and returned, a
// refusal, a stop and a withdrawal. Delivered from the action's outbox job; the notification is
// keyed by dossier and log position, so a retried job sends it once.
import type { Kysely } from 'kysely';
import { STATUS_NAMES, type DossierState, type DossierStatus } from '../../core/dossiers/index.ts';
import type { DB } from '../../db/types.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import type { DossierEvent, DossierEventListener } from './service.ts';
import { lookupUrl } from './slips/index.ts';

interface NotifierDeps {
  notifications: Pick<NotificationsModule, 'notify'>;
  contact: (accountId: string) => Promise<{ email: string | null; phone: string | null } | undefined>;
  publicUrl: () => string;
  procedureName: (versionId: string) => Promise<string>;
  /** The receipt (Mẫu 01) as PDF, attached to the receipt e-mail. */
  receipt: (dossierId: string) => Promise<{ filename: string; bytes: Buffer } | undefined>;
}

export function dossierNotifier(deps: NotifierDeps): DossierEventListener {
  return async (db: Kysely<DB>, event: DossierEvent) => {
    const { dossier, payload } = event;
    const template = TEMPLATE_OF[event.action];
    if (!template || !dossier.code) return;
    const applicant = dossier.applicant as { name: string; email?: string; phone?: string };
    const account = dossier.submitter_account_id ?? dossier.applicant_account_id;
    const known = account ? await deps.contact(account) : undefined;
    const email = applicant.email ?? known?.email ?? undefined;
    const phone = applicant.phone ?? known?.phone ?? undefined;
    if (!email && !phone) return;
    const state = dossier.state as DossierState;
    const base = deps.publicUrl();
    const common = {
      dossierCode: dossier.code,
      procedureName: await deps.procedureName(dossier.version_id),
      applicantName: applicant.name,
      status: STATUS_NAMES[dossier.status as DossierStatus].vi,
      lookupUrl: lookupUrl({ url: `${base}/tra-cuu`, secret: dossier.lookup_secret }, dossier.code),
    };
    const reason = typeof payload.reason === 'string' ? payload.reason : '';
    const data: Record<string, unknown> = { ...common };
    const attachments: Array<{ filename: string; contentType: string; contentBase64: string }> = [];
    switch (template) {
      case 'dossier.received': {
        if (!state.dueAt) return;
        data.dueAt = state.dueAt;
        const receipt = email ? await deps.receipt(dossier.id) : undefined;
        if (receipt) attachments.push({ filename: receipt.filename, contentType: 'application/pdf', contentBase64: receipt.bytes.toString('base64') });
        break;
      }
      case 'dossier.supplement_requested':
        data.reason = reason;
        if (state.dueAt) data.dueAt = state.dueAt;
        break;
      case 'dossier.payment_requested':
        data.paymentUrl = `${base}/ho-so/${dossier.id}`;
        data.amountVnd = typeof payload.amountVnd === 'number' ? payload.amountVnd : 0;
        break;
      case 'dossier.apologized':
        data.newDueAt = state.rescheduledDueAt;
        if (reason) data.reason = reason;
        break;
      case 'dossier.completion_requested':
      case 'dossier.refused':
      case 'dossier.stopped':
        data.reason = reason;
        break;
      case 'dossier.withdrawn':
        if (reason) data.reason = reason;
        break;
    }
    await deps.notifications.notify(db, {
      to: { ...(email ? { email } : {}), ...(phone ? { phone } : {}), name: applicant.name },
      template,
      data: data as never,
      key: `dossier:${dossier.id}:${event.seq}`,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
  };
}

const TEMPLATE_OF: Partial<Record<DossierEvent['action'], Parameters<NotificationsModule['notify']>[1]['template']>> = {
  receive: 'dossier.received',
  request_completion: 'dossier.completion_requested',
  request_supplement: 'dossier.supplement_requested',
  request_payment: 'dossier.payment_requested',
  apologize: 'dossier.apologized',
  issue_result: 'dossier.result_ready',
  return_result: 'dossier.result_returned',
  refuse: 'dossier.refused',
  stop: 'dossier.stopped',
  withdraw: 'dossier.withdrawn',
};
