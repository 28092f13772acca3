/** React glue: the controller's state as a hook, and the translator for its language. */
import { useMemo, useSyncExternalStore } from 'react';
import type { PaneController } from './controller';
import { type Translate, translator } from './i18n';
import type { PaneState } from './state';

export function usePaneState(controller: PaneController): PaneState {
  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}

export function useTranslate(state: PaneState): Translate {
  return useMemo(() => translator(state.lang), [state.lang]);
}
