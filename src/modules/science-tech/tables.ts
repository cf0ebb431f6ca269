// Tables of the science-tech sector module.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScienceTechTables {}
