/** One part of the page as it loads: nothing yet, loading, the data, or why it failed. */
export interface Loadable<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | null;
  error: string | null;
}

export function idle<T>(): Loadable<T> {
  return { status: 'idle', data: null, error: null };
}

/** Loading keeps what is on screen, so a reload after an event does not flash a spinner. */
export function loading<T>(previous: Loadable<T>): Loadable<T> {
  return { ...previous, status: 'loading' };
}

export function ready<T>(data: T): Loadable<T> {
  return { status: 'ready', data, error: null };
}

/** A failed reload keeps the last data and shows the error beside it. */
export function failed<T>(previous: Loadable<T>, error: string): Loadable<T> {
  return { status: 'error', data: previous.data, error };
}
