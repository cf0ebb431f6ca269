// Deterministic synthetic population for the population database emulator.
//
// `syntheticCitizen(index, seed)` is a pure function: the same index and seed always give the same
// person, so ten million people need no memory and any one of them can be produced on demand.
//
// Shape: indices are grouped in blocks of 8 consecutive people; a block holds 1–4 households
// (sizes from a weighted table of partitions of 8) living in one province. A household is a
// template (single adult, couple, single parent, couple with children, three generations) whose
// members point at each other: a child's father and mother are other members (the father's
// surname is the child's), spouses point at each other, every member names the household head.
// Relatives outside the population (the parents of the oldest generation, a late or divorced
// spouse) carry a name and no ID number.
//
// Personal ID numbers (Decree 137/2015/NĐ-CP Art. 7; SPEC §4.1): PPP G YY SSSSSS where PPP is the
// province of the block (every member's birth was registered there), G the century-gender digit,
// YY the birth year. SSSSSS is a bijective scramble of `local·8 + position`, where `local` numbers
// the blocks of that province (the block → province map is a bijection on slots weighted by the
// province's population). So two people of one province never share SSSSSS and IDs never collide,
// up to POPULATION_CAPACITY people per seed.
import {
  BLOOD_TYPES,
  CENTRAL_CITIES,
  ETHNIC_GROUPS,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  MIDDLE_NAMES_FEMALE_MODERN,
  MIDDLE_NAMES_FEMALE_TRADITIONAL,
  MIDDLE_NAMES_MALE_MODERN,
  MIDDLE_NAMES_MALE_TRADITIONAL,
  MIGRATION_DESTINATIONS,
  PHONE_PREFIXES,
  PLACE_NAMES,
  PROVINCE_WEIGHTS,
  RELIGIONS,
  STREETS,
  SURNAMES,
  isSouthern,
  type Weighted,
} from './data.ts';
import type {
  SyntheticAddress,
  SyntheticCitizen,
  SyntheticGender,
  SyntheticMaritalStatus,
  SyntheticRelative,
} from './types.ts';

export const BLOCK_SIZE = 8;
export const HOUSEHOLDS_PER_BLOCK_MAX = 4;
export const MIN_BIRTH_YEAR = 1940;
export const MAX_BIRTH_YEAR = 2024;
/** Ages (minor or adult, old enough for a CMND) are taken at this date: the emulator is a snapshot. */
export const REFERENCE_DATE = '2025-01-01';
const MINOR_BORN_AFTER = '2007-01-01'; // under 18 at REFERENCE_DATE (Civil Code 2015 Art. 21)
const SERIAL_SPACE = 1_000_000; // six digits
const LOCAL_BLOCKS_PER_PROVINCE = SERIAL_SPACE / BLOCK_SIZE;

// ---------------------------------------------------------------------------------------------
// Seeded randomness: one small, fast generator per block (sfc32), seeded by hashing (seed, block).

function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

function hash2(a: number, b: number): number {
  // b may exceed 2^32 in principle; fold its high part in.
  const hi = Math.floor(b / 0x1_0000_0000);
  return mix32(mix32(a ^ 0x9e3779b9) ^ mix32((b >>> 0) + 0x85ebca6b) ^ mix32(hi + 0xc2b2ae35));
}

class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number, stream: number) {
    this.#a = hash2(seed, stream);
    this.#b = hash2(this.#a, 1);
    this.#c = hash2(this.#b, 2);
    this.#d = 1;
    for (let i = 0; i < 12; i++) this.#next32();
  }

  #next32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.#next32() / 0x1_0000_0000;
  }

  /** Uniform integer in [lo, hi] (hi < lo gives lo). */
  int(lo: number, hi: number): number {
    if (hi <= lo) return lo;
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** Weighted choice with a precomputed cumulative table. */
class Picker<T> {
  readonly #values: T[];
  readonly #cumulative: number[];
  readonly #total: number;

  constructor(table: readonly Weighted<T>[]) {
    this.#values = table.map(([v]) => v);
    let sum = 0;
    this.#cumulative = table.map(([, w]) => (sum += w));
    this.#total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.#total;
    const c = this.#cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#values[lo]!;
  }
}

const surnames = new Picker(SURNAMES);
const middleMaleOld = new Picker(MIDDLE_NAMES_MALE_TRADITIONAL);
const middleMaleNew = new Picker(MIDDLE_NAMES_MALE_MODERN);
const middleFemaleOld = new Picker(MIDDLE_NAMES_FEMALE_TRADITIONAL);
const middleFemaleNew = new Picker(MIDDLE_NAMES_FEMALE_MODERN);
const ethnicGroups = new Picker(ETHNIC_GROUPS.map(([code, name, w]) => [{ code, name }, w] as const));
const religions = new Picker(RELIGIONS.map(([code, name, w]) => [{ code, name }, w] as const));
const bloodTypes = new Picker(BLOOD_TYPES);
const migrationDestinations = new Picker(MIGRATION_DESTINATIONS);
const provincePicker = new Picker(Object.entries(PROVINCE_WEIGHTS));

// ---------------------------------------------------------------------------------------------
// Block → province: a bijection on M slots (M = sum of weights), scrambled so that consecutive
// blocks land in different provinces. `local` numbers a province's blocks without gaps.

const PROVINCES = Object.keys(PROVINCE_WEIGHTS).sort();
const PROVINCE_ORDINAL = new Map(PROVINCES.map((code, i) => [code, i]));
const WEIGHTS = PROVINCES.map((code) => PROVINCE_WEIGHTS[code]!);
const SLOT_START: number[] = [];
let slots = 0;
for (const w of WEIGHTS) {
  SLOT_START.push(slots);
  slots += w;
}
const SLOTS = slots;
const MAX_WEIGHT = Math.max(...WEIGHTS);
const ROUNDS = Math.floor(LOCAL_BLOCKS_PER_PROVINCE / MAX_WEIGHT);
const SLOT_MULTIPLIER = coprimeNear(SLOTS, Math.floor(SLOTS * 0.6180339887));

/** How many people one seed can hold with unique ID numbers (about 10 million). */
export const POPULATION_CAPACITY = ROUNDS * SLOTS * BLOCK_SIZE;
/** Blocks b and b + PROVINCE_SLOTS fall in the same province (one "round" apart). */
export const PROVINCE_SLOTS = SLOTS;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function coprimeNear(m: number, start: number): number {
  let a = start;
  while (gcd(a, m) !== 1) a++;
  return a;
}

function blockProvince(block: number, seed: number): { code: string; local: number } {
  const round = Math.floor(block / SLOTS);
  const r = block % SLOTS;
  const slot = (r * SLOT_MULTIPLIER + (hash2(seed, 0x51a7) % SLOTS)) % SLOTS;
  let lo = 0;
  let hi = SLOT_START.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (SLOT_START[mid]! <= slot) lo = mid;
    else hi = mid - 1;
  }
  return { code: PROVINCES[lo]!, local: round * WEIGHTS[lo]! + (slot - SLOT_START[lo]!) };
}

// ---------------------------------------------------------------------------------------------
// Identifiers.

/** Century-gender digit (Circular 07/2016/TT-BCA; SPEC §4.1). */
function centuryGenderDigit(gender: SyntheticGender, birthYear: number): number {
  return 2 * Math.floor((birthYear - 1900) / 100) + (gender === 'female' ? 1 : 0);
}

/**
 * A keyed bijection of [0, limit): an invertible mix of `bits`-bit integers (odd multiplication,
 * xor-shift and addition modulo 2^bits are each invertible), applied repeatedly until the value
 * falls below `limit` (cycle walking). Distinct inputs give distinct outputs that look random.
 */
function permute(value: number, bits: number, limit: number, key: number): number {
  const mask = bits === 32 ? 0xffff_ffff : (1 << bits) - 1;
  const half = bits >>> 1;
  let x = value;
  do {
    for (let round = 0; round < 3; round++) {
      x = (Math.imul(x, 0x2c1b3c6d | 1) >>> 0) & mask;
      x ^= x >>> half;
      x = (x + (mix32(key + round) & mask)) & mask;
    }
  } while (x >= limit);
  return x;
}

function personalIdOf(province: string, gender: SyntheticGender, birthYear: number, serial: number, seed: number): string {
  const random = permute(serial, 20, SERIAL_SPACE, hash2(seed, 0x1d));
  return `${province}${centuryGenderDigit(gender, birthYear)}${pad(birthYear % 100, 2)}${pad(random, 6)}`;
}

function oldIdNumberOf(index: number, seed: number): string {
  return pad(permute(index, 30, 1_000_000_000, hash2(seed, 0xc4d)), 9);
}

// ---------------------------------------------------------------------------------------------
// Names, dates, addresses.

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function toAscii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function middleNameFor(rng: Rng, gender: SyntheticGender, birthYear: number): string {
  const traditional = birthYear < 1975 || (birthYear < 1995 && rng.chance(0.5));
  const picker =
    gender === 'male' ? (traditional ? middleMaleOld : middleMaleNew) : traditional ? middleFemaleOld : middleFemaleNew;
  const first = picker.pick(rng);
  if (!traditional && rng.chance(0.06)) {
    const second = (gender === 'male' ? middleMaleNew : middleFemaleNew).pick(rng);
    if (second !== first && second !== 'Văn' && second !== 'Thị') return `${first} ${second}`;
  }
  return first;
}

function givenNameFor(rng: Rng, gender: SyntheticGender, middle: string): string {
  const list = gender === 'male' ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE;
  let given = rng.pick(list);
  if (middle.split(' ').includes(given)) given = rng.pick(list);
  return given;
}

interface Name {
  surname: string;
  middleName: string;
  givenName: string;
  fullName: string;
}

function nameFor(rng: Rng, gender: SyntheticGender, birthYear: number, surname: string): Name {
  const middleName = middleNameFor(rng, gender, birthYear);
  const givenName = givenNameFor(rng, gender, middleName);
  return { surname, middleName, givenName, fullName: `${surname} ${middleName} ${givenName}` };
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function birthDateIn(rng: Rng, year: number): string {
  const leap = isLeap(year);
  let day = rng.int(0, leap ? 365 : 364);
  let month = 0;
  while (month < 11) {
    const end = DAYS_BEFORE_MONTH[month + 1]! + (leap && month + 1 >= 2 ? 1 : 0);
    if (day < end) break;
    month++;
  }
  day -= DAYS_BEFORE_MONTH[month]! + (leap && month >= 2 ? 1 : 0);
  return `${year}-${pad(month + 1, 2)}-${pad(day + 1, 2)}`;
}

const DISTRICTS_PER_PROVINCE = 12;
const WARDS_PER_DISTRICT = 24;

function nameFromCode(code: string, salt: number): string {
  return PLACE_NAMES[hash2(Number(code), salt) % PLACE_NAMES.length]!;
}

function isUrbanDistrict(province: string, districtIndex: number): boolean {
  return districtIndex < (CENTRAL_CITIES.has(province) ? 9 : 2);
}

function districtName(province: string, districtIndex: number, districtCode: string): string {
  if (isUrbanDistrict(province, districtIndex)) {
    if (province === '079') return `Quận ${districtIndex + 1}`;
    return `${CENTRAL_CITIES.has(province) ? 'Quận' : 'Thành phố'} ${nameFromCode(districtCode, 11)}`;
  }
  return `Huyện ${nameFromCode(districtCode, 11)}`;
}

function wardName(province: string, urban: boolean, wardIndex: number, wardCode: string): string {
  if (urban) return province === '079' ? `Phường ${wardIndex + 1}` : `Phường ${nameFromCode(wardCode, 13)}`;
  return `Xã ${nameFromCode(wardCode, 13)}`;
}

/** An address in `province` (three-digit code). `street` false: down to the ward only (hometown). */
function addressIn(rng: Rng, province: string, street: boolean): SyntheticAddress {
  const ordinal = PROVINCE_ORDINAL.get(province)!;
  const districtIndex = rng.int(0, DISTRICTS_PER_PROVINCE - 1);
  const wardIndex = rng.int(0, WARDS_PER_DISTRICT - 1);
  const districtNumber = ordinal * DISTRICTS_PER_PROVINCE + districtIndex + 1;
  const districtCode = pad(districtNumber, 3);
  const wardCode = pad((districtNumber - 1) * WARDS_PER_DISTRICT + wardIndex + 1, 5);
  const urban = isUrbanDistrict(province, districtIndex);
  const parts = [wardName(province, urban, wardIndex, wardCode), districtName(province, districtIndex, districtCode)];
  if (street) {
    const house = rng.int(1, 350);
    let line: string;
    if (urban) {
      const road = rng.pick(STREETS);
      if (province === '001' && rng.chance(0.5)) line = `Số ${house}, ngõ ${rng.int(1, 200)} phố ${road}`;
      else if (province === '079' && rng.chance(0.5)) line = `${house}/${rng.int(1, 90)} đường ${road}`;
      else line = `Số ${house} đường ${road}`;
    } else if (isSouthern(province)) {
      line = `Ấp ${rng.pick(PLACE_NAMES)}`;
    } else {
      line = rng.chance(0.5) ? `Thôn ${rng.pick(PLACE_NAMES)}` : `Xóm ${rng.int(1, 15)}`;
    }
    parts.unshift(line);
  }
  return { provinceCode: province.slice(1), districtCode, wardCode, detail: parts.join(', '), country: 'VN' };
}

function phoneFor(rng: Rng): string {
  return `${rng.pick(PHONE_PREFIXES)}${pad(rng.int(0, 9_999_999), 7)}`;
}

// ---------------------------------------------------------------------------------------------
// Households.

type Link = number | { fullName: string } | null; // a member's position, an outsider, or none

interface Draft {
  gender: SyntheticGender;
  birthYear: number;
  name: Name;
  father: Link;
  mother: Link;
  spouse: number | null;
  relationship: string;
  maritalStatus: SyntheticMaritalStatus;
  /** Position of the member whose hometown this one inherits (the father's line), or null: own. */
  hometownFrom: number | null;
}

/** Partitions of a block of 8 into household sizes, with weights (mean household ≈ 3.5). */
const PARTITIONS = new Picker<readonly number[]>([
  [[4, 4], 14], [[3, 5], 10], [[5, 3], 10], [[2, 6], 6], [[6, 2], 6], [[4, 3, 1], 8], [[3, 3, 2], 10],
  [[2, 2, 4], 8], [[1, 3, 4], 6], [[4, 2, 2], 8], [[3, 4, 1], 6], [[2, 3, 3], 8], [[1, 2, 5], 4],
  [[5, 2, 1], 4], [[3, 1, 4], 4], [[2, 2, 2, 2], 3], [[1, 1, 6], 2],
]);

function outsider(rng: Rng, gender: SyntheticGender, birthYear: number, surname?: string): { fullName: string } {
  return { fullName: nameFor(rng, gender, birthYear, surname ?? surnames.pick(rng)).fullName };
}

function person(
  rng: Rng,
  gender: SyntheticGender,
  birthYear: number,
  surname: string,
  rest: Omit<Draft, 'gender' | 'birthYear' | 'name'>,
): Draft {
  return { gender, birthYear, name: nameFor(rng, gender, birthYear, surname), ...rest };
}

/** Parents born outside the population: names only (the father's surname is the person's). */
function externalParents(rng: Rng, birthYear: number, surname: string): { father: Link; mother: Link } {
  const fatherYear = Math.max(1900, birthYear - rng.int(22, 38));
  return {
    father: outsider(rng, 'male', fatherYear, surname),
    mother: outsider(rng, 'female', fatherYear + rng.int(0, 6)),
  };
}

function spouseGap(rng: Rng): number {
  // Wives are usually 0–5 years younger; sometimes older.
  return [-2, -1, 0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8][rng.int(0, 12)]!;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Birth years of `n` children of parents born in `f` and `m`: parents ≥ 20 at every birth. */
function childYears(rng: Rng, f: number, m: number, n: number, latest = MAX_BIRTH_YEAR): number[] {
  const lo = Math.max(f, m) + 20;
  const hi = Math.min(m + 42, f + 55, latest);
  const years: number[] = [];
  let year = rng.int(lo, Math.max(lo, hi - 2 * (n - 1)));
  for (let i = 0; i < n; i++) {
    years.push(Math.min(year, hi));
    year += rng.int(1, 5);
  }
  return years;
}

function childGender(rng: Rng): SyntheticGender {
  return rng.chance(0.51) ? 'male' : 'female';
}

function couple(rng: Rng, husbandYears: [number, number]): Draft[] {
  const hy = rng.int(husbandYears[0], husbandYears[1]);
  const wy = clamp(hy + spouseGap(rng), MIN_BIRTH_YEAR, 2004);
  const hs = surnames.pick(rng);
  const ws = surnames.pick(rng);
  return [
    person(rng, 'male', hy, hs, { ...externalParents(rng, hy, hs), spouse: 1, relationship: 'Chủ hộ', maritalStatus: 'married', hometownFrom: null }),
    person(rng, 'female', wy, ws, { ...externalParents(rng, wy, ws), spouse: 0, relationship: 'Vợ', maritalStatus: 'married', hometownFrom: null }),
  ];
}

function children(rng: Rng, out: Draft[], fatherPos: number, motherPos: number, n: number, relationship: string, latest?: number): void {
  const father = out[fatherPos]!;
  const mother = out[motherPos]!;
  for (const year of childYears(rng, father.birthYear, mother.birthYear, n, latest)) {
    out.push(
      person(rng, childGender(rng), year, father.name.surname, {
        father: fatherPos,
        mother: motherPos,
        spouse: null,
        relationship,
        maritalStatus: 'single',
        hometownFrom: fatherPos,
      }),
    );
  }
}

function household(rng: Rng, size: number): Draft[] {
  switch (size) {
    case 1: {
      const gender: SyntheticGender = rng.chance(0.5) ? 'male' : 'female';
      const year = rng.int(MIN_BIRTH_YEAR, 2004);
      const surname = surnames.pick(rng);
      const maritalStatus: SyntheticMaritalStatus =
        year >= 1985 ? (rng.chance(0.85) ? 'single' : 'divorced') : rng.pick(['widowed', 'widowed', 'divorced', 'single'] as const);
      return [person(rng, gender, year, surname, { ...externalParents(rng, year, surname), spouse: null, relationship: 'Chủ hộ', maritalStatus, hometownFrom: null })];
    }
    case 2: {
      if (rng.chance(0.75)) return couple(rng, [MIN_BIRTH_YEAR, 2002]);
      // A single mother (divorced or widowed) and her child; the child's father is an outsider.
      const my = rng.int(1955, 1998);
      const ms = surnames.pick(rng);
      const mother = person(rng, 'female', my, ms, {
        ...externalParents(rng, my, ms),
        spouse: null,
        relationship: 'Chủ hộ',
        maritalStatus: rng.chance(0.6) ? 'divorced' : 'widowed',
        hometownFrom: null,
      });
      const fy = clamp(my - rng.int(0, 5), MIN_BIRTH_YEAR, my);
      const cs = surnames.pick(rng);
      const [year] = childYears(rng, fy, my, 1);
      const child = person(rng, childGender(rng), year!, cs, {
        father: outsider(rng, 'male', fy, cs),
        mother: 0,
        spouse: null,
        relationship: 'Con',
        maritalStatus: 'single',
        hometownFrom: null,
      });
      return [mother, child];
    }
    case 3:
    case 4: {
      const out = couple(rng, [1950, 1999]);
      children(rng, out, 0, 1, size - 2, 'Con');
      return out;
    }
    case 5: {
      if (rng.chance(0.45)) {
        const out = couple(rng, [1950, 1999]);
        children(rng, out, 0, 1, 3, 'Con');
        return out;
      }
      // Three generations under a widowed grandmother.
      const gy = rng.int(MIN_BIRTH_YEAR, 1965);
      const gs = surnames.pick(rng);
      const grandfatherYear = clamp(gy - rng.int(0, 6), 1900, gy);
      const sonSurname = surnames.pick(rng);
      const out: Draft[] = [
        person(rng, 'female', gy, gs, { ...externalParents(rng, gy, gs), spouse: null, relationship: 'Chủ hộ', maritalStatus: 'widowed', hometownFrom: null }),
      ];
      const [sonYear] = childYears(rng, grandfatherYear, gy, 1, 1996);
      out.push(
        person(rng, 'male', sonYear!, sonSurname, {
          father: outsider(rng, 'male', grandfatherYear, sonSurname),
          mother: 0,
          spouse: 2,
          relationship: 'Con',
          maritalStatus: 'married',
          hometownFrom: null,
        }),
      );
      const dy = clamp(sonYear! + spouseGap(rng), MIN_BIRTH_YEAR, 2002);
      const ds = surnames.pick(rng);
      out.push(person(rng, 'female', dy, ds, { ...externalParents(rng, dy, ds), spouse: 1, relationship: 'Con dâu', maritalStatus: 'married', hometownFrom: null }));
      children(rng, out, 1, 2, 2, 'Cháu');
      return out;
    }
    default: {
      // Three generations: grandparents (the grandfather heads), their son and his wife, two grandchildren.
      const out = couple(rng, [MIN_BIRTH_YEAR, 1962]);
      children(rng, out, 0, 1, 1, 'Con', 1996);
      const son = out[2]!;
      son.gender = 'male';
      son.name = nameFor(rng, 'male', son.birthYear, son.name.surname);
      son.spouse = 3;
      son.maritalStatus = 'married';
      const dy = clamp(son.birthYear + spouseGap(rng), MIN_BIRTH_YEAR, 2002);
      const ds = surnames.pick(rng);
      out.push(person(rng, 'female', dy, ds, { ...externalParents(rng, dy, ds), spouse: 2, relationship: 'Con dâu', maritalStatus: 'married', hometownFrom: null }));
      children(rng, out, 2, 3, 2, 'Cháu');
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks.

function checkIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= POPULATION_CAPACITY) {
    throw new RangeError(`index must be an integer in [0, ${POPULATION_CAPACITY}), got ${index}`);
  }
}

/**
 * A seed as a 32-bit number: an integer in [0, 2^32) as is, a string of digits as that number,
 * any other string hashed (FNV-1a), so that configuration values like `SSO_EMULATOR_SEED=demo`
 * work too.
 */
export function seedOf(seed: number | string | undefined): number {
  if (seed === undefined) return 1;
  if (typeof seed === 'string') {
    if (/^\d{1,10}$/.test(seed) && Number(seed) <= 0xffff_ffff) return Number(seed);
    let h = 0x811c9dc5;
    for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
    return h >>> 0;
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  }
  return seed;
}

/** The 8 people of block `block` (indices block·8 … block·8+7). */
export function syntheticBlock(block: number, seedValue: number | string = 1): SyntheticCitizen[] {
  const seed = seedOf(seedValue);
  checkIndex(block * BLOCK_SIZE);
  const rng = new Rng(seed, block);
  const { code: province, local } = blockProvince(block, seed);
  const sizes = PARTITIONS.pick(rng);
  const people: SyntheticCitizen[] = [];
  let position = 0;
  sizes.forEach((size, k) => {
    const drafts = household(rng, size);
    const base = block * BLOCK_SIZE + position;
    const householdNumber = block * HOUSEHOLDS_PER_BLOCK_MAX + k;
    const householdBookNumber = `${province}${pad(local, 6)}${k}`;
    const permanentAddress = addressIn(rng, province, true);
    const migrant = rng.chance(0.12) ? migrationDestinations.pick(rng) : undefined;
    const currentAddress = migrant && migrant !== province ? addressIn(rng, migrant, true) : permanentAddress;
    const ethnic = rng.chance(0.9) ? { code: '01', name: 'Kinh' } : ethnicGroups.pick(rng);
    const religion = religions.pick(rng);

    // First pass: identifiers and hometowns, so that relatives can be named by them.
    const ids = drafts.map((d, i) => {
      const personalId = personalIdOf(province, d.gender, d.birthYear, local * BLOCK_SIZE + position + i, seed);
      const oldIdNumber = d.birthYear <= 2002 && rng.chance(0.85) ? oldIdNumberOf(base + i, seed) : null;
      return { personalId, oldIdNumber };
    });
    const hometowns: SyntheticAddress[] = [];
    drafts.forEach((d, i) => {
      hometowns[i] =
        d.hometownFrom !== null
          ? hometowns[d.hometownFrom]!
          : addressIn(rng, rng.chance(0.75) ? province : provincePicker.pick(rng), false);
    });
    const relative = (link: Link): SyntheticRelative | null => {
      if (link === null) return null;
      if (typeof link === 'number') {
        return { fullName: drafts[link]!.name.fullName, personalId: ids[link]!.personalId, oldIdNumber: ids[link]!.oldIdNumber, nationality: 'VN' };
      }
      return { fullName: link.fullName, personalId: null, oldIdNumber: null, nationality: 'VN' };
    };
    const head = { personalId: ids[0]!.personalId, oldIdNumber: ids[0]!.oldIdNumber, fullName: drafts[0]!.name.fullName };

    drafts.forEach((d, i) => {
      const birthDate = birthDateIn(rng, d.birthYear);
      const minor = birthDate > MINOR_BORN_AFTER;
      const adult = !minor;
      const inHousehold = (link: Link) => (typeof link === 'number' ? link : null);
      const representativePos = minor ? (inHousehold(d.father) ?? inHousehold(d.mother)) : null;
      const parentPos = inHousehold(d.father) ?? inHousehold(d.mother);
      const birthRegistrationPlace: SyntheticAddress =
        parentPos !== null
          ? { ...permanentAddress, detail: permanentAddress.detail.split(', ').slice(1).join(', ') }
          : addressIn(rng, province, false);
      const bloodType = bloodTypes.pick(rng);
      const phone = adult && rng.chance(0.9) ? phoneFor(rng) : null;
      const email =
        adult && d.birthYear >= 1970 && rng.chance(0.35)
          ? `${toAscii(d.name.givenName)}.${toAscii(d.name.surname)}${pad(rng.int(0, 9999), 4)}@example.com`
          : null;
      people.push({
        index: base + i,
        personalId: ids[i]!.personalId,
        oldIdNumber: ids[i]!.oldIdNumber,
        surname: d.name.surname,
        middleName: d.name.middleName,
        givenName: d.name.givenName,
        fullName: d.name.fullName,
        gender: d.gender,
        birthDate,
        ethnicityCode: ethnic.code,
        ethnicity: ethnic.name,
        religionCode: religion.code,
        religion: religion.name,
        nationality: 'VN',
        maritalStatus: d.maritalStatus,
        bloodType,
        birthRegistrationPlace,
        hometown: hometowns[i]!,
        permanentAddress,
        currentAddress,
        father: relative(d.father),
        mother: relative(d.mother),
        spouse: relative(d.spouse),
        representative: representativePos === null ? null : relative(representativePos),
        householdHead: { ...head, relationship: d.relationship },
        householdBookNumber,
        householdNumber,
        phone,
        email,
      });
    });
    position += size;
  });
  return people;
}

/** The synthetic person at `index` (0 ≤ index < POPULATION_CAPACITY) of population `seed`. */
export function syntheticCitizen(index: number, seed: number | string = 1): SyntheticCitizen {
  checkIndex(index);
  return syntheticBlock(Math.floor(index / BLOCK_SIZE), seed)[index % BLOCK_SIZE]!;
}

/** The household of `index`: its number and the indices of its members (head first). */
export function householdOf(index: number, seed: number | string = 1): { householdNumber: number; members: number[] } {
  checkIndex(index);
  const people = syntheticBlock(Math.floor(index / BLOCK_SIZE), seed);
  const { householdNumber } = people[index % BLOCK_SIZE]!;
  return { householdNumber, members: people.filter((p) => p.householdNumber === householdNumber).map((p) => p.index) };
}
