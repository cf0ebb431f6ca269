// Tables of the ip sector module.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IpTables {}
