// Tables of the dossiers module: the daily sequence of dossier codes per unit.
export interface DossierCodeSequenceTable {
  unit_code: string;
  /** Local date (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  day: string;
  last_value: number;
}

export interface DossierTables {
  dossier_code_sequence: DossierCodeSequenceTable;
}
