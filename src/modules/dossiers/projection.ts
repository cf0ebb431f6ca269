// The projection of a replayed state: the dossier row's query columns (worklists, search). The
// service writes it after every action; verify and the generator compute the same.
import type { ActionType, DossierAction, DossierState } from '../../core/dossiers/index.ts';
import type { ActionRow } from './store.ts';

/** Projection columns of a replayed state (the same as the service writes after each action). */
export function projectionOf(state: DossierState, handlingUnitId: string) {
  const open = state.steps.at(-1);
  const openStep = open && open.finishedAt === null ? open : undefined;
  return {
    status: state.status!,
    submitted_at: state.submittedAt,
    received_at: state.receivedAt,
    due_at: state.dueAt,
    finished_at: state.finishedAt,
    returned_at: state.returnedAt,
    on_time: state.onTime,
    assignee_id: state.assignee,
    step_kind: openStep?.kind ?? null,
    step_due_at: openStep?.dueAt ?? null,
    handling_unit_id: state.unitId ?? handlingUnitId,
    version: state.version,
  };
}

/** A stored log row as the reducer reads it (the fields the rules read from its payload). */
export function ruleActionOf(a: ActionRow): DossierAction {
  const payload = (a.payload ?? {}) as Record<string, unknown>;
  return {
    type: a.type as ActionType,
    at: new Date(a.at),
    actor: a.actor_id,
    ...(typeof payload.newDueAt === 'string' ? { newDueAt: payload.newDueAt } : {}),
    ...(payload.outcome === 'granted' || payload.outcome === 'refused' ? { outcome: payload.outcome } : {}),
    ...(typeof payload.assignee === 'string' ? { assignee: payload.assignee } : {}),
    ...(typeof payload.unitId === 'string' ? { unitId: payload.unitId } : {}),
  };
}
