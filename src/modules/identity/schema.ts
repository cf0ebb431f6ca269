// The identity module's public schemas (and their inferred types, for the web app's type-only
// imports): the logged-in caller, the administration of officers and units, the login answers.
export { Me, MeRoleGrant, RoleName } from './sessions/schema.ts';
export { Officer, OfficerCreate, OfficerCreated, OfficerList, OfficerPatch, AuditEntry, AuditList, RoleGrantView } from './officers/schema.ts';
export { Unit, UnitCreate, UnitPatch, UnitTreeNode, UnitTreeResponse, UnitKindName } from './units/schema.ts';
export { OfficerSession, TotpSetup } from './login/schema.ts';
