// Bulk writes by COPY on a PostgreSQL connection (the generators of synthetic data: dossiers and
// the warehouse rows of their intake), in PostgreSQL's text format.
import { once } from 'node:events';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';

/** A value in PostgreSQL's COPY text format. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const s = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Rows into a table by COPY on a PostgreSQL connection (inside the caller's transaction). */
export async function copyInto(client: pg.ClientBase, table: string, columns: readonly string[], rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyStreams.from(`copy ${table} (${columns.join(', ')}) from stdin`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let buffer = '';
  for (const row of rows as Record<string, unknown>[]) {
    buffer += `${columns.map((c) => copyText(row[c])).join('\t')}\n`;
    if (buffer.length >= 1 << 20) {
      if (!stream.write(buffer)) await Promise.race([once(stream, 'drain'), finished]);
      buffer = '';
    }
  }
  stream.end(buffer);
  await finished;
}
