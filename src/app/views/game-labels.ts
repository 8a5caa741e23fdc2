import type { EquilibriumKind } from '../../analysis/game/classify-eigenvalues.ts';
import type { PhasePortraitLabels } from '../charts/phase-portrait.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** The message key of each kind of rest point. */
export const KIND_KEYS: Record<EquilibriumKind, MessageKey> = {
  'stable node': 'game.kind.stableNode',
  'unstable node': 'game.kind.unstableNode',
  saddle: 'game.kind.saddle',
  'stable focus': 'game.kind.stableFocus',
  'unstable focus': 'game.kind.unstableFocus',
  centre: 'game.kind.centre',
  degenerate: 'game.kind.degenerate',
};

/** The phase portrait's texts in the language of `t`. */
export function phasePortraitLabels(t: (key: MessageKey) => string): PhasePortraitLabels {
  const kinds = Object.fromEntries(Object.entries(KIND_KEYS).map(([kind, key]) => [kind, t(key)])) as Record<EquilibriumKind, string>;
  return {
    xAxis: t('game.axis.x'),
    yAxis: t('game.axis.y'),
    schoolsNullcline: t('game.nullcline.schools'),
    firmsNullcline: t('game.nullcline.firms'),
    trajectory: t('game.legend.trajectory'),
    abmRuns: t('game.legend.abmRuns'),
    abmMean: t('game.legend.abmMean'),
    stable: t('game.legend.stable'),
    unstable: t('game.legend.unstable'),
    kinds,
  };
}
