// What the web app takes of the permission table at run time: the table itself and the pure
// functions that evaluate it (`treeFrom`, `unitsWhere`), to name the roles that hold a permission
// when a page is refused and to show a unit's actions where the server would allow them. The
// server still decides every request; the web app keeps no copy of who may do what.
export { PERMISSIONS, treeFrom, unitsWhere, type Permission, type Principal, type UnitTree } from '../core/access/index.ts';
