// Who takes each action of a dossier (the steps of SPEC §2.2, Decree 118/2025 Art. 17–22):
// - the One-Stop Unit's receiver receives, refuses, asks to complete before receipt, transfers
//   (B2), records a supplement or a payment brought to the counter (or by post) and returns the
//   result (B7), at the receiving unit;
// - leaders assign (B3), approve or send back (B5) and issue the signed result (B6), at the
//   handling unit;
// - specialists examine (B4), request supplements and payment, apologize and stop, at the
//   handling unit, and only the assignee examines;
// - the applicant resubmits, submits supplements and withdraws their own dossier;
// - `confirm_payment` is also written by the payment platform's verified callback (system).
// Pure data.
import type { Permission } from '../access/permissions.ts';
import type { ActionType } from './actions.ts';

export interface ActionAuthority {
  /** The permission an officer needs, and in which unit of the dossier. */
  officer?: { permission: Permission; unit: 'receiving' | 'handling' };
  /** The applicant (or the one who submitted for them) may take it on their own dossier. */
  applicant?: true;
}

export const ACTION_AUTHORITY: Record<ActionType, ActionAuthority> = {
  submit: { applicant: true },
  request_completion: { officer: { permission: 'dossier.receive', unit: 'receiving' } },
  resubmit: { applicant: true },
  receive: { officer: { permission: 'dossier.receive', unit: 'receiving' } },
  refuse: { officer: { permission: 'dossier.receive', unit: 'receiving' } },
  transfer: { officer: { permission: 'dossier.receive', unit: 'receiving' } },
  assign: { officer: { permission: 'dossier.approve', unit: 'handling' } },
  examine: { officer: { permission: 'dossier.process', unit: 'handling' } },
  approve: { officer: { permission: 'dossier.approve', unit: 'handling' } },
  return_for_rework: { officer: { permission: 'dossier.approve', unit: 'handling' } },
  request_supplement: { officer: { permission: 'dossier.process', unit: 'handling' } },
  submit_supplement: { applicant: true, officer: { permission: 'dossier.receive', unit: 'receiving' } },
  request_payment: { officer: { permission: 'dossier.process', unit: 'handling' } },
  confirm_payment: { officer: { permission: 'dossier.receive', unit: 'receiving' } },
  apologize: { officer: { permission: 'dossier.process', unit: 'handling' } },
  issue_result: { officer: { permission: 'dossier.approve', unit: 'handling' } },
  return_result: { officer: { permission: 'dossier.receive', unit: 'receiving' } },
  withdraw: { applicant: true, officer: { permission: 'dossier.receive', unit: 'receiving' } },
  stop: { officer: { permission: 'dossier.process', unit: 'handling' } },
};
