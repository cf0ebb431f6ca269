// Tables of the stameq sector module (migration 0021): the standards, metrology and quality
// databases — measuring-instrument verifications, conformity assessment bodies, certificates of
// conformity and conformity announcements. Persons are registry_person rows.
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp } from '../../db/types.ts';
import type { AnnouncementKind, BodyKind, BodyStatus, CertificateStatus, VerificationResult } from '../../core/stameq/index.ts';

/** A local date (YYYY-MM-DD), read as text. */
type LocalDate = ColumnType<string, string, string>;
type NullableLocalDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface StameqInstrumentTypeTable {
  code: string;
  name_vi: string;
  name_en: string;
  cycle_months: number;
  legal_basis: string;
  sort_order: number;
}

export interface StameqBodyTable {
  id: Generated<string>;
  registration_no: string;
  name: string;
  kind: BodyKind;
  fields: ColumnType<string[], string | undefined, string>;
  scope: ColumnType<string, string | undefined, string>;
  tax_code: string | null;
  address: ColumnType<string, string | undefined, string>;
  province: ColumnType<string, string | undefined, string>;
  head_person_id: string | null;
  status: ColumnType<BodyStatus, BodyStatus | undefined, BodyStatus>;
  registered_on: LocalDate;
  valid_until: NullableLocalDate;
  unit_id: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface StameqVerificationTable {
  id: Generated<string>;
  certificate_no: string;
  stamp_no: string;
  instrument_type: string;
  model: ColumnType<string, string | undefined, string>;
  manufacturer: ColumnType<string, string | undefined, string>;
  serial_no: string;
  owner_kind: 'organization' | 'person';
  owner_person_id: string | null;
  owner_org_name: string | null;
  owner_tax_code: string | null;
  location: ColumnType<string, string | undefined, string>;
  body_id: string;
  verified_on: LocalDate;
  valid_until: NullableLocalDate;
  result: VerificationResult;
  unit_id: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface StameqCertificateTable {
  id: Generated<string>;
  certificate_no: string;
  body_id: string;
  holder_name: string;
  holder_tax_code: string | null;
  product: string;
  standard_code: string;
  scheme: number;
  issued_on: LocalDate;
  valid_until: LocalDate;
  status: ColumnType<CertificateStatus, CertificateStatus | undefined, CertificateStatus>;
  unit_id: string;
  created_at: DefaultTimestamp;
  updated_by: string;
}

export interface StameqAnnouncementTable {
  id: Generated<string>;
  announcement_no: string;
  kind: AnnouncementKind;
  product: string;
  standard_code: string;
  org_name: string;
  org_tax_code: string | null;
  org_address: ColumnType<string, string | undefined, string>;
  representative_person_id: string;
  receiving_agency: string;
  announced_on: LocalDate;
  certificate_id: string | null;
  status: ColumnType<'valid' | 'withdrawn', 'valid' | 'withdrawn' | undefined, 'valid' | 'withdrawn'>;
  unit_id: string;
  created_at: DefaultTimestamp;
  updated_by: string;
}

export interface StameqTables {
  stameq_instrument_type: StameqInstrumentTypeTable;
  stameq_body: StameqBodyTable;
  stameq_verification: StameqVerificationTable;
  stameq_certificate: StameqCertificateTable;
  stameq_announcement: StameqAnnouncementTable;
}
