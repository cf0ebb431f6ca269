// HTTP routes of the catalog, in four groups: the public catalog (routes/public.ts), e-form data
// (routes/forms.ts), the administration of drafts and publication (routes/drafts.ts), and import
// and export (routes/transfer.ts). Thin: parse, declare access, call a use case, present.
//
// Access (src/http/access.ts; the use case then checks the record's own unit):
//   public                 the published catalog; reading a version, its versions and its diff
//                          (drafts among them only with catalog.read_drafts in the owning unit);
//                          validating form data (drafts and `testPrefill`: catalog.read_drafts)
//   form.submit            saving a form (citizens and organizations)
//   login                  reading a saved form (its applicant, or catalog.read_drafts)
//   catalog.read_drafts    the admin list, checking a version, export
//   catalog.edit           creating a procedure, starting and editing drafts, import
//   catalog.publish        publishing and withdrawing
import type { FastifyInstance } from 'fastify';
import { CATALOG_XLSX_TYPE } from './excel.ts';
import type { CatalogModule } from './module.ts';
import { registerDraftRoutes } from './routes/drafts.ts';
import { registerFormRoutes } from './routes/forms.ts';
import { registerPublicRoutes } from './routes/public.ts';
import { registerTransferRoutes } from './routes/transfer.ts';

export interface CatalogRouteDeps {
  catalog: Pick<CatalogModule, 'core' | 'service' | 'forms'>;
  importMaxBytes: number;
}

export function registerCatalogRoutes(api: FastifyInstance, deps: CatalogRouteDeps): void {
  // Own scope: the spreadsheet content-type parser applies to these routes only.
  api.register(async (scope) => {
    scope.addContentTypeParser(CATALOG_XLSX_TYPE, { parseAs: 'buffer', bodyLimit: deps.importMaxBytes }, (_req, body, done) => done(null, body));
    registerPublicRoutes(scope, deps);
    registerFormRoutes(scope, deps);
    registerDraftRoutes(scope, deps);
    registerTransferRoutes(scope, deps);
  });
}
