import { useToasts, type Toast, type ToastKind } from './toasts.store';

const KIND_CLASS: Record<ToastKind, string> = {
  info: 'border-zinc-200 dark:border-zinc-700',
  success: 'border-emerald-300 dark:border-emerald-700',
  error: 'border-red-300 dark:border-red-800',
};

const KIND_ICON: Record<ToastKind, string> = { info: 'ℹ', success: '✓', error: '!' };

const ICON_CLASS: Record<ToastKind, string> = {
  info: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-100',
  success: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-900 dark:text-emerald-200',
  error: 'bg-red-100 text-red-700 dark:bg-red-900 dark:text-red-200',
};

/** The notification area, bottom right. Errors are announced assertively, the rest politely. */
export function Toaster() {
  const toasts = useToasts((state) => state.toasts);
  return (
    <section
      aria-label="Notifications"
      className="pointer-events-none fixed right-4 bottom-4 z-50 w-96 max-w-[calc(100vw-2rem)]"
    >
      <ol className="flex flex-col gap-2">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ol>
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToasts((state) => state.dismiss);
  const runAction = async () => {
    dismiss(toast.id);
    await toast.action?.run();
  };
  return (
    <li
      role={toast.kind === 'error' ? 'alert' : 'status'}
      className={`pointer-events-auto flex items-start gap-3 rounded-lg border bg-white p-3 text-sm shadow-lg dark:bg-zinc-900 ${KIND_CLASS[toast.kind]}`}
    >
      <span
        aria-hidden="true"
        className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${ICON_CLASS[toast.kind]}`}
      >
        {KIND_ICON[toast.kind]}
      </span>
      <div className="min-w-0 flex-1 text-zinc-800 dark:text-zinc-100">
        {toast.title && <p className="font-semibold">{toast.title}</p>}
        <p className="break-words">{toast.message}</p>
      </div>
      {toast.action && (
        <button
          type="button"
          onClick={() => void runAction()}
          className="shrink-0 rounded px-2 py-0.5 font-semibold text-indigo-600 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300 dark:hover:bg-indigo-950"
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss notification"
        onClick={() => dismiss(toast.id)}
        className="shrink-0 rounded px-1 text-zinc-400 hover:text-zinc-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-zinc-200"
      >
        ×
      </button>
    </li>
  );
}
