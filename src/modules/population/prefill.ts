// From a population record to the prefill attributes that e-forms bind to
// (src/core/prefill/attributes.ts), and to the grouped, masked view a citizen sees of their data.
import { PROVINCE_CODES } from '../../core/identifiers/index.ts';
import { PREFILL_ATTRIBUTES, findPrefillAttribute, type PrefillValues } from '../../core/prefill/attributes.ts';
import { countryName, ethnicityName, genderOf, maritalStatusName, religionName } from './codes.ts';
import type { PopulationAddress, PopulationRecord, PopulationRelative } from './record.ts';

export const POPULATION_SOURCE = 'Cơ sở dữ liệu quốc gia về dân cư';

/** Province name of a two-digit administrative code (the ID-number table uses the same number). */
export function provinceName(code: string | null): string | null {
  if (!code || !/^\d{1,3}$/.test(code)) return null;
  return PROVINCE_CODES[code.padStart(3, '0')] ?? null;
}

/** The address as one line: the detail, then the province. */
export function addressText(a: PopulationAddress): string | null {
  const province = provinceName(a.provinceCode);
  const country = a.country && a.country.toUpperCase() !== 'VN' ? countryName(a.country) : null;
  const parts = [a.detail, province, country].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : null;
}

/**
 * The prefill values of a record: flat, dotted keys, exactly the population-sourced names of
 * PREFILL_ATTRIBUTES; a value the record lacks is left out (never an empty string).
 */
export function toPrefillValues(record: PopulationRecord): PrefillValues {
  const values: PrefillValues = {};
  const put = (name: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') values[name] = value;
  };
  put('personalId', record.personalId);
  put('oldIdNumber', record.oldIdNumber);
  put('fullName', record.fullName);
  put('birthDate', record.birthDate);
  put('gender', genderOf(record.genderCode));
  put('ethnicity', ethnicityName(record.ethnicityCode));
  put('religion', religionName(record.religionCode));
  put('nationality', countryName(record.nationalityCode ?? 'VN'));
  put('maritalStatus', maritalStatusName(record.maritalStatusCode));
  put('bloodType', record.bloodType);
  const address = (prefix: string, a: PopulationAddress | null) => {
    if (!a) return;
    put(`${prefix}.provinceCode`, a.provinceCode);
    put(`${prefix}.wardCode`, a.wardCode);
    put(`${prefix}.detail`, a.detail);
    put(`${prefix}.country`, countryName(a.country ?? 'VN'));
    put(prefix, addressText(a));
  };
  address('birthRegistrationPlace', record.birthRegistrationPlace);
  address('hometown', record.hometown);
  address('permanentAddress', record.permanentAddress);
  address('currentAddress', record.currentAddress);
  const relative = (prefix: string, r: PopulationRelative | null) => {
    if (!r) return;
    put(`${prefix}.fullName`, r.fullName);
    put(`${prefix}.personalId`, r.personalId);
    put(`${prefix}.nationality`, countryName(r.nationality ?? 'VN'));
  };
  relative('father', record.father);
  relative('mother', record.mother);
  relative('spouse', record.spouse);
  relative('representative', record.representative);
  if (record.householdHead) {
    put('householdHead.fullName', record.householdHead.fullName);
    put('householdHead.personalId', record.householdHead.personalId);
    put('householdHead.relationship', record.householdHead.relationship);
  }
  put('householdBookNumber', record.householdBookNumber);
  return values;
}

/** Names of the attributes the population module provides. */
export const POPULATION_ATTRIBUTE_NAMES: readonly string[] = PREFILL_ATTRIBUTES.filter((a) => a.source === 'population').map(
  (a) => a.name,
);

/** A sensitive value for display: identifiers keep their last 3 digits, other text is hidden. */
export function maskValue(name: string, value: string): string {
  const attribute = findPrefillAttribute(name);
  if (attribute?.type === 'personal_id' || name === 'oldIdNumber') {
    return value.length > 3 ? `${'*'.repeat(value.length - 3)}${value.slice(-3)}` : '***';
  }
  return '***';
}

/** The values with every `sensitive` attribute masked; also the names that were masked. */
export function maskSensitive(values: PrefillValues): { values: PrefillValues; masked: string[] } {
  const out: PrefillValues = {};
  const masked: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (findPrefillAttribute(name)?.sensitive) {
      out[name] = maskValue(name, value);
      masked.push(name);
    } else {
      out[name] = value;
    }
  }
  return { values: out, masked };
}
