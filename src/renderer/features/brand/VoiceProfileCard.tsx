import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { checkboxClass } from '../../ui/controls';
import { formatDateTime } from '../../ui/format';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { learnedSummary, percent } from './voice-form';
import { useVoice } from './voice.store';

/** What was learned, from how many posts, the cues behind the tone, and "Learn again". */
export function VoiceProfileCard() {
  const state = useVoice((s) => s.state);
  const learning = useVoice((s) => s.learning);
  const overwrite = useVoice((s) => s.overwriteEdits);
  const learn = useVoice((s) => s.learn);
  const setOverwrite = useVoice((s) => s.setOverwriteEdits);
  if (!state) return null;
  const tooFew = state.availablePosts < state.minimumPosts;
  const voice = state.voice;

  return (
    <Card title="Learned profile">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{learnedSummary(state, (iso) => formatDateTime(iso))}</p>
      {voice && (
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Fact term="Tone" value={voice.tone.join(', ') || '—'} />
          <Fact
            term="Typical length"
            value={
              voice.typicalLength.length === 0
                ? '—'
                : voice.typicalLength
                    .map((l) => `${PLATFORM_LABELS[l.platform]}: ${l.medianChars} characters (${l.posts} posts)`)
                    .join('; ')
            }
          />
          <Fact
            term="Emoji"
            value={`${voice.emoji.perPost.toFixed(1)} per post${voice.emoji.favourites.length ? ` · ${voice.emoji.favourites.join(' ')}` : ''}`}
          />
          <Fact
            term="Hashtags"
            value={`${voice.hashtags.perPost.toFixed(1)} per post${voice.hashtags.favourites.length ? ` · ${voice.hashtags.favourites.join(' ')}` : ''}`}
          />
          <Fact term="Signature phrases" value={voice.signaturePhrases.map((p) => `“${p}”`).join(', ') || '—'} />
        </dl>
      )}
      {state.cues && (
        <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
          Why this tone: {percent(state.cues.exclamationRate)} of posts use “!”, {percent(state.cues.questionRate)} ask
          a question, {state.cues.averageSentenceWords.toFixed(0)} words per sentence on average.
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <Button variant="primary" disabled={learning || tooFew} onClick={() => void learn()}>
          {learning ? 'Learning…' : state.learnedAt ? 'Learn again from my posts' : 'Learn from my posts'}
        </Button>
        {state.editedFields.length > 0 && (
          <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input
              type="checkbox"
              className={checkboxClass}
              checked={overwrite}
              onChange={(event) => setOverwrite(event.target.checked)}
            />
            Replace my edits too ({state.editedFields.join(', ')})
          </label>
        )}
        {tooFew && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Write or import {state.minimumPosts - state.availablePosts} more posts to learn your voice.
          </p>
        )}
      </div>
    </Card>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{term}</dt>
      <dd className="mt-0.5 text-zinc-900 dark:text-zinc-100">{value}</dd>
    </div>
  );
}
