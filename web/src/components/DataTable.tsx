// A data table that works on a phone: on a wide screen a table (scrolling sideways inside its
// own focusable region when it is wider than the page); on a narrow one, with `stack`, each row
// becomes a card of "header: value" lines, so that no column is hidden. The table roles are set
// explicitly so that screen readers keep reading it as a table when its layout changes.
import type { ReactNode } from 'react';

export interface Column<R> {
  id: string;
  header: ReactNode;
  /** The header as text, shown before the value when rows are stacked (default: `header` if it is a string). */
  label?: string;
  cell(row: R): ReactNode;
  /** Numbers: right-aligned, tabular figures. */
  numeric?: boolean;
  /** This column names the row (a row header). */
  rowHeader?: boolean;
  className?: string;
}

export function DataTable<R>({
  id,
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  stack = true,
  footer,
}: {
  id?: string;
  caption: ReactNode;
  captionHidden?: boolean;
  columns: ReadonlyArray<Column<R>>;
  rows: readonly R[];
  rowKey(row: R, index: number): string;
  /** Stack the rows on a narrow screen (default); otherwise the table scrolls sideways. */
  stack?: boolean;
  /** A last row (totals), as the rows are. */
  footer?: R;
}) {
  const captionId = `${id ?? 'table'}-caption`;
  const labelOf = (c: Column<R>) => c.label ?? (typeof c.header === 'string' ? c.header : '');
  const cells = (row: R) =>
    columns.map((c) => {
      const className = [c.numeric ? 'num' : '', c.rowHeader ? 'row-label' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
      return c.rowHeader ? (
        <th key={c.id} scope="row" role="rowheader" className={className} data-label={labelOf(c)}>
          {c.cell(row)}
        </th>
      ) : (
        <td key={c.id} role="cell" className={className} data-label={labelOf(c)}>
          {c.cell(row)}
        </td>
      );
    });
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className={`data-table${stack ? ' data-table--stack' : ''}`} id={id} role="table">
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((c) => (
              <th key={c.id} scope="col" role="columnheader" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} role="row">
              {cells(row)}
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot role="rowgroup">
            <tr role="row">{cells(footer)}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
