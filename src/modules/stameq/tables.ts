// Tables of the stameq sector module.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StameqTables {}
