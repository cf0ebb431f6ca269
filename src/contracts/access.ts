// What the web app takes of the permission table at run time: the table itself (pure data), to
// name the roles that hold a permission when a page is refused. Whether the user holds one comes
// from the server (GET /api/v1/me lists the permissions); the web app keeps no copy of who may do what.
export { PERMISSIONS, type Permission } from '../core/access/permissions.ts';
