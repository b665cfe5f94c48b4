import { useCallback } from 'react';
import { useFlushOnHide } from '../compose/useFlushOnHide';
import { useStudio } from './studio.store';

/** Saves every card's waiting edits when the window is hidden or closed, as Compose does. */
export function useFlushCardsOnHide(): void {
  const flushAll = useCallback(async () => {
    await Promise.all(useStudio.getState().cards.map((card) => card.getState().flush()));
  }, []);
  useFlushOnHide(flushAll);
}
