// Every migration, in order. A static list (not a folder scan) so that bundling, tsx and tests
// all see the same set. Never edit a migration that has shipped; add a new one.
import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-identity.ts';
import * as m0003 from './0003-catalog.ts';
import * as m0004 from './0004-population.ts';
import * as m0005 from './0005-identity-login.ts';
import * as m0006 from './0006-audit-actor.ts';
import * as m0007 from './0007-files.ts';
import * as m0008 from './0008-jobs.ts';
import * as m0009 from './0009-payments.ts';
import * as m0010 from './0010-dossiers.ts';
import * as m0011 from './0011-feedback.ts';
import * as m0012 from './0012-results.ts';
import * as m0013 from './0013-warehouse.ts';
import * as m0014 from './0014-lgsp.ts';
import * as m0015 from './0015-portal-sync.ts';
import * as m0016 from './0016-dossier-drafts.ts';
import * as m0017 from './0017-registries.ts';
import * as m0021 from './0021-stameq.ts';
import * as m0022 from './0022-quality-aggregates.ts';
import * as m0023 from './0023-science-tech.ts';
import * as m0024 from './0024-tech-market.ts';
import * as m0025 from './0025-ip.ts';
import * as m0026 from './0026-reconciliation.ts';
import * as m0027 from './0027-quality-publication.ts';
import * as m0028 from './0028-result-template-versions.ts';
import * as m0029 from './0029-quality-reconciliation.ts';
import * as m0030 from './0030-quality-fact-state.ts';
import * as m0031 from './0031-reconciliation-heartbeat.ts';
import * as m0032 from './0032-supplement-components.ts';
import * as m0033 from './0033-worklist-indexes.ts';
import * as m0034 from './0034-counter-intake-purpose.ts';
import * as m0035 from './0035-file-references.ts';
import * as m0037 from './0037-refusals-are-not-results.ts';
import * as m0038 from './0038-html-result-templates.ts';
import * as m0039 from './0039-result-outcome.ts';
import * as m0040 from './0040-quality-week-year-counters.ts';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-identity': m0002,
  '0003-catalog': m0003,
  '0004-population': m0004,
  '0005-identity-login': m0005,
  '0006-audit-actor': m0006,
  '0007-files': m0007,
  '0008-jobs': m0008,
  '0009-payments': m0009,
  '0010-dossiers': m0010,
  '0011-feedback': m0011,
  '0012-results': m0012,
  '0013-warehouse': m0013,
  '0014-lgsp': m0014,
  '0015-portal-sync': m0015,
  '0016-dossier-drafts': m0016,
  '0017-registries': m0017,
  '0021-stameq': m0021,
  '0022-quality-aggregates': m0022,
  '0023-science-tech': m0023,
  '0024-tech-market': m0024,
  '0025-ip': m0025,
  '0026-reconciliation': m0026,
  '0027-quality-publication': m0027,
  '0028-result-template-versions': m0028,
  '0029-quality-reconciliation': m0029,
  '0030-quality-fact-state': m0030,
  '0031-reconciliation-heartbeat': m0031,
  '0032-supplement-components': m0032,
  '0033-worklist-indexes': m0033,
  '0034-counter-intake-purpose': m0034,
  '0035-file-references': m0035,
  '0037-refusals-are-not-results': m0037,
  '0038-html-result-templates': m0038,
  '0039-result-outcome': m0039,
  '0040-quality-week-year-counters': m0040,
};
