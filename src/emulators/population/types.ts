// A synthetic citizen of the population database emulator. English names here; the emulator's
// wire format (SPEC §4.4: SoDinhDanh, HoVaTen{Ho,ChuDem,Ten}, ThuongTru{MaTinhThanh,...}) is made
// from it in the emulator's adapter only.

export interface SyntheticAddress {
  provinceCode: string; // e.g. '01' (administrative province code) — see generator for the table used
  districtCode?: string;
  wardCode: string;
  detail: string;
  country: string; // 'VN'
}

export interface SyntheticRelative {
  fullName: string;
  personalId: string | null;
  nationality: string;
}

export interface SyntheticCitizen {
  /** 12-digit personal identification number, coherent with birth province, gender, birth year. */
  personalId: string;
  oldIdNumber: string | null;
  surname: string;
  middleName: string;
  givenName: string;
  /** `surname middleName givenName`, with correct diacritics. */
  fullName: string;
  gender: 'male' | 'female';
  /** YYYY-MM-DD */
  birthDate: string;
  ethnicity: string;
  religion: string;
  nationality: string;
  maritalStatus: 'single' | 'married' | 'divorced' | 'widowed';
  bloodType: string | null;
  birthRegistrationPlace: SyntheticAddress;
  hometown: SyntheticAddress;
  permanentAddress: SyntheticAddress;
  currentAddress: SyntheticAddress;
  father: SyntheticRelative | null;
  mother: SyntheticRelative | null;
  spouse: SyntheticRelative | null;
  householdHead: { personalId: string; fullName: string; relationship: string };
  householdBookNumber: string;
  phone: string | null;
  email: string | null;
}
