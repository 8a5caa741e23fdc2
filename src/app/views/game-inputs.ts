import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { ABM_FIELDS, GameSliderSpec } from '../state/game-state.ts';

/** A slider of the game panel and the elements that show its value. */
export interface GameSlider {
  element: HTMLElement;
  input: HTMLInputElement;
  out: HTMLOutputElement;
}

/** The slider of one game parameter; `onInput` gets each new value as the slider moves. */
export function gameSlider(ctx: AppContext, s: GameSliderSpec, value: number, onInput: (value: number) => void): GameSlider {
  const { t, fmt } = ctx;
  const label = t(`game.param.${s.name}` as MessageKey);
  const out = h('output', { class: 'value' }, fmt.number(value, 2));
  const input = h('input', {
    type: 'range',
    min: s.min,
    max: s.max,
    step: s.step,
    value: String(value),
    'aria-label': label,
    'data-param': s.name,
    oninput: () => {
      out.textContent = fmt.number(Number(input.value), 2);
      onInput(Number(input.value));
    },
  });
  const element = h('div', { class: 'control game-param', 'data-param': s.name }, h('div', { class: 'control-head' }, h('label', { class: 'control-label' }, label), out), input);
  return { element, input, out };
}

/** The whole-number field of one setting of the agent-based runs; `onChange` runs when it is edited. */
export function abmFieldInput(ctx: AppContext, f: (typeof ABM_FIELDS)[number], value: number, onChange: () => void): { element: HTMLElement; input: HTMLInputElement } {
  const label = ctx.t(`game.abm.${f.name}` as MessageKey);
  const input = h('input', {
    type: 'number',
    min: f.min,
    max: f.max,
    step: 1,
    value: String(value),
    'aria-label': label,
    'data-abm-field': f.name,
    onchange: onChange,
  });
  return { element: h('label', { class: 'abm-field' }, h('span', {}, label), input), input };
}
