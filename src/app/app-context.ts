import type { Formatter } from './i18n/format.ts';
import type { Translate } from './i18n/messages.ts';
import type { AppState } from './state/app-state.ts';
import type { Scenario } from '../model/params/schema.ts';

/** What views get from the app: the state, strings, number formats and ways to change things. */
export interface AppContext {
  readonly state: AppState;
  /** The scenario of the current state, validated (defaults filled in). */
  readonly scenario: Scenario;
  readonly t: Translate;
  readonly fmt: Formatter;
  /** Sets one scenario field (path → value), reruns the model. */
  setEdit(path: string, value: unknown): void;
  /** Removes the edit of a field (back to the preset's value). */
  clearEdit(path: string): void;
  /** Changes view or run settings; `rerun` when the runs must be redone. */
  update(patch: Partial<AppState>, options?: { rerun?: boolean; rebuild?: boolean }): void;
}
