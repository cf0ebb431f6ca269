// The counter's prefill (Bộ phận Một cửa): the receiver identifies the applicant who stands at the
// counter by the ID number, name and date of birth on the card they show, and the e-form fields that the
// procedure binds to population data are filled from the national population database.
// - Only after the national system has matched the number with the name and the birth date: a mismatch or an
//   unknown number gives no value.
// - Only the attributes the procedure's published e-form binds (data minimisation): a form that
//   asks for no relative's data gets none, whatever the record holds.
// - Only a receiver of the procedure's receiving unit (dossier.receive there), and every query is
//   in the population query log with the purpose `counter_intake`, the officer and that unit.
import { findBindings } from '../../core/eforms/prefill.ts';
import type { Principal } from '../../core/access/index.ts';
import { assertCan, forbiddenFor, unauthenticated } from '../../http/access.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { POPULATION_SOURCE, POPULATION_UNAVAILABLE_DETAIL, toPrefillValues, type PopulationService } from '../population/module.ts';
import type { CounterPrefill, CounterPrefillBody } from './schema.ts';
import { unitsOfVersion } from './service.ts';

export const COUNTER_PREFILL_PURPOSE = 'counter_intake';

export interface CounterPrefillDeps {
  units: UnitDirectory;
  catalog: Pick<CatalogModule, 'publishedVersion'>;
  population: Pick<PopulationService, 'lookupFor'>;
}

export function createCounterPrefill(deps: CounterPrefillDeps) {
  return async function counterPrefill(p: Principal | undefined, input: CounterPrefillBody, httpRequestId: string): Promise<CounterPrefill> {
    if (!p) throw unauthenticated();
    const { procedure, version } = await deps.catalog.publishedVersion(input.procedureCode);
    const { receiving } = unitsOfVersion(version.content, procedure.ownerUnitId);
    assertCan(p, 'dossier.receive', receiving, await deps.units.tree());
    if (p.kind !== 'officer') throw forbiddenFor('dossier.receive');
    const bound = new Set(
      findBindings(version.content.eform.schema)
        .bindings.filter((b) => b.source === 'population')
        .map((b) => b.attribute),
    );
    const answer = await deps.population.lookupFor(
      { kind: 'officer', accountId: p.accountId, name: p.fullName, officerCode: p.username, unitId: receiving },
      COUNTER_PREFILL_PURPOSE,
      { personalId: input.personalId, fullName: input.fullName, birthDate: input.birthDate },
      { httpRequestId },
    );
    const base = { source: POPULATION_SOURCE, requestId: answer.requestId, values: {}, mismatched: null, fetchedAt: null };
    switch (answer.status) {
      case 'found': {
        const values: Record<string, string> = {};
        for (const [name, value] of Object.entries(toPrefillValues(answer.record))) if (value !== undefined && bound.has(name)) values[name] = value;
        return { ...base, status: 'match', values, fetchedAt: answer.fetchedAt.toISOString() };
      }
      case 'mismatch':
        return { ...base, status: 'mismatch', mismatched: answer.mismatched, fetchedAt: answer.fetchedAt.toISOString() };
      case 'not_found':
        return { ...base, status: 'not_found', fetchedAt: answer.fetchedAt.toISOString() };
      case 'unavailable':
        return { ...base, status: 'unavailable', detail: POPULATION_UNAVAILABLE_DETAIL };
    }
  };
}

export type CounterPrefillUseCase = ReturnType<typeof createCounterPrefill>;
