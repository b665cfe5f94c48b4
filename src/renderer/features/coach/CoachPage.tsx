import { Link } from 'react-router';
import { Button, buttonClass } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { CelebrationBanner } from './CelebrationBanner';
import { useCoach } from './coach.store';
import { SectionCard } from '../../ui/SectionCard';
import { LoadGate } from './LoadGate';
import { CohortSection } from './CohortSection';
import { GoalSection } from './GoalSection';
import { InterventionsSection } from './InterventionsSection';
import { PreferencesSection } from './PreferencesSection';
import { TodayPlanSection } from './TodayPlanSection';
import { useCoachEvents } from './use-coach-events';

/** The success coach: where the goal stands, today's plan, what needs attention, and how the creator compares. */
export default function CoachPage() {
  useCoachEvents();
  const goal = useCoach((s) => s.goal);
  const load = useCoach((s) => s.load);
  const celebrations = useCoach((s) => s.celebrations);
  const acknowledge = useCoach((s) => s.acknowledge);
  const exporting = useCoach((s) => s.exporting);
  const exportProgress = useCoach((s) => s.exportProgress);
  const [celebration] = celebrations;

  return (
    <div>
      <PageHeader
        title="Coach"
        description="Where you stand on your goal, and one plan for today from your own data."
        actions={
          <>
            <Link to="/analytics" className={buttonClass('secondary')}>
              Open analytics
            </Link>
            <Button
              onClick={() => void exportProgress()}
              disabled={exporting}
              title="A Markdown summary of your goal, progress, milestones and streak to share (no post text, no secrets)"
            >
              {exporting ? 'Exporting…' : 'Export my progress'}
            </Button>
          </>
        }
      />
      {celebration && (
        <CelebrationBanner
          celebration={celebration}
          unit={goal.data?.unit ?? null}
          more={celebrations.length - 1}
          onDismiss={(id) => void acknowledge(id)}
        />
      )}
      <div className="space-y-6">
        {goal.data ? (
          <LoadGate state={goal} what="your goal" onRetry={() => void load('goal')}>
            {(status) => <GoalSection status={status} />}
          </LoadGate>
        ) : (
          <SectionCard title="Your goal">
            <LoadGate state={goal} what="your goal" onRetry={() => void load('goal')}>
              {() => null}
            </LoadGate>
          </SectionCard>
        )}
        <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <TodayPlanSection />
          <InterventionsSection />
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <CohortSection />
          <PreferencesSection />
        </div>
      </div>
    </div>
  );
}
