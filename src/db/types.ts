// Kysely table types. Each module declares its own tables (`tables.ts`) and its store.ts is the
// only code that queries them; the database type is their union. This file keeps only the column
// helper types the modules' tables share.
import type { ColumnType } from 'kysely';
import type { AuditTables } from '../modules/audit/tables.ts';
import type { CalendarTables } from '../modules/calendar/tables.ts';
import type { CatalogTables } from '../modules/catalog/tables.ts';
import type { DossierTables } from '../modules/dossiers/tables.ts';
import type { FileTables } from '../modules/files/tables.ts';
import type { IdentityTables } from '../modules/identity/tables.ts';
import type { PaymentTables } from '../modules/payments/tables.ts';
import type { JobTables } from '../modules/jobs/tables.ts';
import type { PopulationTables } from '../modules/population/tables.ts';
import type { PortalSyncTables } from '../modules/portal-sync/tables.ts';
import type { QualityTables } from '../modules/quality/tables.ts';
import type { FeedbackTables } from '../modules/feedback/tables.ts';
import type { ResultTables } from '../modules/results/tables.ts';
import type { LgspTables } from '../modules/lgsp/tables.ts';
import type { WarehouseTables } from '../modules/warehouse/tables.ts';
import type { RegistryTables } from '../modules/registries/tables.ts';
import type { ScienceTechTables } from '../modules/science-tech/tables.ts';
import type { TechMarketTables } from '../modules/tech-market/tables.ts';
import type { IpTables } from '../modules/ip/tables.ts';
import type { StameqTables } from '../modules/stameq/tables.ts';

/** timestamptz without a default. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** timestamptz with a default (now()): optional on insert. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Nullable timestamptz. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
export type Json<T = unknown> = ColumnType<T, string, string>;

export interface DB extends IdentityTables, CatalogTables, PopulationTables, AuditTables, CalendarTables, DossierTables, FileTables, PaymentTables, JobTables, PortalSyncTables, FeedbackTables, ResultTables, LgspTables, WarehouseTables,
    RegistryTables, ScienceTechTables, TechMarketTables, IpTables, StameqTables, QualityTables {}
