// Tables of the population module (query log, cache). See migration 0004.
export interface PopulationTables {}
