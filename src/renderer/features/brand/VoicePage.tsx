import { useEffect } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { VoiceExamplesPreview } from './VoiceExamplesPreview';
import { VoiceFieldsForm } from './VoiceFieldsForm';
import { VoiceProfileCard } from './VoiceProfileCard';
import { useVoice } from './voice.store';

/** The creator's brand voice: learned from their posts, editable, and the examples drafting will use. */
export default function VoicePage() {
  const start = useVoice((state) => state.start);
  const load = useVoice((state) => state.load);
  const error = useVoice((state) => state.error);
  useEffect(() => {
    void start();
  }, [start]);

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader
        title="Brand voice"
        description="How you write, learned from your own posts. Every draft follows it, with a few of your posts as examples."
      />
      {load === 'loading' && <Spinner label="Loading your voice…" />}
      {load === 'error' && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Could not load your voice: {error}
        </p>
      )}
      {load === 'ready' && (
        <>
          <VoiceProfileCard />
          <VoiceFieldsForm />
          <VoiceExamplesPreview />
        </>
      )}
    </div>
  );
}
