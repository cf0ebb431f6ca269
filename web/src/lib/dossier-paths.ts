// Addresses of the dossier pages (nộp hồ sơ, hồ sơ của tôi, tra cứu, the officers' worklists and
// intake), shared by the catalog's procedure page, the workspace navigation and the pages.
const enc = (s: string) => encodeURIComponent(s);

export const DOSSIER_PATHS = {
  submit: (procedureCode: string) => `/thu-tuc/${enc(procedureCode)}/nop-ho-so`,
  mine: '/ho-so-cua-toi',
  dossier: (id: string) => `/ho-so/${enc(id)}`,
  lookup: '/tra-cuu',
  worklists: '/can-bo/ho-so',
  worklist: (name: string) => `/can-bo/ho-so?ds=${enc(name)}`,
  /** The worklists page searching for one dossier code (the officer's own access decides what it finds). */
  byCode: (code: string) => `/can-bo/ho-so?ma=${enc(code)}`,
  workspaceDossier: (id: string) => `/can-bo/ho-so/${enc(id)}`,
  intake: '/can-bo/tiep-nhan',
} as const;

/** The API address of a slip of a dossier (01 receipt … 05 control slip, stop). */
export const slipUrl = (dossierId: string, slip: string) => `/api/v1/dossiers/${enc(dossierId)}/slips/${enc(slip)}.pdf`;

/** The API address of a file of a dossier, as an attachment. */
export const dossierFileUrl = (dossierId: string, fileId: string) => `/api/v1/dossiers/${enc(dossierId)}/files/${enc(fileId)}`;
