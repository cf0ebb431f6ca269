// The purposes of a population-data query (GET /api/v1/population/purposes), as the verify page
// and the query log show them.
export interface Purpose {
  code: string;
  nameVi: string;
  nameEn: string;
  actorKind: 'citizen' | 'officer';
  requiresDossierRef: boolean;
  legalBasis: string | null;
  active: boolean;
}
