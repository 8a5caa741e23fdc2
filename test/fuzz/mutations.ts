import fc from 'fast-check';

/** Cases per fuzz property: FUZZ_RUNS from the environment (the full campaign), else a CI-sized default. */
export function fuzzRuns(ciDefault: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : ciDefault;
}

/** Time allowed for one fuzz property: long for the full campaign. */
export function fuzzTimeout(): number {
  return process.env.FUZZ_RUNS ? 60 * 60_000 : 120_000;
}

/** Seed of the fuzz run: FUZZ_SEED, else fast-check's own (printed on failure, so any case replays). */
export function fuzzSeed(): number | undefined {
  const n = Number(process.env.FUZZ_SEED);
  return Number.isInteger(n) ? n : undefined;
}

/** Nested lists `depth` deep. */
export function nested(depth: number, leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Lever expressions: valid ones, non-finite ones, known mathjs escapes, huge and deep ones. */
export const EXPRESSIONS = [
  'year >= 3 ? 0.3 : 0',
  '0.1 * year',
  'min(1, max(0, 1 - mean_depth / 4))',
  '1/0',
  '0/0',
  'NaN',
  'Infinity',
  '1e400',
  'log(0)',
  '1/(year-3)',
  'sqrt(-1)',
  'year >= 2 ? 1/(year-2) : 0',
  'log(fiscal_cost)',
  '1/firms_cooperating_share',
  'import({}, {override: true})',
  'createUnit("x")',
  'evaluate("1+1")',
  'parse("1")',
  'simplify("x")',
  'derivative("x^2", "x")',
  'f(x) = x',
  'x = 1',
  'a.b',
  'year.constructor',
  '[1,2,3]',
  'ones(100000000)',
  'zeros(10000, 10000)',
  'matrix([1,2])',
  '"text"',
  '{a: 1}',
  '1:1000000000',
  'cos(year)',
  'this',
  'constructor',
  '__proto__',
  'globalThis',
  'process.exit(1)',
  'year; year',
  '(((((((((((((((((((((((((((((year)))))))))))))))))))))))))))))',
  `${'-'.repeat(2000)}1`,
  'year'.repeat(150),
  '1+'.repeat(300) + '1',
  '',
  ' ',
  '\u0000',
  'yéar ≥ 3',
  '年',
] as const;

/** Values that break naive validation: non-finite numbers, wrong types, deep, long, odd keys. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 4294967296, -1, 0, 1, 0.5, 2, 100, 1e6, 1e9),
  fc.double(),
  fc.integer(),
  fc.constantFrom(null, true, false, '', ' ', '0', '1e309', 'NaN', '__proto__', 'constructor', '\ufeff', '\u202e', '🙂', '年'),
  fc.constantFrom(...EXPRESSIONS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(0, 1, 10, 40, 200, 5000).map((d) => nested(d)),
  fc.constantFrom(100, 20_000).map((n) => 'x'.repeat(n)),
  fc.array(fc.record({ from: fc.integer({ min: -2, max: 60 }), value: fc.oneof(fc.double({ min: -1, max: 2 }), fc.constantFrom(NaN, Infinity)) }), { maxLength: 8 }),
  fc.constantFrom(1001, 20_000).map((n) => Array.from({ length: n }, (_, i) => ({ from: i, value: 0.1 }))),
  fc.jsonValue({ maxDepth: 3 }),
  // Made afresh for each case (JSON.parse), since mutations may change what they insert.
  fc
    .constantFrom(
      '{"__proto__": {"polluted": 1}}',
      '{"constructor": {"prototype": {"polluted": 1}}}',
      '{"": 1}',
      '{"a.b": 1}',
      '{"🙂": 1}',
      '{}',
      '[]',
    )
    .map((text) => JSON.parse(text) as unknown),
);

/** A key to set or add: a real field name, or an odd one. */
export const nastyKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'a.b', ' ', '🙂', '年', '\u0000', '$schema', '0', '999999999'),
  fc.string({ maxLength: 12 }),
);

/** One mutation of an object: set a value at an existing path, add a key, delete a key. */
export type Mutation = { kind: 'set'; at: number; value: unknown } | { kind: 'add'; at: number; key: string; value: unknown } | { kind: 'delete'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: nastyValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: nastyKey, value: nastyValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
);

/** Every (container, key) of a JSON value, containers first. */
function slots(root: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  // Values a mutation put in (lists of thousands, nesting thousands deep) are not entered.
  const visit = (v: unknown, depth: number) => {
    if (typeof v !== 'object' || v === null || depth > 6) return;
    if (Array.isArray(v)) {
      if (v.length <= 16) v.forEach((x, i) => (out.push({ parent: v, key: i }), visit(x, depth + 1)));
    }
    else
      for (const k of Object.keys(v)) {
        out.push({ parent: v as Record<string, unknown>, key: k });
        visit((v as Record<string, unknown>)[k], depth + 1);
      }
  };
  visit(root, 0);
  return out;
}

/** Applies mutations to a deep copy of `base`; `__proto__` keys are made own properties, as JSON.parse does. */
export function mutate<T>(base: T, mutations: readonly Mutation[]): unknown {
  const root = structuredClone(base) as unknown;
  for (const m of mutations) {
    const all = slots(root);
    const containers = [root, ...all.map((s) => (s.parent as Record<string, unknown>)[s.key as string])].filter(
      (c): c is Record<string, unknown> => typeof c === 'object' && c !== null && !Array.isArray(c),
    );
    if (m.kind === 'set' && all.length > 0) {
      const s = all[m.at % all.length];
      (s.parent as Record<string, unknown>)[s.key as string] = m.value;
    } else if (m.kind === 'add' && containers.length > 0) {
      Object.defineProperty(containers[m.at % containers.length], m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (m.kind === 'delete' && all.length > 0) {
      const s = all[m.at % all.length];
      if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
      else delete s.parent[s.key as string];
    }
  }
  return root;
}
