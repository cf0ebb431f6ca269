// The slips of a dossier (Circular 01/2018/TT-VPCP Mẫu 01–05 and the stop notice of Circular
// 03/2025) from its state and its log: nothing is typed twice. Each slip exists once the action it
// records was taken (the receipt after `receive`, the supplement slip after a request…).
import type { ProcedureContent } from '../../core/catalog/types.ts';
import type { DossierState } from '../../core/dossiers/index.ts';
import type { UnitNode } from '../identity/units/directory.ts';
import type { DossierSlipInput, SlipKind } from './slips/index.ts';
import type { ActionRow, DossierRow } from './store.ts';

export const DOSSIER_SLIPS = ['01', '02', '03', '04', '05', 'stop'] as const satisfies readonly SlipKind[];
export type DossierSlipKind = (typeof DOSSIER_SLIPS)[number];

const STEP_NAMES: Record<string, string> = {
  receive: 'Tiếp nhận hồ sơ',
  transfer: 'Chuyển hồ sơ',
  assign: 'Phân công xử lý',
  examine: 'Thẩm định, xử lý',
  approve: 'Phê duyệt',
  sign_issue: 'Ký, ban hành kết quả',
  return: 'Trả kết quả',
};

/** "username (Full Name)" → "Full Name"; other labels as they are. */
const personOf = (label: string | null | undefined): string => {
  if (!label) return '';
  const m = /\(([^)]+)\)\s*$/.exec(label);
  return m ? m[1]! : label;
};

export interface SlipContext {
  row: DossierRow;
  state: DossierState;
  actions: ActionRow[];
  content: ProcedureContent;
  unit: UnitNode;
  /** The ministry (root of the receiving unit), for the agency block. */
  root: UnitNode | undefined;
  place: string;
  lookupUrl: string;
}

const last = (actions: ActionRow[], ...types: string[]) => [...actions].reverse().find((a) => types.includes(a.type));
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The slip's input, or undefined when the dossier has no such slip (yet). */
export function slipInput(kind: DossierSlipKind, ctx: SlipContext): DossierSlipInput | undefined {
  const { row, state, actions, content } = ctx;
  if (!row.code) return undefined;
  const applicant = row.applicant as { name: string; idNumber: string; address?: string; phone?: string; email?: string };
  const submitter = row.submitter as { name: string } | null;
  const byName = new Map(actions.map((a) => [a.actor_id, personOf(a.actor_label)]));
  const common = (action: ActionRow) => ({
    agency: { ...(ctx.root && ctx.root.id !== ctx.unit.id ? { parentName: ctx.root.nameVi.toUpperCase() } : {}), name: ctx.unit.nameVi.toUpperCase(), place: ctx.place },
    issuedAt: new Date(action.at).toISOString(),
    officer: { name: personOf(action.actor_label) },
    lookup: { url: ctx.lookupUrl, secret: row.lookup_secret },
    dossier: {
      code: row.code!,
      procedureCode: row.procedure_code,
      procedureName: content.name,
      applicantName: applicant.name,
      applicantIdNumber: applicant.idNumber,
      ...(applicant.address ? { applicantAddress: applicant.address } : {}),
      ...(applicant.phone ? { applicantPhone: applicant.phone } : {}),
      ...(applicant.email ? { applicantEmail: applicant.email } : {}),
      channel: row.channel as 1 | 2 | 3,
      ...(state.receivedAt ? { receivedAt: state.receivedAt } : {}),
      ...(state.dueAt ? { dueAt: state.dueAt } : {}),
      ...(submitter ? { submitter: submitter.name } : {}),
    },
  });
  switch (kind) {
    case '01': {
      const receive = last(actions, 'receive');
      if (!receive || !state.receivedAt || !state.originalDueAt) return undefined;
      return {
        kind: '01',
        ...common(receive),
        components: content.components.map((c) => ({ name: c.name, originals: c.originals, copies: c.copies })),
        receivedAt: state.receivedAt,
        dueAt: state.originalDueAt,
        feesTotal: content.fees.reduce((sum, f) => sum + f.amountVnd, 0),
      };
    }
    case '02': {
      const request = last(actions, 'request_supplement', 'request_completion');
      if (!request) return undefined;
      const payload = request.payload as { reason?: string; items?: string[] };
      return { kind: '02', ...common(request), reason: text(payload.reason), items: (payload.items ?? []).map((name) => ({ name })) };
    }
    case '03': {
      const refusal = last(actions, 'refuse');
      if (!refusal) return undefined;
      return { kind: '03', ...common(refusal), reasons: [text((refusal.payload as { reason?: string }).reason)] };
    }
    case '04': {
      const apology = last(actions, 'apologize');
      if (!apology || !state.dueAt || !state.rescheduledDueAt) return undefined;
      const payload = apology.payload as { reason?: string };
      return { kind: '04', ...common(apology), reason: text(payload.reason), originalDueAt: state.dueAt, newDueAt: state.rescheduledDueAt };
    }
    case '05': {
      const receive = last(actions, 'receive');
      if (!receive) return undefined;
      const rows = state.steps.map((s, i) => {
        const name = (s.index !== null ? content.steps[s.index]?.name : undefined) ?? STEP_NAMES[s.kind] ?? s.kind;
        const previous = state.steps[i - 1];
        return {
          step: name,
          fromName: previous?.by ? (byName.get(previous.by) ?? '') : applicant.name,
          toName: s.by ? (byName.get(s.by) ?? '') : '',
          handedAt: s.startedAt,
          dueAt: s.dueAt ?? s.startedAt,
          ...(s.finishedAt ? { finishedAt: s.finishedAt } : {}),
          onTime: s.onTime,
        };
      });
      return { kind: '05', ...common(receive), rows };
    }
    case 'stop': {
      const stop = last(actions, 'stop', 'withdraw');
      if (!stop || !state.receivedAt) return undefined;
      return { kind: 'stop', ...common(stop), reason: text((stop.payload as { reason?: string }).reason) || 'Theo đề nghị của người nộp hồ sơ', requestedAt: new Date(stop.at).toISOString() };
    }
  }
}
