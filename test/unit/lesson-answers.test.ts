import { describe, expect, it } from 'vitest';
import { ANSWER_COLUMNS, answersCsv, type LessonAnswer } from '../../src/app/lessons/lesson-answers.ts';

const answer: LessonAnswer = {
  lesson: 'claim-4-law',
  claim: 4,
  student: 'Group "A", row 2',
  lang: 'zh-CN',
  pre: 'down',
  post: 'up',
  preCorrect: false,
  postCorrect: true,
  modelDirection: 'up',
  effect: 0.0917,
  bandLow: NaN,
  bandHigh: 0.102,
  inspectAnswer: '工资更高\n但纠纷更少',
  followUpAnswer: '',
  answeredAt: '2026-12-03T14:00:00.000Z',
};

describe('lesson answers as CSV (pre/post)', () => {
  it('one header row and one row per answer, quoting commas, quotes and line breaks; an undefined number is an empty cell', () => {
    const sketched = { ...answer, student: 'C', pre: '0.75', post: '0.7', sketch: '0:0.5 2:0.6 10:0.75', postSketch: '0:0.7 2:0.7 10:0.7' };
    const csv = answersCsv([answer, { ...answer, student: 'B', post: '', postCorrect: null }, sketched]);
    const header = 'student,lesson,claim,lang,pre,preCorrect,post,postCorrect,modelDirection,effect,bandLow,bandHigh,inspectAnswer,followUpAnswer,answeredAt,sketch,postSketch';
    expect(ANSWER_COLUMNS.join(',')).toBe(header);
    expect(csv).toBe(
      `${header}\n` +
        '"Group ""A"", row 2",claim-4-law,4,zh-CN,down,false,up,true,up,0.0917,,0.102,"工资更高\n但纠纷更少",,2026-12-03T14:00:00.000Z,,\n' +
        'B,claim-4-law,4,zh-CN,down,false,,,up,0.0917,,0.102,"工资更高\n但纠纷更少",,2026-12-03T14:00:00.000Z,,\n' +
        // A sketch lesson's curves, before and after the reveal, as year:value pairs.
        'C,claim-4-law,4,zh-CN,0.75,false,0.7,true,up,0.0917,,0.102,"工资更高\n但纠纷更少",,2026-12-03T14:00:00.000Z,0:0.5 2:0.6 10:0.75,0:0.7 2:0.7 10:0.7\n',
    );
  });

  it('an empty list is the header alone', () => {
    expect(answersCsv([])).toBe(`${ANSWER_COLUMNS.join(',')}\n`);
  });
});
