import { create } from 'zustand';

export type ToastKind = 'info' | 'success' | 'error';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface ToastInput {
  kind: ToastKind;
  message: string;
  /** A bold first line, e.g. a notification's title. */
  title?: string;
  /** One button, e.g. "Undo"; running it dismisses the toast. */
  action?: ToastAction;
  /** Milliseconds before it goes away; 0 keeps it until dismissed. */
  durationMs?: number;
}

export interface Toast extends ToastInput {
  id: number;
}

interface ToastsState {
  toasts: Toast[];
  show: (input: ToastInput) => number;
  dismiss: (id: number) => void;
}

/** At most this many toasts are shown; the oldest go first. */
const MAX_TOASTS = 4;

export function defaultDuration(input: ToastInput): number {
  if (input.action) return 10_000;
  return input.kind === 'error' ? 8_000 : 5_000;
}

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const useToasts = create<ToastsState>()((set, get) => ({
  toasts: [],
  show: (input) => {
    const id = nextId++;
    const toasts = [...get().toasts, { ...input, id }];
    for (const dropped of toasts.slice(0, Math.max(0, toasts.length - MAX_TOASTS))) clearTimer(dropped.id);
    set({ toasts: toasts.slice(-MAX_TOASTS) });
    const duration = input.durationMs ?? defaultDuration(input);
    if (duration > 0)
      timers.set(
        id,
        setTimeout(() => get().dismiss(id), duration),
      );
    return id;
  },
  dismiss: (id) => {
    clearTimer(id);
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));

function clearTimer(id: number): void {
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
}

/** Shows a toast from anywhere (stores included); returns its id for dismissToast. */
export function showToast(input: ToastInput): number {
  return useToasts.getState().show(input);
}

export function dismissToast(id: number): void {
  useToasts.getState().dismiss(id);
}
