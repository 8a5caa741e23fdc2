import { describe, expect, it } from 'vitest';
import { engineMessage } from '../../src/app/i18n/engine-messages.ts';
import { compileExpression } from '../../src/model/params/expression.ts';
import { EXPRESSION_VARIABLES } from '../../src/model/metrics.ts';
import { decodeUrl } from '../../src/app/url/url-codec.ts';
import { nonFiniteText } from '../../src/scenario/lever-check.ts';
import { formatProblems, parseScenarioText } from '../../src/scenario/parse.ts';

const HAN = /[\u4e00-\u9fff]/;

describe('messages of the checks in Chinese', () => {
  const refused = ['foo + 1', 'sin(year)', 'a = 1', 'x.y', '[1, 2]', '1:3', 'year; year', 'max()', '', '1 +', 'f(x) = x', 'year[1]'];

  it('translates every message of the expression sandbox, keeping the names it quotes', () => {
    for (const src of refused) {
      const r = compileExpression(src, EXPRESSION_VARIABLES);
      expect(r.ok, src).toBe(false);
      if (r.ok) continue;
      const zh = engineMessage(r.error, 'zh-CN');
      expect(zh, r.error).toMatch(HAN);
      expect(zh, r.error).not.toMatch(/\b(is not allowed|allowed:|unknown variable|cannot parse|expression is)\b/);
      expect(engineMessage(r.error, 'en')).toBe(r.error);
    }
    const unknown = compileExpression('foo + 1', EXPRESSION_VARIABLES);
    expect(!unknown.ok && engineMessage(unknown.error, 'zh-CN')).toMatch(/^未知变量“foo”；可用的有：.* 或其他输出列$/);
    expect(engineMessage(nonFiniteText('1/(year-3)', { year: 3, value: Infinity }), 'zh-CN')).toBe('1/(year-3) 在第 3 年不是有限数（得到 Infinity）');
  });

  it('translates the link checks’ details and the model’s run error', () => {
    const { problems } = decodeUrl('?n=5&tab=nope&ey=999&sel=q1&cmp=x&law=foo&taxRelief=3&game.V=99&game.starts=0.5:2&game.abm=7');
    const details = problems.flatMap((p) => (p.kind === 'bad-value' ? [p.detail] : []));
    expect(details.length).toBeGreaterThanOrEqual(8);
    for (const d of details) expect(engineMessage(d, 'zh-CN'), d).toMatch(HAN);
    expect(engineMessage('policy.taxRelief: expression "1/0" gave Infinity in year 2; the run stopped there', 'zh-CN')).toBe(
      'policy.taxRelief：表达式 "1/0" 在第 2 年得到 Infinity，运行在那一年停止',
    );
  });

  it('translates a scenario file’s problems line by line, keeping each path', () => {
    const r = parseScenarioText(JSON.stringify({ policy: { taxRelief: 3, nope: 1 }, years: 'x' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = engineMessage(formatProblems(r.problems), 'zh-CN').split('\n');
    for (const line of lines) expect(line).toMatch(HAN);
    expect(lines.some((l) => l.startsWith('policy.taxRelief：'))).toBe(true);
  });

  it('leaves a message it does not know as it is', () => {
    expect(engineMessage('something new went wrong', 'zh-CN')).toBe('something new went wrong');
  });
});
