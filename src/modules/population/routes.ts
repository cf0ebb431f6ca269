// HTTP routes of the population module (under /api/v1). Each declares its access (src/http/access.ts);
// the use cases check the unit and the module's policy.
//   POST /population/me                  a citizen's own data, grouped, sensitive fields masked; a
//                                        level-1 login gets the basic part (withheld/requiredAcr).
//                                        POST: it sends a national query, so the session's CSRF
//                                        check applies (a cross-site link cannot trigger it)
//   POST /population/me/prefill          a citizen's prefill values for e-forms (POST: a national query)
//   POST /population/verify              an officer checks an applicant's data (per-field match)
//   GET  /population/query-log           the query log (JSON, or CSV)
//   GET  /population/query-log/report    counts per unit or officer over a period (JSON, or CSV)
//   GET  /population/purposes            the purpose code table
//   PUT  /population/purposes/{code}     create or change a purpose (ministry-wide; audited)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../http/access.ts';
import { pickLanguage } from '../../http/language.ts';
import { problemSchema } from '../../http/problem.ts';
import { isWithheldAttribute } from './policy.ts';
import { addressText, maskSensitive, POPULATION_SOURCE, provinceName, toPrefillValues } from './prefill.ts';
import type { PopulationAddress } from './record.ts';
import {
  PopulationPrefill,
  PopulationProfile,
  Purpose,
  PurposeEntry,
  PurposeParams,
  QueryLogPage,
  QueryLogQuery,
  Report,
  ReportQuery,
  VerifyRequest,
  VerifyResponse,
} from './schema.ts';
import type { OwnRecord, PopulationService } from './service.ts';
import type { QueryLogItem } from './store.ts';

const localStart = (date: string) => new Date(`${date}T00:00:00+07:00`);
const localEndExclusive = (date: string) => new Date(localStart(date).getTime() + 86_400_000);

function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  const accept = request.headers.accept ?? '';
  return /\btext\/csv\b/i.test(accept);
}

/** RFC 4180 CSV with a UTF-8 BOM (spreadsheets then read Vietnamese correctly). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    // A cell starting with = + - @ would be a formula in a spreadsheet (CSV injection).
    const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

function addressView(a: PopulationAddress | null) {
  if (!a) return null;
  return {
    provinceCode: a.provinceCode,
    provinceName: provinceName(a.provinceCode),
    wardCode: a.wardCode,
    detail: a.detail,
    country: a.country,
    text: addressText(a),
  };
}

/** The prefill values of the record, without those of the withheld parts. */
function readableValues(data: OwnRecord) {
  return Object.fromEntries(
    Object.entries(toPrefillValues(data.record)).filter(([name]) => !isWithheldAttribute(name, data.withheld)),
  ) as Record<string, string>;
}

const withholding = (data: OwnRecord) => ({
  withheld: data.withheld,
  ...(data.requiredAcr ? { requiredAcr: data.requiredAcr } : {}),
});

function profileView(data: OwnRecord): PopulationProfile {
  const { record } = data;
  const { values, masked } = maskSensitive(readableValues(data));
  const v = (name: string) => values[name] ?? null;
  const relative = (prefix: string) =>
    values[`${prefix}.fullName`] || values[`${prefix}.personalId`]
      ? { fullName: v(`${prefix}.fullName`), personalId: v(`${prefix}.personalId`), nationality: v(`${prefix}.nationality`) }
      : null;
  const gender = v('gender');
  return {
    source: POPULATION_SOURCE,
    fetchedAt: data.fetchedAt.toISOString(),
    personal: {
      personalId: record.personalId,
      oldIdNumber: v('oldIdNumber'),
      fullName: record.fullName,
      surname: record.surname,
      middleName: record.middleName,
      givenName: record.givenName,
      birthDate: v('birthDate'),
      gender: gender === 'male' || gender === 'female' ? gender : null,
      ethnicity: v('ethnicity'),
      religion: v('religion'),
      nationality: v('nationality'),
      maritalStatus: v('maritalStatus'),
      bloodType: v('bloodType'),
    },
    addresses: {
      birthRegistrationPlace: addressView(record.birthRegistrationPlace),
      hometown: addressView(record.hometown),
      permanentAddress: addressView(record.permanentAddress),
      currentAddress: addressView(record.currentAddress),
    },
    relatives: {
      father: relative('father'),
      mother: relative('mother'),
      spouse: relative('spouse'),
      representative: relative('representative'),
    },
    household: {
      head:
        record.householdHead && !data.withheld.includes('household')
          ? { fullName: v('householdHead.fullName'), personalId: v('householdHead.personalId'), relationship: v('householdHead.relationship') }
          : null,
      bookNumber: v('householdBookNumber'),
    },
    masked,
    ...withholding(data),
  };
}

const presentLogItem = (i: QueryLogItem) => ({ ...i, at: i.at.toISOString() });

export function registerPopulationRoutes(api: FastifyInstance, deps: { population: PopulationService }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { population } = deps;
  const problems = { 401: problemSchema, 403: problemSchema };

  app.post(
    '/population/me',
    {
      config: { access: 'population.read_own' },
      schema: {
        tags: ['population'],
        summary: 'My data in the National Population Database (citizen)',
        description:
          'Reads the logged-in citizen’s record (the personal ID comes from the session; there is no way to ask ' +
          'for another person). Sensitive fields are masked. A level-1 e-ID login gets the basic part: ' +
          '`withheld` names the parts left out (parents, spouse, representative; household) and `requiredAcr` ' +
          'the level that shows them. POST with no body, because it sends a query to the national database ' +
          '(the session’s x-csrf-token is required). 503 population_unavailable when the population database ' +
          'cannot be reached: enter and verify the data manually.',
        response: { 200: PopulationProfile, ...problems, 404: problemSchema, 503: problemSchema },
      },
    },
    async (request) => profileView(await population.ownRecord(requirePrincipal(request), 'citizen_profile', request.id)),
  );

  app.post(
    '/population/me/prefill',
    {
      config: { access: 'population.read_own' },
      schema: {
        tags: ['population'],
        summary: 'Prefill values of e-forms from my population data (citizen)',
        description: 'A level-1 e-ID login gets no values of the parts named in `withheld` (see POST /population/me).',
        response: { 200: PopulationPrefill, ...problems, 404: problemSchema, 503: problemSchema },
      },
    },
    async (request) => {
      const data = await population.ownRecord(requirePrincipal(request), 'citizen_prefill', request.id);
      return { values: readableValues(data), source: POPULATION_SOURCE, fetchedAt: data.fetchedAt.toISOString(), ...withholding(data) };
    },
  );

  app.post(
    '/population/verify',
    {
      config: { access: 'population.verify' },
      schema: {
        tags: ['population'],
        summary: 'Verify an applicant against the National Population Database (officer)',
        description:
          'Per-field match or mismatch for the purpose given; the record itself is never returned. ' +
          'status "unavailable": verify manually.',
        body: VerifyRequest,
        response: { 200: VerifyResponse, ...problems, 422: problemSchema },
      },
    },
    async (request) => population.verify(requirePrincipal(request), request.body, request.id),
  );

  app.get(
    '/population/query-log',
    {
      // Two permissions open it (the units' log, or one's own queries): any officer reaches the use
      // case, which decides.
      config: { access: 'workspace.use' },
      schema: {
        tags: ['population'],
        summary: 'Log of population database queries (newest first)',
        description:
          'population.log.read: the units where it is held (a grant at the ministry: every query, citizens’ own ' +
          'included); population.log.read_own: one’s own queries. Full ID numbers need population.log.full_ids ' +
          'over the row’s unit; others are masked.',
        querystring: QueryLogQuery,
        response: { 200: QueryLogPage, ...problems, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const items = await population.queryLog(requirePrincipal(request), {
        ...(q.from ? { from: localStart(q.from) } : {}),
        ...(q.to ? { to: localEndExclusive(q.to) } : {}),
        ...(q.unitId ? { unitId: q.unitId } : {}),
        ...(q.accountId ? { accountId: q.accountId } : {}),
        ...(q.purpose ? { purpose: q.purpose } : {}),
        ...(q.result ? { result: q.result } : {}),
        limit: q.limit,
        ...(q.before ? { before: q.before } : {}),
      });
      if (wantsCsv(request, q.format)) {
        const header = ['id', 'at', 'requestId', 'actorKind', 'accountId', 'actorName', 'officerCode', 'unitId', 'purpose', 'dossierRef', 'subjectPersonalId', 'result', 'failureReason', 'errorCode', 'source', 'latencyMs'];
        const rows = items.map((i) => [i.id, i.at.toISOString(), i.requestId, i.actorKind, i.accountId, i.actorName, i.officerCode, i.unitId, i.purpose, i.dossierRef, i.subjectPersonalId, i.result, i.failureReason, i.errorCode, i.source, i.latencyMs]);
        return sendCsv(reply, 'population-query-log.csv', toCsv([header, ...rows]));
      }
      return { items: items.map(presentLogItem), nextBefore: items.length === q.limit ? items[items.length - 1]!.id : null };
    },
  );

  app.get(
    '/population/query-log/report',
    {
      config: { access: 'population.report' },
      schema: {
        tags: ['population'],
        summary: 'Population database queries per unit or per officer over a period',
        description: 'population.report, over the units where it is held. Dates are local (Asia/Ho_Chi_Minh), both inclusive.',
        querystring: ReportQuery,
        response: { 200: Report, ...problems, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const { from, to, groupBy, format } = request.query;
      const report = await population.report(requirePrincipal(request), { from: localStart(from), to: localEndExclusive(to) }, groupBy);
      if (wantsCsv(request, format)) {
        const vi = pickLanguage(request.headers['accept-language']) === 'vi';
        const header = vi
          ? [groupBy === 'unit' ? 'Đơn vị' : 'Cán bộ', groupBy === 'unit' ? 'Mã định danh đơn vị' : 'Tên đăng nhập', 'Tổng số tra cứu', 'Gửi đến CSDLQG về dân cư', 'Từ bộ nhớ đệm', 'Tìm thấy', 'Không tìm thấy', 'Không khớp', 'Không kết nối được', 'Số công dân được tra cứu']
          : [groupBy === 'unit' ? 'Unit' : 'Officer', groupBy === 'unit' ? 'Agency code' : 'Username', 'Queries', 'Sent', 'Cache hits', 'Found', 'Not found', 'Mismatch', 'Unavailable', 'Distinct citizens'];
        const line = (r: (typeof report.rows)[number]) => [r.label, r.code, r.total, r.sent, r.cacheHits, r.found, r.notFound, r.mismatch, r.unavailable, r.distinctSubjects];
        return sendCsv(reply, `population-report-${from}-${to}.csv`, toCsv([header, ...report.rows.map(line), line(report.totals)]));
      }
      return { from, to, groupBy, rows: report.rows, totals: report.totals };
    },
  );

  app.get(
    '/population/purposes',
    {
      config: { access: 'workspace.use' },
      schema: { tags: ['population'], summary: 'Purposes a population query may serve', response: { 200: z.array(Purpose), 401: problemSchema } },
    },
    async () => population.purposes(),
  );

  app.put(
    '/population/purposes/:code',
    {
      config: { access: 'population.purposes.manage' },
      schema: {
        tags: ['population'],
        summary: 'Create or change a purpose (ministry-wide: population.purposes.manage at the ministry; audited)',
        params: PurposeParams,
        body: PurposeEntry,
        response: { 200: Purpose, ...problems, 422: problemSchema },
      },
    },
    async (request) => population.setPurpose(requirePrincipal(request), request.params.code, request.body, request.id),
  );
}
