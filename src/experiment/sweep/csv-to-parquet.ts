import { parse } from 'csv-parse/sync';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';

/** Integer columns of the sweep tables and their Parquet type; every other number is a DOUBLE. */
const INTEGER_COLUMNS: Readonly<Record<string, 'INT32' | 'INT64'>> = { run_id: 'INT32', point: 'INT32', replicate: 'INT32', year: 'INT32', seed: 'INT64' };

/**
 * The Parquet column of CSV cells: the integer columns by name; DOUBLE when every value is
 * a number (so a column's type never depends on the values a sweep happened to produce);
 * else STRING. Empty cells are nulls.
 */
function columnOf(name: string, cells: string[]): ColumnSource {
  const nullable = cells.some((c) => c === '');
  const integer = INTEGER_COLUMNS[name];
  if (integer === 'INT32') return { name, type: 'INT32', nullable, data: cells.map((c) => (c === '' ? null : Number(c))) };
  if (integer === 'INT64') return { name, type: 'INT64', nullable, data: cells.map((c) => (c === '' ? null : BigInt(c))) };
  const numeric = cells.every((c) => c === '' || c === 'NaN' || (c.trim() !== '' && !Number.isNaN(Number(c))));
  if (numeric) return { name, type: 'DOUBLE', nullable, data: cells.map((c) => (c === '' ? null : Number(c))) };
  return { name, type: 'STRING', nullable, data: cells.map((c) => (c === '' ? null : c)) };
}

/**
 * A CSV table (header row first) as a Parquet file with typed columns, for pandas, pyarrow,
 * DuckDB, R arrow and Polars: ids and years as INT32, seeds as INT64, other numbers as
 * DOUBLE, text (factor expressions, errors) as STRING; empty cells are nulls.
 */
export function csvToParquet(csv: string): Uint8Array {
  const rows = parse(csv, { relax_column_count: false }) as string[][];
  if (rows.length === 0) throw new Error('the CSV table has no header row');
  const [header, ...body] = rows;
  const columnData = header.map((name, j) => columnOf(name, body.map((r) => r[j])));
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'coopsim' }));
}
