import type { Command } from 'commander';
import type { AnalyseGameOptions, GameReport, Shares } from '../../analysis/game/analyse-game.ts';
import type { Eigenvalue } from '../../analysis/game/eigenvalues.ts';
import { GOVERNMENT_PARAMS, TWO_POPULATION_PARAMS, type GameParamName } from '../../analysis/game/game-params.ts';
import { gameSchema, parseGameFile, type GameFile } from '../../analysis/game/game-schema.ts';
import { formatProblems } from '../../scenario/problem.ts';
import { issuesToProblems } from '../../scenario/zod-issues.ts';
import { show } from '../../model/params/fields.ts';
import { readJsonFile } from '../read-json.ts';
import { UserError } from '../user-error.ts';

interface GameCliOptions {
  json?: boolean;
  threshold?: string;
  from?: string;
  to?: string;
  agents?: string;
  reps: string;
  M: string;
  seed: string;
  basin?: string;
  scenario?: string;
  year?: string;
  government?: boolean;
  workers?: string;
}

/** `coopsim game FILE.json`: the mean-field evolutionary game of docs/ODD.md (Mean-field companion). */
export function registerGame(program: Command): void {
  program
    .command('game')
    .description(
      'analyse the mean-field evolutionary game (docs/ODD.md, Mean-field companion): equilibria and their stability, the trajectory ' +
        'from the start shares, optionally a tipping threshold, the basin of (1,1) and an agent-based ensemble',
    )
    .argument('[file]', 'game JSON file (V, alpha, Cs, Ce, gs, ge, q, x0, y0, tmax, optional government); or --scenario')
    .option('--scenario <file>', 'derive the game from a scenario\'s own payoff items instead of a game file (docs/ODD.md, The scenario\'s own game)')
    .option('--year <y>', 'with --scenario: the year whose lever values are used', '0')
    .option('--government', 'with --scenario: derive the three-population game (government rewards and penalties)')
    .option('--json', 'print one JSON object instead of the readable report')
    .option('--threshold <param>', `tipping threshold of a parameter (${[...TWO_POPULATION_PARAMS, ...GOVERNMENT_PARAMS].join(', ')}; with --scenario a lever: taxRelief, subsidyPerInternMonth)`)
    .option('--from <value>', 'lower end of the threshold search range')
    .option('--to <value>', 'upper end of the threshold search range')
    .option('--agents <n>', 'run the agent-based game with N agents per population')
    .option('--reps <r>', 'agent-based runs (seeds) in the ensemble', '20')
    .option('--M <m>', 'synchronous imitation sweeps per time unit', '10')
    .option('--seed <s>', 'master seed of the agent-based ensemble', '1')
    .option('--basin <n>', 'basin of (1,1) on an n × n grid of start shares')
    .option('--workers <n>', 'threads that run the agent-based runs (default: the available cores)')
    .action(async (file: string | undefined, opts: GameCliOptions) => {
      if (opts.scenario !== undefined) {
        const { runScenarioGame } = await import('./game-scenario.ts');
        process.stdout.write(await runScenarioGame(file, { ...opts, scenario: opts.scenario }, formatGameReport));
        return;
      }
      if (file === undefined) throw new UserError('give a game file or --scenario FILE');
      if (opts.government) throw new UserError('--government needs --scenario (a game file has a "government" object instead)');
      const parsed = parseGameFile(readJsonFile(file));
      if (!parsed.ok) throw new UserError(`${file}: ${formatProblems(parsed.problems).split('\n').join('; ')}`);
      const options = cliOptions(parsed.value, opts);
      // Loaded here, not at start: the eigenvalue solver brings most of mathjs, which every
      // other command would otherwise parse before doing anything.
      const { analyseGame } = await import('../../analysis/game/analyse-game.ts');
      const { runGameAbmThreads } = await import('../run-game-abm.ts');
      const abm = options.abm && (await runGameAbmThreads(parsed.value, options.abm, opts.workers));
      const report = analyseGame(parsed.value, options, abm);
      if (report.abm && report.abm.maxImitationProbability > 1)
        process.stderr.write(
          `coopsim: warning: payoff differences reach ${report.abm.maxImitationProbability.toFixed(2)} × M; ` +
            'imitation probabilities are clipped to 1, so the agent-based runs lag the ODE (raise --M)\n',
        );
      process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatGameReport(report));
    });
}

function numberOption(flag: string, text: string | undefined, min: number, max: number, integer: boolean): number {
  const v = Number(text);
  const what = `${integer ? 'an integer ' : 'a number '}${max === Infinity ? `of at least ${min}` : `in ${min}–${max}`}`;
  if (text === undefined || text.trim() === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < min || v > max)
    throw new UserError(`${flag}: ${show(text)} is not valid; expected ${what}`);
  return v;
}

function cliOptions(file: GameFile, opts: GameCliOptions): AnalyseGameOptions {
  const out: AnalyseGameOptions = {};
  if (opts.threshold !== undefined) {
    const names: readonly string[] = [...TWO_POPULATION_PARAMS, ...(file.government ? GOVERNMENT_PARAMS : [])];
    if (!names.includes(opts.threshold)) {
      const hint = (GOVERNMENT_PARAMS as readonly string[]).includes(opts.threshold) ? ' (it needs a "government" object in the file)' : '';
      throw new UserError(`--threshold: ${show(opts.threshold)} is not a parameter of this game${hint}; allowed: ${names.join(', ')}`);
    }
    const param = opts.threshold as GameParamName;
    if (opts.from === undefined || opts.to === undefined) throw new UserError('--threshold needs --from and --to');
    const from = numberOption('--from', opts.from, -Infinity, Infinity, false);
    const to = numberOption('--to', opts.to, -Infinity, Infinity, false);
    if (!(to > from)) throw new UserError(`--to: ${to} must be larger than --from ${from}`);
    checkParamValue(file, param, from, '--from');
    checkParamValue(file, param, to, '--to');
    out.threshold = { param, from, to };
  } else if (opts.from !== undefined || opts.to !== undefined) {
    throw new UserError('--from and --to need --threshold PARAM');
  }
  if (opts.agents !== undefined) {
    out.abm = {
      agents: numberOption('--agents', opts.agents, 1, 1_000_000, true),
      reps: numberOption('--reps', opts.reps, 1, 100_000, true),
      M: numberOption('--M', opts.M, 1, 100_000, true),
      seed: numberOption('--seed', opts.seed, 0, 2 ** 32 - 1, true),
    };
  }
  if (opts.basin !== undefined) out.basin = numberOption('--basin', opts.basin, 1, 200, true);
  return out;
}

/** Checks a threshold search bound against the parameter's allowed range in the schema. */
function checkParamValue(file: GameFile, param: GameParamName, value: number, flag: string): void {
  const candidate = (GOVERNMENT_PARAMS as readonly string[]).includes(param)
    ? { ...file, government: { ...file.government, [param]: value } }
    : { ...file, [param]: value };
  const r = gameSchema.safeParse(candidate, { reportInput: true });
  if (!r.success) throw new UserError(`${flag}: ${formatProblems(issuesToProblems(gameSchema, r.error.issues)).split('\n').join('; ')}`);
}

const f3 = (v: number) => v.toFixed(3);
const g4 = (v: number) => String(Number(v.toPrecision(4)));

function eig(e: Eigenvalue): string {
  if (typeof e === 'number') return g4(e);
  return `${g4(e.re)} ${e.im < 0 ? '−' : '+'} ${g4(Math.abs(e.im))}i`;
}

function sharesText(s: Shares): string {
  return `x = ${f3(s.x)}, y = ${f3(s.y)}${s.z === undefined ? '' : `, z = ${f3(s.z)}`}`;
}

/** The readable report of `coopsim game` (without --json). */
export function formatGameReport(r: GameReport): string {
  const three = r.start.z !== undefined;
  const p = r.params;
  const lines: string[] = [];
  lines.push(`Mean-field game: ${r.name}${r.description ? ` — ${r.description}` : ''}`);
  lines.push(
    `Populations: schools (x = share deep), firms (y = share deep)${three ? ', government (z = share active)' : ''}`,
  );
  lines.push(
    `Payoff terms: αV = ${g4(p.alpha * p.V)}, Cs − gs = ${g4(p.Cs - p.gs)}, ` +
      `q(1−α)V = ${g4(p.q * (1 - p.alpha) * p.V)}, Ce − ge = ${g4(p.Ce - p.ge)}`,
  );
  if (p.government) {
    const g = p.government;
    lines.push(`Government: Cg = ${g4(g.Cg)}, Gs = ${g4(g.Gs)}, Se = ${g4(g.Se)}, Fs = ${g4(g.Fs)}, Fe = ${g4(g.Fe)}, L = ${g4(g.L)}`);
  }
  lines.push('', 'Equilibria');
  for (const e of r.equilibria) {
    const at = `(${[e.x, e.y, ...(e.z === undefined ? [] : [e.z])].map(g4).join(', ')})`;
    lines.push(`  ${at.padEnd(24)} ${e.kind.padEnd(15)} ${e.stable ? 'stable  ' : 'unstable'}  eigenvalues ${e.eigenvalues.map(eig).join(', ')}`);
    if (e.checks.length > 0) {
      const checks = e.checks.map((c) => `${c.text} (${g4(c.lhs)} vs ${g4(c.rhs)}: ${c.holds ? 'holds' : 'fails'})`);
      lines.push(`      stable when ${checks.join(' and ')}`);
    } else {
      lines.push(`      ${e.condition}`);
    }
  }
  lines.push('', `Trajectory from ${sharesText(r.start)}`);
  lines.push(`  ${'t'.padStart(6)}  ${'x'.padStart(6)}  ${'y'.padStart(6)}${three ? `  ${'z'.padStart(6)}` : ''}`);
  const tmax = r.trajectory[r.trajectory.length - 1].t;
  const every = tmax <= 10 ? 1 : Math.ceil(tmax / 10);
  for (const s of r.trajectory) {
    if (Math.abs(s.t / every - Math.round(s.t / every)) > 1e-9 && s.t !== tmax) continue;
    lines.push(`  ${s.t.toFixed(1).padStart(6)}  ${f3(s.x).padStart(6)}  ${f3(s.y).padStart(6)}${three ? `  ${f3(s.z ?? 0).padStart(6)}` : ''}`);
  }
  lines.push(`Final at t = ${g4(tmax)}: ${sharesText(r.final)}`);
  lines.push(
    r.limit.equilibrium
      ? `Long run: reaches ${r.limit.equilibrium} (within 1e-6 by t = ${g4(r.limit.t)})`
      : `Long run: no stable equilibrium reached by t = ${g4(r.limit.t)}; ends near ${sharesText(r.limit)}`,
  );
  if (r.thresholdParam !== undefined && r.thresholdRange) {
    const [a, b] = r.thresholdRange;
    lines.push(
      '',
      r.threshold === null || r.threshold === undefined
        ? `Tipping threshold of ${r.thresholdParam} in [${a}, ${b}]: none (the start never ends at full deep cooperation)`
        : `Tipping threshold of ${r.thresholdParam} in [${a}, ${b}]: ${r.threshold.toFixed(3)} ` +
            `(the smallest value from which the start ends at full deep cooperation, ±0.001)`,
    );
  }
  if (r.basin) {
    lines.push('', `Basin of full deep cooperation on a ${r.basin.n} × ${r.basin.n} grid: ${(r.basin.share * 100).toFixed(1)}% of starts`);
    lines.push('  (rows: firms\' start share from 1 down to 0; columns: schools\' from 0 to 1; # = ends deep)');
    for (const row of r.basin.rows) lines.push(`  ${row.replace(/1/g, '#').replace(/0/g, '.')}`);
  }
  if (r.abm) {
    const a = r.abm;
    lines.push(
      '',
      `Agent-based ensemble: ${a.reps} runs × ${a.agents} agents per population, M = ${a.M} sweeps per time unit, seed ${a.seed}`,
    );
    const cols = three ? (['x', 'y', 'z'] as const) : (['x', 'y'] as const);
    lines.push(`  ${'t'.padStart(6)}${cols.map((c) => `  ${`${c} ODE`.padStart(6)}  ${`${c} ABM ± sd`.padStart(14)}`).join('')}`);
    for (let k = 0; k < a.mean.length; k++) {
      const t = a.mean[k].t;
      if (Math.abs(t / every - Math.round(t / every)) > 1e-9 && t !== tmax) continue;
      const o = r.trajectory[k];
      const cell = (m: number, s: number) => `${f3(m)} ± ${f3(s)}`.padStart(14);
      const row = cols.map((c) => `  ${f3(o[c] ?? 0).padStart(6)}  ${cell(a.mean[k][c] ?? 0, a.sd[k][c] ?? 0)}`).join('');
      lines.push(`  ${t.toFixed(1).padStart(6)}${row}`);
    }
    lines.push(
      `  largest |ABM mean − ODE| on the 0.1 grid: ${f3(a.maxAbsDiffFromOde)} ` +
        `(the mean follows the ODE's Euler step 1/M; the gap shrinks with larger --M)`,
    );
    lines.push(`  runs ending with schools and firms at least 90% deep: ${(a.endedDeep * 100).toFixed(0)}%`);
  }
  return `${lines.join('\n')}\n`;
}
