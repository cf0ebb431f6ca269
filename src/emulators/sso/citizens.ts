// Citizens for the SSO emulator's login page. They come from the population database emulator
// (the other half of the national systems this repository emulates), so that a citizen who logs
// in is found there too: its generator `syntheticCitizen(index, seed)` (an explicit dependency;
// another generator can be passed in), and a small fixed list of citizens for tests.
import { sql, type Kysely } from 'kysely';
import { syntheticCitizen } from '../population/generator.ts';
import type { SyntheticAddress, SyntheticCitizen } from '../population/types.ts';
import { foldVietnamese, inMemoryCitizenSource, type CitizenSource } from './subjects.ts';

/** Makes the citizen at `index` of a synthetic population (the population emulator's generator). */
export type CitizenGenerator = (index: number, seed?: number | string) => SyntheticCitizen;

const address = (provinceCode: string, wardCode: string, detail: string): SyntheticAddress => ({
  provinceCode,
  districtCode: '001',
  wardCode,
  detail,
  country: 'VN',
});

function fixture(
  personalId: string,
  [surname, middleName, givenName]: [string, string, string],
  gender: 'male' | 'female',
  birthDate: string,
  home: SyntheticAddress,
  phone: string | null,
  email: string | null,
): SyntheticCitizen {
  const fullName = `${surname} ${middleName} ${givenName}`;
  return {
    index: -1,
    personalId,
    oldIdNumber: null,
    surname,
    middleName,
    givenName,
    fullName,
    gender,
    birthDate,
    ethnicityCode: '01',
    ethnicity: 'Kinh',
    religionCode: '00',
    religion: 'Không',
    nationality: 'VN',
    maritalStatus: 'single',
    bloodType: null,
    birthRegistrationPlace: home,
    hometown: home,
    permanentAddress: home,
    currentAddress: home,
    father: null,
    mother: null,
    spouse: null,
    representative: null,
    householdHead: { personalId, oldIdNumber: null, fullName, relationship: 'Chủ hộ' },
    householdBookNumber: `HK${personalId.slice(-6)}`,
    householdNumber: -1,
    phone,
    email,
  };
}

/** A few citizens whose ID numbers pass checkPersonalId (province, century-gender, birth year). */
export const FIXTURE_CITIZENS: readonly SyntheticCitizen[] = [
  fixture('001085012345', ['Nguyễn', 'Quang', 'Huy'], 'male', '1985-03-12', address('01', '00070', 'Số 12 ngõ 34 phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng'), '0912345678', 'nguyenquanghuy@example.vn'),
  fixture('079192004567', ['Trần', 'Thị Mỹ', 'Linh'], 'female', '1992-07-25', address('79', '26734', '45 đường Lê Lợi, Phường Bến Nghé, Quận 1'), '0987654321', 'tranmylinh@example.vn'),
  fixture('048201003210', ['Lê', 'Văn', 'Khang'], 'male', '2001-11-02', address('48', '20194', '7 đường Trần Phú, Phường Hải Châu I, Quận Hải Châu'), '0905111222', null),
  fixture('038178000123', ['Phạm', 'Thị', 'Hoa'], 'female', '1978-01-30', address('38', '14755', 'Thôn Đông, Xã Hoằng Đông, Huyện Hoằng Hóa'), null, null),
  fixture('036060001122', ['Đặng', 'Minh', 'Tuấn'], 'male', '1960-09-09', address('36', '13669', '22 đường Trần Hưng Đạo, Phường Bà Triệu, Thành phố Nam Định'), '0913000111', 'dangminhtuan@example.vn'),
  fixture('001321000777', ['Vũ', 'Ngọc', 'Anh'], 'female', '2021-05-20', address('01', '00070', 'Số 12 ngõ 34 phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng'), null, null),
];

export const fixtureCitizenSource = (): CitizenSource => inMemoryCitizenSource(() => [...FIXTURE_CITIZENS]);

/** The first `count` citizens of the generator (default: the population emulator's own). */
export async function defaultCitizenSource(options: {
  count: number;
  seed?: number | string | undefined;
  generate?: CitizenGenerator;
}): Promise<{ source: CitizenSource; origin: 'generator' }> {
  const generate = options.generate ?? syntheticCitizen;
  return {
    source: inMemoryCitizenSource(() => Array.from({ length: options.count }, (_, i) => generate(i, options.seed))),
    origin: 'generator',
  };
}

// ---- the population emulator's store ----

const VN_MARKED = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const VN_PLAIN = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

/**
 * Citizens stored by the population database emulator (schema `population_emulator`, filled at
 * start from the same generator), searched in SQL; while that table is missing or empty (the
 * population is still being generated), `fallback` answers. The check is repeated every 30 s.
 */
export function storedCitizenSource(db: Kysely<any>, fallback: CitizenSource): CitizenSource {
  let checked: { at: number; ready: boolean } | undefined;
  const ready = async () => {
    if (checked && Date.now() - checked.at < 30_000) return checked.ready;
    let ok = false;
    try {
      const { rows } = await sql<{ ok: boolean }>`
        select to_regclass('population_emulator.citizen') is not null
          and exists (select 1 from population_emulator.citizen) as ok`.execute(db);
      ok = Boolean(rows[0]?.ok);
    } catch {
      ok = false; // the schema does not exist: to_regclass answered null, the exists() failed
    }
    checked = { at: Date.now(), ready: ok };
    return ok;
  };
  const parse = (record: SyntheticCitizen | string) => (typeof record === 'string' ? (JSON.parse(record) as SyntheticCitizen) : record);
  return {
    async search(query, limit) {
      if (!(await ready())) return fallback.search(query, limit);
      const q = query.trim();
      let rows: Array<{ record: SyntheticCitizen | string }>;
      if (q === '') {
        rows = (await sql<{ record: SyntheticCitizen | string }>`
          select record from population_emulator.citizen order by idx nulls last limit ${limit}`.execute(db)).rows;
      } else if (/^\d{1,12}$/.test(q)) {
        // A range on the unique index: every ID number starting with q.
        const high = q + '9'.repeat(12 - q.length);
        rows = (await sql<{ record: SyntheticCitizen | string }>`
          select record from population_emulator.citizen where personal_id between ${q} and ${high}
          order by personal_id limit ${limit}`.execute(db)).rows;
      } else {
        const folded = `%${foldVietnamese(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        rows = (await sql<{ record: SyntheticCitizen | string }>`
          select record from population_emulator.citizen
          where translate(lower(full_name), ${VN_MARKED}, ${VN_PLAIN}) like ${folded}
          order by idx nulls last limit ${limit}`.execute(db)).rows;
      }
      return rows.map((r) => parse(r.record));
    },
    async findByPersonalId(personalId) {
      if (!(await ready())) return fallback.findByPersonalId(personalId);
      const { rows } = await sql<{ record: SyntheticCitizen | string }>`
        select record from population_emulator.citizen where personal_id = ${personalId}`.execute(db);
      return rows[0] ? parse(rows[0].record) : await fallback.findByPersonalId(personalId);
    },
  };
}
