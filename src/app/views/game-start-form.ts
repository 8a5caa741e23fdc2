import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import { roundShare } from '../state/game-state.ts';

/**
 * Start a trajectory without a pointer: the two shares typed in and an Add button, the
 * keyboard's way to do what a click in the square does.
 */
export function gameStartForm(ctx: AppContext, add: (start: [number, number]) => void): HTMLElement {
  const { t } = ctx;
  const field = (cls: string, label: string) =>
    h('label', { class: 'abm-field' }, label, h('input', { type: 'number', class: cls, min: 0.01, max: 0.99, step: 0.01, value: '0.5' }));
  const xField = field('start-x', t('game.axis.x'));
  const yField = field('start-y', t('game.axis.y'));
  const status = h('p', { class: 'start-status help' });
  const read = (f: HTMLElement) => roundShare(Number(f.querySelector('input')?.value));
  const submit = () => {
    const x = read(xField);
    const y = read(yField);
    if (!(x > 0 && x < 1 && y > 0 && y < 1)) {
      status.textContent = t('game.start.bad');
      return;
    }
    status.textContent = '';
    add([x, y]);
  };
  return h(
    'fieldset',
    { class: 'game-start-form' },
    h('legend', {}, t('game.start.legend')),
    h('div', { class: 'abm-fields' }, xField, yField),
    h('div', { class: 'game-buttons' }, h('button', { type: 'button', class: 'add-start', onclick: submit }, t('game.start.add'))),
    status,
  );
}
