// Tables of the science-tech sector module (migration 0023): the national science and technology
// database — S&T organizations and their registration, programmes, tasks and their members,
// researchers. Persons are registry_person rows.
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp } from '../../db/types.ts';
import type { AcademicTitle, AcceptanceResult, Degree, OrgKind, OrgOwnership, OrgStatus, StField, TaskLevel, TaskStatus } from '../../core/science-tech/index.ts';

/** A local date (YYYY-MM-DD), read as text. */
type LocalDate = ColumnType<string, string, string>;
type NullableLocalDate = ColumnType<string | null, string | null | undefined, string | null>;
type WithDefault<T> = ColumnType<T, T | undefined, T>;

export interface StOrganizationTable {
  id: Generated<string>;
  registration_no: string;
  registered_on: LocalDate;
  issuing_agency: string;
  name: string;
  name_en: WithDefault<string>;
  abbreviation: WithDefault<string>;
  kind: OrgKind;
  ownership: OrgOwnership;
  fields: ColumnType<StField[], string | undefined, string>;
  tax_code: string | null;
  address: WithDefault<string>;
  province: string;
  head_person_id: string | null;
  status: WithDefault<OrgStatus>;
  unit_id: string;
  created_by: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface StProgrammeTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: TaskLevel;
  managing_agency: string;
  start_year: number;
  end_year: number;
  created_by: string;
  created_at: DefaultTimestamp;
}

export interface StTaskTable {
  id: Generated<string>;
  code: string;
  title: string;
  level: TaskLevel;
  programme_id: string | null;
  field: StField;
  host_org_id: string;
  pi_person_id: string;
  /** Integer VND (bigint, read as a number on both drivers). */
  budget_vnd: number;
  start_on: LocalDate;
  end_on: LocalDate;
  status: WithDefault<TaskStatus>;
  accepted_on: NullableLocalDate;
  acceptance_result: AcceptanceResult | null;
  unit_id: string;
  created_by: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface StTaskMemberTable {
  task_id: string;
  person_id: string;
  role: WithDefault<'member' | 'secretary'>;
  sort_order: WithDefault<number>;
}

export interface StResearcherTable {
  id: Generated<string>;
  person_id: string;
  degree: Degree;
  title: AcademicTitle | null;
  field: StField;
  specialization: WithDefault<string>;
  organization_id: string | null;
  position: WithDefault<string>;
  unit_id: string;
  created_by: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by: string;
}

export interface ScienceTechTables {
  st_organization: StOrganizationTable;
  st_programme: StProgrammeTable;
  st_task: StTaskTable;
  st_task_member: StTaskMemberTable;
  st_researcher: StResearcherTable;
}
