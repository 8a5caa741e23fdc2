import { create, parseDependencies, type MathNode } from 'mathjs/number';
import { exp, ln, pow } from '../portable-math.ts';

/** Longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 400;
/** Deepest nesting of an expression tree accepted. */
export const MAX_EXPRESSION_DEPTH = 24;

// Only the parser is taken from mathjs; evaluation is a closure over the checked tree.
const math = create({ parseDependencies });
const parse = math.parse;

/** Operators an expression may use, by mathjs function name. */
const OPERATORS: Record<string, (a: number, b?: number) => number | boolean> = {
  add: (a, b) => a + (b as number),
  subtract: (a, b) => a - (b as number),
  multiply: (a, b) => a * (b as number),
  divide: (a, b) => a / (b as number),
  mod: (a, b) => a - (b as number) * Math.floor(a / (b as number)),
  pow: (a, b) => pow(a, b as number),
  unaryMinus: (a) => -a,
  unaryPlus: (a) => a,
  larger: (a, b) => a > (b as number),
  largerEq: (a, b) => a >= (b as number),
  smaller: (a, b) => a < (b as number),
  smallerEq: (a, b) => a <= (b as number),
  equal: (a, b) => a === b,
  unequal: (a, b) => a !== b,
  and: (a, b) => Boolean(a) && Boolean(b),
  or: (a, b) => Boolean(a) || Boolean(b),
  not: (a) => !a,
};

/** Functions an expression may call, with their arity range. */
const FUNCTIONS: Record<string, { min: number; max: number; fn: (...a: number[]) => number }> = {
  min: { min: 1, max: 16, fn: (...a) => Math.min(...a) },
  max: { min: 1, max: 16, fn: (...a) => Math.max(...a) },
  clamp: { min: 3, max: 3, fn: (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x) },
  abs: { min: 1, max: 1, fn: Math.abs },
  sqrt: { min: 1, max: 1, fn: Math.sqrt },
  exp: { min: 1, max: 1, fn: exp },
  log: { min: 1, max: 1, fn: ln },
  floor: { min: 1, max: 1, fn: Math.floor },
  ceil: { min: 1, max: 1, fn: Math.ceil },
  round: { min: 1, max: 1, fn: Math.round },
};

/** Names of the functions allowed in expressions. */
export const ALLOWED_FUNCTIONS = Object.keys(FUNCTIONS);

/** A checked expression, ready to evaluate without touching mathjs again. */
export interface CompiledExpression {
  readonly source: string;
  /** Variables the expression reads. */
  readonly variables: readonly string[];
  evaluate(scope: Readonly<Record<string, number>>): number;
}

/** Result of compiling: the expression, or a readable reason it was refused. */
export type CompileResult = { ok: true; value: CompiledExpression } | { ok: false; error: string };

type Eval = (scope: Readonly<Record<string, number>>) => number | boolean;

/**
 * Parses `source` with mathjs and accepts it only if every node is on the allow-list:
 * numbers, the given variables, arithmetic/comparison/logical operators, `a ? b : c`,
 * parentheses and the functions in {@link ALLOWED_FUNCTIONS}. The accepted tree is
 * turned into a closure over plain numbers, so nothing an expression says can reach
 * JavaScript objects, mathjs internals or the host.
 */
export function compileExpression(source: string, allowedVariables: readonly string[]): CompileResult {
  if (typeof source !== 'string') return { ok: false, error: 'an expression must be a string' };
  if (source.length > MAX_EXPRESSION_LENGTH)
    return { ok: false, error: `expression is ${source.length} characters long; at most ${MAX_EXPRESSION_LENGTH} allowed` };
  if (source.trim() === '') return { ok: false, error: 'expression is empty' };
  let tree: MathNode;
  try {
    tree = parse(source);
  } catch (err) {
    return { ok: false, error: `cannot parse expression: ${(err as Error).message}` };
  }
  const allowed = new Set(allowedVariables);
  const used = new Set<string>();
  const fail = (msg: string): never => {
    throw new ExpressionRefused(msg);
  };
  const build = (node: MathNode, depth: number): Eval => {
    if (depth > MAX_EXPRESSION_DEPTH) fail(`expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`);
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ConstantNode': {
        const v = n.value;
        if (typeof v !== 'number' && typeof v !== 'boolean') fail(`only numbers are allowed, not ${JSON.stringify(v)}`);
        return () => v as number | boolean;
      }
      case 'SymbolNode': {
        const name = n.name as string;
        if (!allowed.has(name)) {
          if (Object.hasOwn(FUNCTIONS, name)) fail(`function "${name}" must be called with arguments`);
          const list = [...allowed];
          const hint = list.length > 6 ? `${list.slice(0, 4).join(', ')} or another output column` : list.join(', ');
          fail(`unknown variable "${name}"; allowed: ${hint}`);
        }
        used.add(name);
        return (scope) => {
          const v = scope[name];
          if (typeof v !== 'number') throw new Error(`variable "${name}" has no value`);
          return v;
        };
      }
      case 'ParenthesisNode':
        return build(n.content as MathNode, depth + 1);
      case 'ConditionalNode': {
        const c = build(n.condition as MathNode, depth + 1);
        const a = build(n.trueExpr as MathNode, depth + 1);
        const b = build(n.falseExpr as MathNode, depth + 1);
        return (scope) => (c(scope) ? a(scope) : b(scope));
      }
      case 'OperatorNode': {
        const fnName = n.fn as string;
        const op = OPERATORS[fnName];
        if (!op) fail(`operator "${String(n.op)}" is not allowed`);
        const args = (n.args as MathNode[]).map((a) => build(a, depth + 1));
        if (args.length === 1) {
          const [a] = args;
          return (scope) => op(Number(a(scope)));
        }
        if (args.length !== 2) fail(`operator "${String(n.op)}" is not allowed here`);
        const [a, b] = args;
        return (scope) => op(Number(a(scope)), Number(b(scope)));
      }
      case 'FunctionNode': {
        const callee = n.fn as MathNode & { name?: string };
        if (callee.type !== 'SymbolNode' || typeof callee.name !== 'string')
          fail('only calls of named functions are allowed');
        const name = callee.name as string;
        const spec = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
        if (!spec) fail(`function "${name}" is not allowed; allowed: ${ALLOWED_FUNCTIONS.join(', ')}`);
        const args = (n.args as MathNode[]).map((a) => build(a, depth + 1));
        if (args.length < spec!.min || args.length > spec!.max)
          fail(`function "${name}" takes ${spec!.min === spec!.max ? spec!.min : `${spec!.min}–${spec!.max}`} arguments, got ${args.length}`);
        const fn = spec!.fn;
        return (scope) => fn(...args.map((a) => Number(a(scope))));
      }
      case 'AssignmentNode':
      case 'FunctionAssignmentNode':
        return fail('assignments and function definitions are not allowed');
      default:
        return fail(`${describeNode(node.type)} is not allowed`);
    }
  };
  try {
    const root = build(tree, 0);
    const variables = [...used];
    return {
      ok: true,
      value: {
        source,
        variables,
        evaluate(scope) {
          const v = Number(root(scope));
          return v;
        },
      },
    };
  } catch (err) {
    if (err instanceof ExpressionRefused) return { ok: false, error: err.message };
    throw err;
  }
}

class ExpressionRefused extends Error {}

function describeNode(type: string): string {
  switch (type) {
    case 'AccessorNode':
      return 'property access';
    case 'IndexNode':
      return 'indexing';
    case 'ObjectNode':
      return 'an object literal';
    case 'ArrayNode':
      return 'a matrix or list';
    case 'RangeNode':
      return 'a range';
    case 'BlockNode':
      return 'more than one statement';
    default:
      return `a ${type}`;
  }
}
