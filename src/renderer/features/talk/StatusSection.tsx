import type { VoiceStatus } from '../../../shared/contract/voice';
import { SectionCard } from '../../ui/SectionCard';

const STATE_CLASS: Record<string, string> = {
  ready: 'text-emerald-700 dark:text-emerald-400',
  loading: 'text-amber-700 dark:text-amber-400',
  'not-loaded': 'text-zinc-600 dark:text-zinc-400',
  error: 'text-red-700 dark:text-red-400',
  'missing-model': 'text-red-700 dark:text-red-400',
  unavailable: 'text-red-700 dark:text-red-400',
};

function Row({ label, state, message }: { label: string; state: string; message: string }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="font-medium">{label}</dt>
      <dd>
        <span className={`font-medium ${STATE_CLASS[state] ?? ''}`}>{state.replace('-', ' ')}</span>
        {message && <span className="text-zinc-600 dark:text-zinc-400"> — {message}</span>}
      </dd>
    </div>
  );
}

/** What is loaded and working: the recognizer (kept warm), voice activity detection, replies, the hotkey. */
export function StatusSection({ status, onRefresh }: { status: VoiceStatus | null; onRefresh: () => void }) {
  return (
    <SectionCard
      title="Status"
      actions={
        <button
          type="button"
          onClick={onRefresh}
          className="text-sm font-medium text-indigo-600 underline dark:text-indigo-400"
        >
          Refresh
        </button>
      }
    >
      {!status ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : (
        <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
          <Row
            label="Recognizer"
            state={status.recognizer.state}
            message={[
              status.recognizer.id === 'whisper' ? `Whisper ${status.recognizer.model ?? ''}`.trim() : 'pocketsphinx',
              status.recognizer.gpu ? 'GPU' : 'CPU',
              status.recognizer.loadMs !== null ? `loaded in ${Math.round(status.recognizer.loadMs)} ms` : null,
              `${status.recognizer.loads} load${status.recognizer.loads === 1 ? '' : 's'}`,
              status.recognizer.message,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
          <Row label="Pause detection" state={status.vad.state} message={status.vad.message} />
          <Row label="Spoken replies" state={status.tts.state} message={status.tts.message} />
          <Row label="Hotkey" state={status.hotkey.global ? 'ready' : 'not-loaded'} message={status.hotkey.message} />
        </dl>
      )}
    </SectionCard>
  );
}
