// The authorization matrix, generated from the routes the server registers: every route × every
// kind of caller. A route added without an entry in EXPECTED fails the first test; a route whose
// declared access differs from its entry fails it too; the second test sends a real request as
// each caller and checks the hook lets in exactly those the permission table allows — before the
// input is validated, so a refused caller learns nothing about it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Principal } from '../src/core/access/index.ts';
import type { RouteAccess } from '../src/http/access.ts';
import { TEST_ADMIN_TOKEN, createTestApp, type TestApp } from './support/app.ts';
import { loginAs, type LoginSpec } from './support/auth.ts';

/**
 * Every route and the access it must declare, sorted by path. A route that is not here cannot be
 * registered without failing this test; a route without a declaration cannot be registered at all.
 */
const EXPECTED: Record<string, RouteAccess> = {
  'GET /api/openapi.json': 'public',
  'POST /api/v1/account/password': 'login',
  'POST /api/v1/account/totp/confirm': 'login',
  'POST /api/v1/account/totp/setup': 'login',
  'GET /api/v1/admin/officers': 'officer.read',
  'POST /api/v1/admin/officers': 'officer.manage',
  'GET /api/v1/admin/officers/:id': 'officer.read',
  'PATCH /api/v1/admin/officers/:id': 'officer.manage',
  'POST /api/v1/admin/officers/:id/disable': 'officer.manage',
  'POST /api/v1/admin/officers/:id/enable': 'officer.manage',
  'POST /api/v1/admin/officers/:id/password': 'officer.manage',
  'POST /api/v1/admin/officers/:id/roles': 'officer.manage',
  'DELETE /api/v1/admin/officers/:id/roles/:unitId/:role': 'officer.manage',
  'DELETE /api/v1/admin/officers/:id/totp': 'officer.manage',
  'GET /api/v1/admin/procedures': 'catalog.read_drafts',
  'GET /api/v1/admin/units': 'unit.read',
  'POST /api/v1/admin/units': 'unit.manage',
  'PATCH /api/v1/admin/units/:id': 'unit.manage',
  'POST /api/v1/admin/units/:id/activate': 'unit.manage',
  'POST /api/v1/admin/units/:id/deactivate': 'unit.manage',
  'GET /api/v1/audit': 'audit.read',
  'GET /api/v1/calendar/days-off': 'public',
  'GET /api/v1/calendar/deadline': 'public',
  'DELETE /api/v1/calendar/years/:year': 'calendar.edit',
  'PUT /api/v1/calendar/years/:year': 'calendar.edit',
  'GET /api/v1/catalog/excel-template': 'public',
  'GET /api/v1/catalog/export': 'catalog.read_drafts',
  'GET /api/v1/catalog/fields': 'public',
  'POST /api/v1/catalog/import': 'catalog.edit',
  'GET /api/v1/catalog/prefill-attributes': 'public',
  'GET /api/v1/dossier-ledger': 'dossier.read',
  'GET /api/v1/dossiers': 'dossier.read',
  'POST /api/v1/dossiers': 'login',
  'GET /api/v1/dossiers/:id': 'login',
  'GET /api/v1/dossiers/:id/action-options': 'workspace.use',
  'POST /api/v1/dossiers/counter-prefill': 'dossier.receive',
  'POST /api/v1/dossiers/:id/actions': 'login',
  'GET /api/v1/dossiers/:id/files/:fileId': 'login',
  'POST /api/v1/dossiers/:id/notes': 'workspace.use',
  'POST /api/v1/dossiers/:id/payment': 'dossier.submit',
  'GET /api/v1/dossiers/:id/slips/:slip': 'login',
  'GET /api/v1/dossiers/:id/sync-record': 'dossier.read',
  'GET /api/v1/me/dossiers': 'dossier.submit',
  'GET /api/v1/me/drafts': 'dossier.submit',
  'GET /api/v1/me/drafts/:code': 'dossier.submit',
  'PUT /api/v1/me/drafts/:code': 'dossier.submit',
  'DELETE /api/v1/me/drafts/:code': 'dossier.submit',
  'GET /api/v1/public/dossiers/:code': 'public',
  'GET /api/v1/registries/:registry/reconciliations': 'registry.reconcile',
  'POST /api/v1/registries/:registry/reconciliations': 'registry.reconcile',
  'GET /api/v1/registries/ip/applications': 'registry.read',
  'POST /api/v1/registries/ip/applications': 'registry.edit',
  'GET /api/v1/registries/ip/applications/:id': 'registry.read',
  'POST /api/v1/registries/ip/applications/:id/status': 'registry.edit',
  'GET /api/v1/registries/ip/public/applications': 'public',
  'GET /api/v1/registries/ip/public/applications/:applicationNo': 'public',
  'GET /api/v1/registries/ip/public/titles/:titleNo': 'public',
  'PUT /api/v1/registries/people/:id': 'registry.edit',
  'GET /api/v1/registries/reconciliations/:id': 'registry.reconcile',
  'GET /api/v1/registries/reconciliations/:id/items': 'registry.reconcile',
  'GET /api/v1/registries/st/programmes': 'public',
  'GET /api/v1/registries/st/public/organizations': 'public',
  'GET /api/v1/registries/st/public/organizations/:id': 'public',
  'GET /api/v1/registries/st/public/tasks': 'public',
  'GET /api/v1/registries/st/public/tasks/:id': 'public',
  'GET /api/v1/registries/st/researchers': 'registry.read',
  'POST /api/v1/registries/st/researchers': 'registry.edit',
  'GET /api/v1/registries/st/researchers/:id': 'registry.read',
  'GET /api/v1/registries/st/tasks': 'registry.read',
  'POST /api/v1/registries/st/tasks': 'registry.edit',
  'GET /api/v1/registries/st/tasks/:id': 'registry.read',
  'PUT /api/v1/registries/st/tasks/:id': 'registry.edit',
  'GET /api/v1/public/quality/months': 'public',
  'GET /api/v1/public/quality/months/:month': 'public',
  'GET /api/v1/public/quality/months/:month/results.pdf': 'public',
  'GET /api/v1/public/quality/months/:month/results.xlsx': 'public',
  'GET /api/v1/public/quality/months/:month/units/:unitId': 'public',
  'GET /api/v1/public/quality/targets': 'public',
  'GET /api/v1/public/quality/trend': 'public',
  'GET /api/v1/registries/stameq/instrument-types': 'public',
  'GET /api/v1/registries/stameq/public/announcements': 'public',
  'GET /api/v1/registries/stameq/public/bodies': 'public',
  'GET /api/v1/registries/stameq/public/bodies/:id': 'public',
  'GET /api/v1/registries/stameq/public/verifications/:stampNo': 'public',
  'GET /api/v1/registries/stameq/verifications': 'registry.read',
  'POST /api/v1/registries/stameq/verifications': 'registry.edit',
  'GET /api/v1/registries/stameq/verifications/:id': 'registry.read',
  'PUT /api/v1/registries/stameq/verifications/:id': 'registry.edit',
  'GET /api/v1/registries/techmarket/catalog': 'public',
  'GET /api/v1/registries/techmarket/demands': 'registry.read',
  'POST /api/v1/registries/techmarket/demands': 'registry.edit',
  'GET /api/v1/registries/techmarket/demands/:id': 'registry.read',
  'PUT /api/v1/registries/techmarket/demands/:id': 'registry.edit',
  'GET /api/v1/registries/techmarket/offers': 'registry.read',
  'POST /api/v1/registries/techmarket/offers': 'registry.edit',
  'GET /api/v1/registries/techmarket/offers/:id': 'registry.read',
  'PUT /api/v1/registries/techmarket/offers/:id': 'registry.edit',
  'GET /api/v1/registries/techmarket/providers': 'registry.read',
  'POST /api/v1/registries/techmarket/providers': 'registry.edit',
  'GET /api/v1/registries/techmarket/providers/:id': 'registry.read',
  'GET /api/v1/registries/techmarket/public/demands': 'public',
  'GET /api/v1/registries/techmarket/public/demands/:id': 'public',
  'GET /api/v1/registries/techmarket/public/map': 'public',
  'GET /api/v1/registries/techmarket/public/offers': 'public',
  'GET /api/v1/registries/techmarket/public/offers/:id': 'public',
  'GET /api/v1/quality/index': 'quality.read',
  'POST /api/v1/quality/reconciliation/:month': 'quality.read',
  'GET /api/v1/quality/reconciliations': 'quality.read',
  'GET /api/v1/quality/reconciliations/:id': 'quality.read',
  'GET /api/v1/worklists': 'dossier.read',
  'GET /api/v1/worklists/:name': 'dossier.read',
  'GET /api/v1/form-submissions/:id': 'login',
  'POST /api/v1/files': 'login',
  'GET /api/v1/files/:id': 'login',
  'GET /api/v1/identifiers/agency-id/:id': 'public',
  'GET /api/v1/identifiers/personal-id/:number': 'public',
  'GET /api/v1/me': 'login',
  'POST /api/v1/payments/paygov/callback': 'public',
  'GET /api/v1/payments/paygov/return': 'public',
  'POST /api/v1/population/me': 'population.read_own',
  'POST /api/v1/population/me/prefill': 'population.read_own',
  'GET /api/v1/population/purposes': 'workspace.use',
  'PUT /api/v1/population/purposes/:code': 'population.purposes.manage',
  'GET /api/v1/population/query-log': 'workspace.use',
  'GET /api/v1/population/query-log/report': 'population.report',
  'POST /api/v1/population/verify': 'population.verify',
  'GET /api/v1/procedures': 'public',
  'POST /api/v1/procedures': 'catalog.edit',
  'GET /api/v1/procedures/:code': 'public',
  'GET /api/v1/procedures/:code/versions': 'public',
  'POST /api/v1/procedures/:code/versions': 'catalog.edit',
  'GET /api/v1/procedures/:code/versions/:n': 'public',
  'PUT /api/v1/procedures/:code/versions/:n': 'catalog.edit',
  'GET /api/v1/procedures/:code/versions/:n/check': 'catalog.read_drafts',
  'GET /api/v1/procedures/:code/versions/:n/diff': 'public',
  'POST /api/v1/procedures/:code/versions/:n/publish': 'catalog.publish',
  'POST /api/v1/procedures/:code/versions/:n/submissions': 'form.submit',
  'POST /api/v1/procedures/:code/versions/:n/validate': 'public',
  'POST /api/v1/procedures/:code/versions/:n/withdraw': 'catalog.publish',
  'GET /auth/callback': 'public',
  'GET /auth/login': 'public',
  'POST /auth/logout': 'login',
  'GET /auth/officer/callback': 'public',
  'POST /auth/officer/invitation': 'public',
  'POST /auth/officer/login': 'public',
  'GET /auth/officer/oidc/login': 'public',
  'GET /healthz': 'public',
  'GET /metrics': 'metrics.read',
  'GET /readyz': 'public',
  'GET /api/v1/dossiers/:id/portal-sync': 'portal_sync.read',
  'POST /api/v1/dossiers/:id/portal-sync/retry': 'portal_sync.retry',
  'GET /api/v1/portal-sync': 'portal_sync.monitor',
  'GET /api/v1/me/quality': 'login',
  'GET /api/v1/me/quality/scopes': 'login',
  'GET /api/v1/me/ratings/:code': 'dossier.submit',
  'PUT /api/v1/me/ratings/:code': 'dossier.submit',
  'GET /api/v1/kiosk/ratings/:code': 'rating.kiosk',
  'PUT /api/v1/kiosk/ratings/:code': 'rating.kiosk',
  'GET /api/v1/public/ratings': 'public',
  'POST /api/v1/public/feedback': 'public',
  'GET /api/v1/public/feedback': 'public',
  'GET /api/v1/public/feedback/:id': 'public',
  'PUT /api/v1/public/feedback/:id/vote': 'public',
  'POST /api/v1/feedback': 'feedback.handle',
  'GET /api/v1/feedback': 'feedback.read',
  'GET /api/v1/feedback/:id': 'login',
  'POST /api/v1/feedback/:id/actions': 'login',
  'POST /api/v1/results/verify': 'public',
  'GET /api/v1/results/:code': 'public',
  'GET /api/v1/results/:code/file': 'login',
  'POST /api/v1/results/:code/revoke': 'result.revoke',
  'GET /api/v1/results/templates/:procedureCode': 'result.template',
  'PUT /api/v1/results/templates/:procedureCode': 'result.template',
  'DELETE /api/v1/results/templates/:procedureCode': 'result.template',
  'POST /api/v1/results/templates/:procedureCode/preview': 'result.template',
  'GET /api/v1/results/templates/:procedureCode/versions/:number': 'result.template',
  'PUT /api/v1/results/templates/:procedureCode/versions/:number': 'result.template',
  'DELETE /api/v1/results/templates/:procedureCode/versions/:number': 'result.template',
  'GET /api/v1/lgsp/consumers': 'lgsp.audit',
  'POST /api/v1/lgsp/consumers': 'lgsp.admin',
  'PATCH /api/v1/lgsp/consumers/:id': 'lgsp.admin',
  'POST /api/v1/lgsp/consumers/:id/secret': 'lgsp.admin',
  'DELETE /api/v1/lgsp/consumers/:id/services/:service': 'lgsp.admin',
  'PUT /api/v1/lgsp/consumers/:id/services/:service': 'lgsp.admin',
  'GET /api/v1/lgsp/log': 'lgsp.audit',
  'POST /api/v1/lgsp/ndxp/publish': 'lgsp.admin',
  'GET /api/v1/lgsp/services': 'lgsp.audit',
  'PATCH /api/v1/lgsp/services/:code': 'lgsp.admin',
  'GET /api/v1/lgsp/stats': 'lgsp.audit',
  'GET /lgsp/jwks.json': 'public',
  'POST /lgsp/oauth/token': 'client',
  'POST /lgsp/v1/:service': 'client',
  'POST /lgsp/v1/:service/:version': 'client',
  'GET /api/v1/me/warehouse': 'warehouse.own',
  'POST /api/v1/me/warehouse': 'warehouse.own',
  'DELETE /api/v1/me/warehouse/:id': 'warehouse.own',
  'GET /api/v1/me/warehouse/:id/files/:fileId': 'warehouse.own',
  'POST /api/v1/me/warehouse/national': 'warehouse.own',
  'GET /api/v1/me/warehouse/offers': 'warehouse.own',
  'GET /api/v1/dossiers/:id/components': 'login',
  'GET /api/v1/digitization/stats': 'digitization.read',
};

interface Subject {
  name: string;
  spec?: LoginSpec;
  /** The principal the permission table is asked about (the same as the session's). */
  principal?: Principal;
  headers?: Record<string, string>;
}

const officer = (name: string, role: Extract<LoginSpec, { kind: 'officer' }>['roles'][number]['role'], unitId: string): Subject => ({
  name,
  spec: { kind: 'officer', username: name.replace(/[^a-z]/g, ''), roles: [{ role, unitId }] },
});

const SUBJECTS: Subject[] = [
  { name: 'anonymous' },
  { name: 'citizen LoA1', spec: { kind: 'citizen', personalId: '001099012345', acr: 'LoA1' } },
  { name: 'citizen LoA2', spec: { kind: 'citizen', personalId: '001199012346', acr: 'LoA2' } },
  { name: 'organization', spec: { kind: 'organization', taxCode: '0101234567', acr: 'LoA2' } },
  officer('receiver', 'receiver', 'bo-phan-mot-cua'),
  officer('specialist', 'specialist', 'cuc-shtt-sang-che'),
  officer('unit leader', 'unit_leader', 'cuc-shtt'),
  officer('ministry leader', 'ministry_leader', 'bkhcn'),
  officer('admin', 'admin', 'bkhcn'),
  officer('auditor', 'auditor', 'bkhcn'),
  officer('admin of another unit', 'admin', 'tcdlcl'),
  {
    name: 'machine token',
    principal: { kind: 'service', accountId: 'token', fullName: 'ADMIN_API_TOKEN', method: 'token', permissions: ['calendar.edit'] },
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
  },
];

const key = (method: string, url: string) => `${method} ${url}`;

/** A concrete path for a route template: parameters get plausible values. */
function concrete(url: string): string {
  return url
    .replace(':year', '2030')
    .replace(':code', '1.009901')
    .replace(/:[A-Za-z]+/g, 'khong-co');
}

let t: TestApp;
const principals = new Map<string, Principal | undefined>();
const logins = new Map<string, { accountId: string; spec: LoginSpec }>();

beforeAll(async () => {
  t = await createTestApp();
  for (const s of SUBJECTS) {
    if (s.spec) {
      const login = await loginAs(t.db, s.spec);
      logins.set(s.name, { accountId: login.accountId, spec: s.spec });
      principals.set(s.name, principalOf(s.spec, login.accountId));
    } else principals.set(s.name, s.principal);
  }
});
afterAll(() => t?.close());

function principalOf(spec: LoginSpec, accountId: string): Principal {
  switch (spec.kind) {
    case 'citizen':
      return { kind: 'citizen', accountId, fullName: '', method: 'vneid', personalId: spec.personalId, acr: spec.acr ?? 'LoA2' };
    case 'organization':
      return { kind: 'organization', accountId, fullName: '', method: 'vneid', taxCode: spec.taxCode, acr: spec.acr ?? 'LoA2' };
    case 'officer':
      return { kind: 'officer', accountId, fullName: '', method: 'password+totp', username: spec.username ?? '', roles: spec.roles };
  }
}

/** Headers of a fresh session for the subject (a route such as logout may end the session it is sent with). */
async function headersOf(subject: Subject): Promise<Record<string, string>> {
  if (subject.headers) return subject.headers;
  const login = logins.get(subject.name);
  if (!login) return {};
  return (await loginAs(t.db, login.spec, { accountId: login.accountId })).headers;
}

describe('the authorization matrix', () => {
  it('lists every registered route with the access it declares', () => {
    const declared = Object.fromEntries(t.app.declaredRoutes.map((r) => [key(r.method, r.url), r.access]));
    expect(declared).toEqual(EXPECTED);
  });

  // One request per route and caller: the time grows with the routes (minutes on a busy machine).
  it('lets in exactly the callers the permission table allows, before validating the input', { timeout: 180_000 }, async () => {
    const tree = await t.app.units.tree();
    const failures: string[] = [];
    for (const route of t.app.declaredRoutes) {
      for (const subject of SUBJECTS) {
        const principal = principals.get(subject.name);
        // 'client': a consumer system of the data-exchange gateway, authenticated by the route
        // itself; none of these callers holds its credentials, so each is refused (401).
        const allowed =
          route.access === 'public' ||
          (route.access === 'client'
            ? false
            : route.access === 'login'
              ? principal !== undefined && principal.kind !== 'service'
              : can(principal, route.access, 'any', tree));
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: { ...(await headersOf(subject)), accept: 'application/json' },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const body = String(response.headers['content-type'] ?? '').includes('json') ? (response.json() as { code?: string; unitId?: unknown }) : {};
        const refusedByRoute =
          response.statusCode === 401 || (response.statusCode === 403 && (body.code !== 'forbidden' || body.unitId === 'any'));
        if (allowed === refusedByRoute) {
          failures.push(`${key(route.method, route.url)} as ${subject.name}: ${allowed ? 'allowed' : 'refused'} expected, got ${response.statusCode} ${body.code ?? ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
