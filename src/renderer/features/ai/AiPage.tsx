import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { useCloud } from './cloud.store';
import { CloudSection } from './CloudSection';
import { EmbeddedModelSection } from './EmbeddedModelSection';
import { useEngines } from './engines.store';
import { EnginesSection } from './EnginesSection';
import { useModels } from './models.store';
import { ModelsSection } from './ModelsSection';
import { PullSection } from './PullSection';
import { RecommendationsSection } from './RecommendationsSection';
import { useRouting } from './routing.store';
import { RoutingSection } from './RoutingSection';
import { useUsage } from './usage.store';
import { UsageSection } from './UsageSection';

function loadAll(): void {
  void useEngines.getState().load();
  void useModels.getState().load();
  void useRouting.getState().load();
  void useCloud.getState().load();
  void useUsage.getState().load();
}

/** /ai: the engines and models on this device, which model each task uses, cloud keys, and usage. */
export default function AiPage() {
  const refreshing = useEngines((s) => s.status === 'loading');
  useEffect(loadAll, []);

  return (
    <div className="max-w-6xl">
      <PageHeader
        title="AI"
        description="Local models first: drafts are written on this device unless you allow a cloud provider."
        actions={
          <Button onClick={loadAll} disabled={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <EnginesSection />
        <PullSection />
      </div>
      <div className="mt-6 space-y-6">
        <ModelsSection />
        <EmbeddedModelSection />
        <RecommendationsSection />
        <RoutingSection />
        <CloudSection />
        <UsageSection />
      </div>
    </div>
  );
}
