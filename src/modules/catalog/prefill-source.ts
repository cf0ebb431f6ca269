// Where the values of prefill-bound e-form fields come from for the logged-in applicant. The
// population module (CSDL quốc gia về dân cư) provides a citizen's values; an organization's come
// from its account (the national SSO's organization login); the phone number and e-mail of both
// come from the account (the SSO's SoDienThoai/ThuDienTu claims), through the identity module's
// use case, when the account has them. Injected into the catalog module so tests (and
// deployments without the population connection) can replace it.
import type { Principal } from '../../core/access/index.ts';
import type { PrefillValues } from '../../core/prefill/attributes.ts';
import { POPULATION_SOURCE, toPrefillValues, type PopulationService } from '../population/module.ts';

export type PrefillLookup = { values: PrefillValues; source: string } | { unavailable: true; reason?: string };

export interface PrefillContext {
  /** The HTTP request id, logged with the population query. */
  requestId?: string;
}

export interface PrefillSource {
  valuesFor(principal: Principal, context?: PrefillContext): Promise<PrefillLookup>;
}

/** A citizen's values from the population module (its exported prefill use case). */
export type CitizenPrefill = (principal: Extract<Principal, { kind: 'citizen' }>, context: PrefillContext) => Promise<PrefillLookup>;

/**
 * The population module's citizen data as prefill values (purpose `citizen_prefill`: the query is
 * logged by the population module). Any failure, including "unavailable", makes prefill unavailable.
 */
export function populationPrefill(population: Pick<PopulationService, 'citizenData'>): CitizenPrefill {
  return async (principal, context) => {
    const data = await population.citizenData(principal, 'citizen_prefill', context.requestId ?? 'catalog');
    return { values: toPrefillValues(data.record), source: POPULATION_SOURCE };
  };
}

/** The contact details an account holds (identity's use case; null where the account has none). */
export type AccountContactLookup = (accountId: string) => Promise<{ phone: string | null; email: string | null } | undefined>;

async function contactValues(contact: AccountContactLookup | undefined, accountId: string): Promise<PrefillValues> {
  if (!contact) return {};
  try {
    const found = await contact(accountId);
    return { ...(found?.phone ? { phone: found.phone } : {}), ...(found?.email ? { email: found.email } : {}) };
  } catch {
    return {};
  }
}

export function createDefaultPrefillSource(citizen?: CitizenPrefill, contact?: AccountContactLookup): PrefillSource {
  return {
    async valuesFor(principal, context = {}) {
      switch (principal.kind) {
        case 'organization':
          return {
            source: 'account',
            values: {
              'organization.taxCode': principal.taxCode,
              'organization.name': principal.fullName,
              ...(await contactValues(contact, principal.accountId)),
            },
          };
        case 'citizen': {
          if (!citizen) return { unavailable: true, reason: 'population data is not connected' };
          let found: PrefillLookup;
          try {
            found = await citizen(principal, context);
          } catch {
            // The population database being down must not stop the applicant: they fill the fields.
            return { unavailable: true, reason: 'population data lookup failed' };
          }
          if ('unavailable' in found) return found;
          return { source: found.source, values: { ...found.values, ...(await contactValues(contact, principal.accountId)) } };
        }
        default:
          return { unavailable: true, reason: 'officers have no prefill data' };
      }
    },
  };
}

/** A fixed table of values per personal ID / tax code, for tests and demonstrations. */
export function createStaticPrefillSource(byPersonalId: Record<string, PrefillValues>, source = 'static', contact?: AccountContactLookup): PrefillSource {
  return createDefaultPrefillSource(async (principal) => {
    const values = byPersonalId[principal.personalId];
    return values ? { values, source } : { unavailable: true, reason: 'no data for this person' };
  }, contact);
}
