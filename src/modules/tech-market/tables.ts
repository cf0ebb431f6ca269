// Tables of the tech-market sector module (migration 0024): the technology supply and demand
// database — fields, provinces, providers, offers (cung) and demands (cầu). Persons are
// registry_person rows.
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp } from '../../db/types.ts';
import type { ListingStatus, TransferForm, TransferRight } from '../../core/tech-market/index.ts';

type NullableLocalDate = ColumnType<string | null, string | null | undefined, string | null>;
/** bigint VND, read as a string by the driver: the store converts it. */
type Money = ColumnType<string | number | null, number | null | undefined, number | null>;
type Forms = ColumnType<TransferForm[], string, string>;
type Status = ColumnType<ListingStatus, ListingStatus | undefined, ListingStatus>;

export interface TechmarketFieldTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: number;
}

export interface TechmarketProvinceTable {
  code: string;
  name: string;
  sort_order: number;
}

export interface TechmarketProviderTable {
  id: Generated<string>;
  kind: 'organization' | 'individual';
  org_name: string | null;
  tax_code: string | null;
  person_id: string;
  address: ColumnType<string, string | undefined, string>;
  province_code: string;
  contact_email: string | null;
  status: ColumnType<'active' | 'inactive', 'active' | 'inactive' | undefined, 'active' | 'inactive'>;
  unit_id: string;
  created_at: DefaultTimestamp;
  created_by: string;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface TechmarketOfferTable {
  id: Generated<string>;
  code: string;
  provider_id: string;
  name: string;
  summary: ColumnType<string, string | undefined, string>;
  field_code: string;
  trl: number;
  transfer_forms: Forms;
  transfer_right: TransferRight;
  province_code: string;
  price_vnd: Money;
  negotiable: ColumnType<boolean, boolean | undefined, boolean>;
  ip_ref: string | null;
  status: Status;
  published_on: NullableLocalDate;
  valid_until: NullableLocalDate;
  unit_id: string;
  created_at: DefaultTimestamp;
  created_by: string;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface TechmarketDemandTable {
  id: Generated<string>;
  code: string;
  org_name: string;
  tax_code: string | null;
  representative_person_id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  field_code: string;
  min_trl: number;
  transfer_forms: Forms;
  transfer_right: TransferRight;
  province_code: string;
  budget_vnd: Money;
  negotiable: ColumnType<boolean, boolean | undefined, boolean>;
  status: Status;
  published_on: NullableLocalDate;
  deadline: NullableLocalDate;
  unit_id: string;
  created_at: DefaultTimestamp;
  created_by: string;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface TechMarketTables {
  techmarket_field: TechmarketFieldTable;
  techmarket_province: TechmarketProvinceTable;
  techmarket_provider: TechmarketProviderTable;
  techmarket_offer: TechmarketOfferTable;
  techmarket_demand: TechmarketDemandTable;
}
