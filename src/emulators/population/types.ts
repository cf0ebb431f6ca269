// A synthetic citizen of the population database emulator. English names here; the emulator's
// wire format (SPEC §4.4: SoDinhDanh, HoVaTen{Ho,ChuDem,Ten}, ThuongTru{MaTinhThanh,...}) is made
// from it in the emulator's adapter (wire.ts) only.

export interface SyntheticAddress {
  /** Two-digit administrative province code (GSO, Decision 124/2004/QĐ-TTg), e.g. '01', '79'. */
  provinceCode: string;
  /** Three-digit district code. SYNTHETIC: shaped like GSO codes, not real divisions. */
  districtCode: string;
  /** Five-digit ward/commune code. SYNTHETIC: shaped like GSO codes, not real divisions. */
  wardCode: string;
  /** Everything below the province: house, street or hamlet, ward, district. */
  detail: string;
  /** ISO 3166-1 alpha-2 country code, 'VN'. */
  country: string;
}

export interface SyntheticRelative {
  fullName: string;
  /** Null when the relative is not in the synthetic population (e.g. the parents of the oldest). */
  personalId: string | null;
  oldIdNumber: string | null;
  /** ISO 3166-1 alpha-2 code, 'VN'. */
  nationality: string;
}

export type SyntheticGender = 'male' | 'female';
export type SyntheticMaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';

export interface SyntheticCitizen {
  /** Generator index (0-based): `syntheticCitizen(index, seed)` gives this person back. */
  index: number;
  /** 12-digit personal identification number, coherent with birth province, gender, birth year. */
  personalId: string;
  /** 9-digit former identity card number (CMND), for people old enough to have had one. */
  oldIdNumber: string | null;
  surname: string;
  /** One or two words, e.g. `Văn`, `Thị Ngọc`. */
  middleName: string;
  givenName: string;
  /** `surname middleName givenName`, with correct diacritics (NFC). */
  fullName: string;
  gender: SyntheticGender;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Ethnic group code (Decision 121-TCTK/PPCĐ), e.g. '01' = Kinh; see data.ts. */
  ethnicityCode: string;
  ethnicity: string;
  /** Religion code (UNCONFIRMED code list), '00' = none; see data.ts. */
  religionCode: string;
  religion: string;
  /** ISO 3166-1 alpha-2 code, 'VN'. */
  nationality: string;
  maritalStatus: SyntheticMaritalStatus;
  bloodType: string | null;
  birthRegistrationPlace: SyntheticAddress;
  hometown: SyntheticAddress;
  permanentAddress: SyntheticAddress;
  currentAddress: SyntheticAddress;
  father: SyntheticRelative | null;
  mother: SyntheticRelative | null;
  spouse: SyntheticRelative | null;
  /** Legal representative (người đại diện): a parent, for minors only. */
  representative: SyntheticRelative | null;
  householdHead: { personalId: string; oldIdNumber: string | null; fullName: string; relationship: string };
  householdBookNumber: string;
  /** Global household number: members of one household share it. */
  householdNumber: number;
  phone: string | null;
  email: string | null;
}
