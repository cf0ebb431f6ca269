// The «Thủ tục» sheet: one procedure per row, and where each value of its content came from.
import type { CellRef, SheetReader } from './cells.ts';
import { match, VOCABULARIES } from './layout.ts';

/** What the rows of the procedures sheet give: the procedures so far, and their cells by content pointer. */
export interface ProcedureRows {
  procedures: Array<Record<string, unknown>>;
  /** For each procedure: the cell each JSON pointer (into the exchange procedure) came from. */
  mapping: Array<Map<string, CellRef>>;
  /** Procedure code → index in `procedures`. */
  byCode: Map<string, number>;
}

/** Where each value of a procedure row goes in the content (pointer → column key). */
const PROCEDURE_CELLS: ReadonlyArray<readonly [pointer: string, column: string]> = [
  ['', 'code'],
  ['/code', 'code'],
  ['/codeStatus', 'demo'],
  ['/ownerUnitId', 'ownerUnitId'],
  ['/content', 'name'],
  ['/content/name', 'name'],
  ['/content/nameEn', 'nameEn'],
  ['/content/field/code', 'fieldCode'],
  ['/content/field/name', 'fieldName'],
  ['/content/field', 'fieldCode'],
  ['/content/level', 'level'],
  ['/content/implementingUnits', 'units'],
  ['/content/subjects/kinds', 'subjectKinds'],
  ['/content/subjects/origins', 'subjectOrigins'],
  ['/content/subjects', 'subjectKinds'],
  ['/content/onlineLevel', 'onlineLevel'],
  ['/content/fullOnlineEligible', 'fullOnlineEligible'],
  ['/content/methods/channels', 'channels'],
  ['/content/methods/description', 'methodsDescription'],
  ['/content/methods', 'channels'],
  ['/content/sequence', 'sequence'],
  ['/content/requirements', 'requirements'],
  ['/content/processingTime', 'timeValue'],
  ['/content/processingTime/unit', 'timeUnit'],
  ['/content/processingTime/skipDaysOff', 'skipDaysOff'],
  ['/content/processingTime/online', 'onlineTimeValue'],
  ['/content/processingTime/online/unit', 'onlineTimeUnit'],
  ['/content/processingTime/note', 'timeNote'],
  ['/content/result', 'producesDocument'],
  ['/content/result/name', 'resultName'],
  ['/content/result/templateRef', 'resultTemplate'],
  ['/content/result/documentType', 'resultType'],
  ['/content/eform', 'eformJson'],
];

type Row = ReturnType<SheetReader['rowsOf']>[number];

/** «Cơ quan thực hiện»: «unit id: role» per line or separated by semicolons. */
function implementingUnitsOf(reader: SheetReader, r: Row) {
  const { str, cellError } = reader;
  const implementingUnits: Array<{ unitId: string; role: string }> = [];
  for (const part of (str(r, 'units') ?? '').split(/[;\n]/).map((s) => s.trim()).filter(Boolean)) {
    const [id, roleText] = part.split(':').map((s) => s.trim());
    const role = roleText ? match('unitRole', roleText) : 'decides';
    if (!id || !role) {
      cellError(r.ref('units'), 'bad_unit', {
        vi: `«${part}» phải có dạng «mã đơn vị: vai trò» (vai trò: ${VOCABULARIES.unitRole.map(([l]) => l).join(', ')}).`,
        en: `“${part}” must be “unit id: role” (role: ${VOCABULARIES.unitRole.map(([l, v]) => `${l} (${v})`).join(', ')}).`,
      });
      continue;
    }
    implementingUnits.push({ unitId: id, role });
  }
  return implementingUnits;
}

/** The time limit columns: value and unit, the online limit, the note. */
function processingTimeOf(reader: SheetReader, r: Row): Record<string, unknown> | undefined {
  const { str, num, vocab, bool } = reader;
  const timeValue = num(r, 'timeValue');
  const timeUnit = vocab(r, 'timeUnit', 'timeUnit');
  const onlineValue = num(r, 'onlineTimeValue');
  const onlineUnit = vocab(r, 'onlineTimeUnit', 'timeUnit');
  if (timeValue === undefined && timeUnit === undefined) return undefined;
  if (timeValue === undefined) str(r, 'timeValue', true);
  if (timeUnit === undefined) str(r, 'timeUnit', true);
  const note = str(r, 'timeNote');
  return {
    value: timeValue,
    unit: timeUnit,
    skipDaysOff: bool(r, 'skipDaysOff'),
    ...(onlineValue !== undefined || onlineUnit !== undefined ? { online: { value: onlineValue, unit: onlineUnit ?? timeUnit } } : {}),
    ...(note ? { note } : {}),
  };
}

/** An e-form pasted as JSON in its column (else it comes from the Biểu mẫu sheets). */
function eformJsonOf(reader: SheetReader, r: Row): unknown {
  const eformJson = reader.str(r, 'eformJson');
  if (!eformJson) return undefined;
  try {
    return JSON.parse(eformJson);
  } catch {
    reader.cellError(r.ref('eformJson'), 'bad_json', { vi: 'Biểu mẫu điện tử (JSON) không đúng cú pháp JSON.', en: 'The e-form JSON cannot be parsed.' });
    return undefined;
  }
}

/** The procedures of the «Thủ tục» sheet, with empty lists that the other sheets fill. */
export function readProcedureRows(reader: SheetReader): ProcedureRows {
  const { str, vocab, bool, vocabList, cellError } = reader;
  const mapping: Array<Map<string, CellRef>> = [];
  const byCode = new Map<string, number>();
  const procedures: Array<Record<string, unknown>> = [];
  const procRows = reader.rowsOf('procedures');
  for (const r of procRows) {
    const code = str(r, 'code', true);
    const index = procedures.length;
    mapping.push(new Map(PROCEDURE_CELLS.map(([pointer, key]) => [pointer, r.ref(key)])));
    const implementingUnits = implementingUnitsOf(reader, r);
    const processingTime = processingTimeOf(reader, r);
    const eform = eformJsonOf(reader, r);
    const nameEn = str(r, 'nameEn');
    const description = str(r, 'methodsDescription');
    const requirements = str(r, 'requirements');
    const resultName = str(r, 'resultName');
    const resultTemplate = str(r, 'resultTemplate');
    const resultType = str(r, 'resultType');
    procedures.push({
      code,
      codeStatus: bool(r, 'demo') ? 'demo' : 'verified',
      ownerUnitId: str(r, 'ownerUnitId', true),
      content: {
        name: str(r, 'name', true),
        ...(nameEn ? { nameEn } : {}),
        field: { code: str(r, 'fieldCode', true), name: str(r, 'fieldName', true) },
        level: vocab(r, 'level', 'level', true),
        implementingUnits,
        subjects: { kinds: vocabList(r, 'subjectKinds', 'subjectKind'), origins: vocabList(r, 'subjectOrigins', 'subjectOrigin') },
        onlineLevel: vocab(r, 'onlineLevel', 'onlineLevel', true),
        fullOnlineEligible: bool(r, 'fullOnlineEligible', true),
        methods: { channels: vocabList(r, 'channels', 'channel'), ...(description ? { description } : {}) },
        sequence: (str(r, 'sequence') ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
        ...(requirements ? { requirements } : {}),
        ...(processingTime ? { processingTime } : {}),
        fees: [],
        components: [],
        result: {
          producesDocument: bool(r, 'producesDocument', true),
          ...(resultName ? { name: resultName } : {}),
          ...(resultTemplate ? { templateRef: resultTemplate } : {}),
          ...(resultType ? { documentType: resultType } : {}),
        },
        steps: [],
        eform,
        legalBasis: [],
        publicationDecisions: [],
      },
    });
    if (code) {
      if (byCode.has(code)) {
        cellError(r.ref('code'), 'duplicate_code', {
          vi: `Mã TTHC ${code} đã có ở dòng ${procRows[byCode.get(code)!]?.row}.`,
          en: `Procedure code ${code} is already on row ${procRows[byCode.get(code)!]?.row}.`,
        });
      } else byCode.set(code, index);
    }
  }
  return { procedures, mapping, byCode };
}
