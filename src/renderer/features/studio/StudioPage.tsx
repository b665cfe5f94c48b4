import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { PageHeader } from '../../ui/PageHeader';
import { AbPairBar } from './AbPairBar';
import { DraftCard } from './DraftCard';
import { IdeaForm } from './IdeaForm';
import { useStudio } from './studio.store';
import { useFlushCardsOnHide } from './useFlushCardsOnHide';

/** /studio: one idea in, a streamed, editable draft per platform (and variant) out. */
export default function StudioPage() {
  const cards = useStudio((s) => s.cards);
  const ideaId = useStudio((s) => s.ideaId);
  const run = useStudio((s) => s.run);
  const { attach, openIdea, newIdea } = useStudio.getState();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('idea');

  useEffect(attach, [attach]);
  useFlushCardsOnHide();

  // The idea lives in the address, so coming back from Compose (or a reload) shows its drafts.
  useEffect(() => {
    if (wanted && wanted !== useStudio.getState().ideaId) void openIdea(wanted);
  }, [wanted, openIdea]);
  useEffect(() => {
    if (ideaId && ideaId !== wanted) setParams({ idea: ideaId }, { replace: true });
  }, [ideaId, wanted, setParams]);

  return (
    <div>
      <PageHeader
        title="Studio"
        description="One idea, a draft for every platform, streamed as it is written. Edit while it writes."
        actions={
          cards.length > 0 && run === 'idle' ? (
            <Button
              size="sm"
              onClick={() => {
                newIdea();
                setParams({}, { replace: true });
              }}
            >
              New idea
            </Button>
          ) : undefined
        }
      />
      <div className="space-y-6">
        <Card title="New idea">
          <IdeaForm />
        </Card>
        {cards.length > 0 && (
          <section aria-label="Drafts" className="space-y-4">
            <AbPairBar />
            <div className="grid gap-4 xl:grid-cols-2">
              {cards.map((card) => (
                <DraftCard key={card.getState().slot.requestId} card={card} />
              ))}
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
