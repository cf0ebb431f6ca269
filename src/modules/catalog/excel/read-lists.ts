// The sheets of a procedure's lists (dossier components, fees, workflow steps, legal basis,
// publication decisions), linked to their procedure by its code.
import type { Row, SheetReader } from './cells.ts';
import { SHEETS, type SheetKey } from './layout.ts';
import type { ProcedureRows } from './read-procedures.ts';

/** The procedure a row of another sheet belongs to (by its «Mã TTHC»), or undefined (reported). */
export function ownerOf(reader: SheetReader, rows: ProcedureRows, r: Row): number | undefined {
  const code = reader.str(r, 'code', true);
  if (!code) return undefined;
  const index = rows.byCode.get(code);
  if (index === undefined) {
    reader.cellError(r.ref('code'), 'unknown_procedure', {
      vi: `Mã TTHC ${code} không có trên trang «${SHEETS.procedures.name}».`,
      en: `Procedure code ${code} is not on sheet “${SHEETS.procedures.name}”.`,
    });
  }
  return index;
}

export const contentOf = (rows: ProcedureRows, i: number) => rows.procedures[i]!.content as Record<string, unknown>;

/**
 * Reads the rows of one list sheet into `content[list]` of their procedures: `cells` maps pointers
 * inside an item to columns (the first is the item's own cell), `item` builds the item.
 */
function readList(
  reader: SheetReader,
  rows: ProcedureRows,
  sheet: SheetKey,
  list: string,
  cells: ReadonlyArray<readonly [pointer: string, column: string]>,
  item: (r: Row) => Record<string, unknown>,
) {
  for (const r of reader.rowsOf(sheet)) {
    const i = ownerOf(reader, rows, r);
    if (i === undefined) continue;
    const items = contentOf(rows, i)[list] as unknown[];
    const base = `/content/${list}/${items.length}`;
    const m = rows.mapping[i]!;
    m.set(base, r.ref(cells[0]![1]));
    // A missing or wrong workflow as a whole is reported at its first step.
    if (list === 'steps' && items.length === 0) m.set('/content/steps', r.ref(cells[0]![1]));
    for (const [p, k] of cells) m.set(base + p, r.ref(k));
    items.push(item(r));
  }
}

export function readListSheets(reader: SheetReader, rows: ProcedureRows): void {
  const { str, num, vocab, bool, words, date } = reader;
  const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});

  readList(
    reader,
    rows,
    'components',
    'components',
    [['/code', 'componentCode'], ['/name', 'name'], ['/requirement', 'requirement'], ['/condition', 'condition'], ['/originals', 'originals'], ['/copies', 'copies'], ['/acceptedFormats', 'formats'], ['/warehouseDocumentTypes', 'warehouse'], ['/replacedByPopulationData', 'population'], ['/templateRef', 'template']],
    (r) => ({
      code: str(r, 'componentCode', true),
      name: str(r, 'name', true),
      requirement: vocab(r, 'requirement', 'requirement', true),
      ...optional('condition', str(r, 'condition')),
      originals: num(r, 'originals', true),
      copies: num(r, 'copies', true),
      acceptedFormats: words(r, 'formats').map((f) => f.toLowerCase().replace(/^\./, '')),
      warehouseDocumentTypes: words(r, 'warehouse'),
      replacedByPopulationData: bool(r, 'population'),
      ...optional('templateRef', str(r, 'template')),
    }),
  );
  readList(
    reader,
    rows,
    'fees',
    'fees',
    [['/code', 'feeCode'], ['/name', 'name'], ['/kind', 'kind'], ['/amountVnd', 'amount'], ['/basis', 'basis']],
    (r) => ({ code: str(r, 'feeCode', true), name: str(r, 'name', true), kind: vocab(r, 'kind', 'feeKind', true), amountVnd: num(r, 'amount', true), ...optional('basis', str(r, 'basis')) }),
  );
  readList(
    reader,
    rows,
    'steps',
    'steps',
    [['/kind', 'kind'], ['/name', 'name'], ['/role', 'role'], ['/unitId', 'unitId'], ['/budget', 'value'], ['/budget/value', 'value'], ['/budget/unit', 'unit']],
    (r) => ({
      kind: vocab(r, 'kind', 'stepKind', true),
      ...optional('name', str(r, 'name')),
      role: vocab(r, 'role', 'stepRole', true),
      ...optional('unitId', str(r, 'unitId')),
      budget: { value: num(r, 'value', true), unit: vocab(r, 'unit', 'timeUnit', true) },
    }),
  );
  readList(
    reader,
    rows,
    'legal',
    'legalBasis',
    [['/number', 'number'], ['/title', 'title'], ['/issuedOn', 'issuedOn'], ['/effectiveFrom', 'effectiveFrom']],
    (r) => ({ number: str(r, 'number', true), title: str(r, 'title', true), ...optional('issuedOn', date(r, 'issuedOn')), effectiveFrom: date(r, 'effectiveFrom', true) }),
  );
  readList(
    reader,
    rows,
    'decisions',
    'publicationDecisions',
    [['/number', 'number'], ['/decidedOn', 'decidedOn'], ['/kind', 'kind'], ['/publishedOn', 'publishedOn']],
    (r) => ({ number: str(r, 'number', true), decidedOn: date(r, 'decidedOn', true), kind: vocab(r, 'kind', 'decisionKind', true), ...optional('publishedOn', date(r, 'publishedOn')) }),
  );
}
