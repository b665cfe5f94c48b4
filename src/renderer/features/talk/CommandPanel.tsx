import { Link } from 'react-router';
import type { VoiceCommand } from '../../../shared/domain/voice';
import { Button } from '../../ui/Button';
import { describeIntents, statusLabel } from './intent-text';
import { useTalk } from './talk.store';

/** The outcome of the last command, near the hold button: what was heard, what Cadence says, yes/no. */
export function CommandPanel({ command }: { command: VoiceCommand }) {
  const running = useTalk((state) => state.running);
  const { confirm } = useTalk.getState();
  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {command.source === 'voice' ? 'You said' : 'You typed'}:{' '}
        <q className="text-zinc-800 dark:text-zinc-200">{command.transcript || '(nothing heard)'}</q>
      </p>
      {command.intents.length > 0 && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {describeIntents(command.intents)} · {statusLabel(command.status)}
        </p>
      )}
      {command.reply && (
        <p data-testid="voice-reply" className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          {command.reply}
        </p>
      )}
      {command.status === 'not-understood' && command.suggestions.length > 0 && (
        <div className="text-xs text-zinc-600 dark:text-zinc-400">
          Try:
          <ul className="mt-1 list-disc pl-5">
            {command.suggestions.slice(0, 3).map((suggestion) => (
              <li key={suggestion}>“{suggestion}”</li>
            ))}
          </ul>
        </div>
      )}
      {command.status === 'awaiting-confirmation' && (
        <div className="flex gap-2">
          <Button variant="primary" size="sm" disabled={running} onClick={() => void confirm(command.id, 'yes')}>
            Yes
          </Button>
          <Button size="sm" disabled={running} onClick={() => void confirm(command.id, 'no')}>
            No
          </Button>
          <span className="self-center text-xs text-zinc-500">or say “yes” / “no”</span>
        </div>
      )}
      {command.result.postId && (
        <Link
          to={`/compose/${encodeURIComponent(command.result.postId)}`}
          className="text-xs font-medium text-indigo-600 underline dark:text-indigo-400"
        >
          Open the post
        </Link>
      )}
    </div>
  );
}
