import { useEffect } from 'react';

/**
 * Saves when the window is hidden or closed. The text is already in local storage by then, so
 * an unfinished request on unload loses nothing.
 */
export function useFlushOnHide(flush: () => Promise<void>): void {
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onUnload = () => void flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onUnload);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onUnload);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [flush]);
}
