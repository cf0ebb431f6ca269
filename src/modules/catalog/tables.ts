// Tables of the catalog module (procedures, versions, e-forms). See migrations 0003.
export interface CatalogTables {}
