import { useRouting } from './routing.store';

/** Privacy mode: only providers on this device may run. Saves as soon as it is flipped. */
export function PrivacySwitch() {
  const on = useRouting((s) => s.settings?.privacyMode ?? false);

  return (
    <div className="flex items-start gap-3 rounded-lg bg-zinc-50 p-4 dark:bg-zinc-800/50">
      <input
        id="ai-privacy-mode"
        type="checkbox"
        role="switch"
        checked={on}
        onChange={(e) => void useRouting.getState().setPrivacy(e.target.checked)}
        aria-describedby="ai-privacy-mode-hint"
        className="peer relative mt-0.5 h-5 w-9 shrink-0 cursor-pointer appearance-none rounded-full bg-zinc-300 transition-colors before:absolute before:top-0.5 before:left-0.5 before:size-4 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-indigo-600 checked:before:translate-x-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:opacity-60 dark:bg-zinc-600 dark:checked:bg-indigo-500"
      />
      <div>
        <label htmlFor="ai-privacy-mode" className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Privacy mode — nothing leaves this device
        </label>
        <p id="ai-privacy-mode-hint" className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          {on
            ? 'On: cloud steps are skipped for every task.'
            : 'Off: tasks you allow below may use a cloud provider when one is in their chain.'}
        </p>
      </div>
    </div>
  );
}
