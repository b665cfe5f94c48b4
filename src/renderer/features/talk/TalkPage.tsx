import { useEffect } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard, SectionError } from '../../ui/SectionCard';
import { CaptureSettings } from './CaptureSettings';
import { CustomCommandsSection } from './CustomCommandsSection';
import { ExamplesSection } from './ExamplesSection';
import { HistorySection } from './HistorySection';
import { RecognizerSettings } from './RecognizerSettings';
import { ReplySettings } from './ReplySettings';
import { StatusSection } from './StatusSection';
import { TypedCommand } from './TypedCommand';
import { useTalk } from './talk.store';

/** Push-to-talk: how it is set up, what it heard, what it learned. */
export default function TalkPage() {
  const settings = useTalk((state) => state.settings);
  const status = useTalk((state) => state.status);
  const loadError = useTalk((state) => state.loadError);
  const hotkey = settings?.hotkey;

  useEffect(() => {
    void useTalk.getState().loadAll();
  }, []);

  return (
    <>
      <PageHeader
        title="Talk"
        description={
          hotkey
            ? `Hold the Talk button at the top, or ${hotkey}, and say what to do. Release to send; Escape cancels.`
            : 'Hold the Talk button at the top and say what to do.'
        }
      />
      <div className="space-y-6">
        {loadError && <SectionError message={loadError} onRetry={() => void useTalk.getState().loadAll()} />}
        <SectionCard
          title="Type a command"
          description="No microphone? Type it: it runs exactly as if you had said it."
        >
          <TypedCommand />
        </SectionCard>
        <StatusSection status={status} onRefresh={() => void useTalk.getState().loadStatus()} />
        {settings && (
          <>
            <CaptureSettings settings={settings} />
            <RecognizerSettings settings={settings} status={status} />
            <ReplySettings settings={settings} />
          </>
        )}
        <HistorySection />
        <CustomCommandsSection />
        <ExamplesSection />
      </div>
    </>
  );
}
