// Tables of the ip sector module (migration 0025): industrial property applications, their
// inventors or authors, and the protection titles granted on them. Persons are registry_person rows.
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp } from '../../db/types.ts';
import type { ApplicationStatus, IpKind, TitleStatus } from '../../core/ip/index.ts';

/** A local date (YYYY-MM-DD), read as text. */
type LocalDate = ColumnType<string, string, string>;
type NullableLocalDate = ColumnType<string | null, string | null | undefined, string | null>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface IpApplicationTable {
  id: Generated<string>;
  application_no: string;
  kind: IpKind;
  filing_date: LocalDate;
  priority_date: NullableLocalDate;
  priority_no: Nullable<string>;
  priority_country: Nullable<string>;
  subject: string;
  abstract: ColumnType<string, string | undefined, string>;
  classes: ColumnType<string[], string | undefined, string>;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>;
  status_date: LocalDate;
  published_on: NullableLocalDate;
  applicant_kind: 'person' | 'organization';
  applicant_person_id: Nullable<string>;
  applicant_org_name: Nullable<string>;
  applicant_tax_code: Nullable<string>;
  applicant_address: ColumnType<string, string | undefined, string>;
  applicant_country: ColumnType<string, string | undefined, string>;
  representative_person_id: Nullable<string>;
  representative_firm: Nullable<string>;
  dossier_code: Nullable<string>;
  unit_id: string;
  created_at: DefaultTimestamp;
  created_by: string;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface IpApplicationInventorTable {
  application_id: string;
  position: number;
  person_id: string;
}

export interface IpTitleTable {
  id: Generated<string>;
  title_no: string;
  application_id: string;
  granted_on: LocalDate;
  expires_on: LocalDate;
  renewals: ColumnType<number, number | undefined, number>;
  status: ColumnType<TitleStatus, TitleStatus | undefined, TitleStatus>;
  holder_kind: 'person' | 'organization';
  holder_person_id: Nullable<string>;
  holder_org_name: Nullable<string>;
  result_code: Nullable<string>;
  unit_id: string;
  created_at: DefaultTimestamp;
  created_by: string;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface IpTables {
  ip_application: IpApplicationTable;
  ip_application_inventor: IpApplicationInventorTable;
  ip_title: IpTitleTable;
}
