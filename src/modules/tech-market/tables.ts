// Tables of the tech-market sector module.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TechMarketTables {}
