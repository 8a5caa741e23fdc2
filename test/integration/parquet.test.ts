import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { coopsim } from '../helpers/cli.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { csvToParquet } from '../../src/experiment/sweep/csv-to-parquet.ts';

// `coopsim sweep --format parquet`: runs.parquet and years.parquet hold the CSV tables with
// typed columns, read back by an independent reader (hyparquet) and, where installed, by
// pyarrow and DuckDB.
let out = '';
const hasPython = (mod: string) => spawnSync('python3', ['-c', `import ${mod}`]).status === 0;

const arrayBuffer = (file: string) => {
  const b = readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'coopsim-parquet-')), 'sweep');
  const r = coopsim(['sweep', 'test/fixtures/experiments/small-grid.json', '--out', out, '--workers', '1', '--no-progress', '--format', 'parquet']);
  expect(r.stderr).toMatch(/sweep: 24 runs/);
  expect(r.status).toBe(EXIT.ok);
});

describe('sweep --format parquet', () => {
  it('writes runs and years tables equal to the CSV files, with integer, seed and metric columns typed', async () => {
    for (const name of ['runs', 'years']) {
      const csv = parse(readFileSync(join(out, `${name}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];
      const file = arrayBuffer(join(out, `${name}.parquet`));
      const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      expect(rows).toHaveLength(csv.length);
      rows.forEach((row, i) => {
        for (const [k, v] of Object.entries(csv[i])) expect(Number(row[k]), `${name} row ${i} ${k}`).toBe(Number(v));
      });
      const types = Object.fromEntries(parquetMetadata(file).schema.slice(1).map((c) => [c.name, c.type]));
      if (name === 'runs') expect(types).toMatchObject({ run_id: 'INT32', point: 'INT32', replicate: 'INT32', seed: 'INT64', 'policy.taxRelief': 'DOUBLE', mean_depth_last: 'DOUBLE' });
      else expect(types).toEqual({ run_id: 'INT32', year: 'INT32', mean_depth: 'DOUBLE', firms_cooperating_share: 'DOUBLE', fiscal_cost: 'DOUBLE' });
    }
  });

  it('keeps text as STRING and empty cells as nulls', async () => {
    const file = csvToParquet('run_id,policy.law,error\n0,year >= 3 ? 1 : 0,\n1,0.5,gave Infinity\n');
    const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    expect(await parquetReadObjects({ file: buffer })).toEqual([
      { run_id: 0, 'policy.law': 'year >= 3 ? 1 : 0', error: null },
      { run_id: 1, 'policy.law': '0.5', error: 'gave Infinity' },
    ]);
    // A metric column whose values happen to be whole numbers is still a DOUBLE.
    const whole = csvToParquet('run_id,deep_partnerships_last\n0,3\n1,4\n');
    const wholeBuffer = whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength) as ArrayBuffer;
    expect(parquetMetadata(wholeBuffer).schema.map((c) => c.type)).toEqual([undefined, 'INT32', 'DOUBLE']);
    expect(await parquetReadObjects({ file: wholeBuffer })).toEqual([
      { run_id: 0, deep_partnerships_last: 3 },
      { run_id: 1, deep_partnerships_last: 4 },
    ]);
  });

  it.skipIf(!hasPython('pyarrow'))('is read by pyarrow with the same types', () => {
    const script = join(out, 'read.py');
    writeFileSync(script, `import pyarrow.parquet as pq, sys\nt = pq.read_table(sys.argv[1])\nprint(t.num_rows, t.schema.field('seed').type, t.schema.field('mean_depth_last').type)\n`);
    const r = spawnSync('python3', [script, join(out, 'runs.parquet')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('24 int64 double');
  });

  it.skipIf(!hasPython('duckdb'))('is read by DuckDB', () => {
    const q = `import duckdb, sys\nprint(duckdb.sql(f"select count(*), count(distinct seed) from '{sys.argv[1]}'").fetchone())\n`;
    const r = spawnSync('python3', ['-c', q, join(out, 'runs.parquet')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('(24, 4)');
  });
});
