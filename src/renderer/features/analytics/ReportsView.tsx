import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { useAnalytics } from './analytics.store';
import { SectionCard } from '../../ui/SectionCard';
import { CustomReportForm } from './CustomReportForm';
import { onReportReady } from './queries';
import { ReportList } from './ReportList';
import { useReports } from './reports.store';
import { ScheduleForm } from './ScheduleForm';

/** /analytics/reports: make weekly and custom reports, download them as PDF or CSV, and schedule the weekly one. */
export function ReportsView() {
  const { load, generate, generating } = useReports();
  const timezone = useAnalytics((s) => s.profile?.timezone);

  useEffect(() => {
    void load();
    useAnalytics
      .getState()
      .loadProfile()
      .catch(() => undefined); // only the schedule's time-zone note depends on it
    // A scheduled report (or one made in another window) shows up without a refresh.
    return onReportReady(() => void load());
  }, [load]);

  return (
    <div className="space-y-6">
      <SectionCard
        title="Reports"
        description="Each report is a PDF to read or share and a CSV of the same numbers, kept on this device."
        actions={
          <Button variant="primary" disabled={generating !== null} onClick={() => void generate('weekly')}>
            {generating === 'weekly' ? 'Making the report…' : 'Make weekly report now'}
          </Button>
        }
      >
        <ReportList />
      </SectionCard>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <SectionCard title="Custom report" description="Choose the range, metrics, sections and platforms.">
          <CustomReportForm />
        </SectionCard>
        <SectionCard
          title="Weekly schedule"
          description="The weekly report covers the last full week, Monday to Sunday."
        >
          <ScheduleForm timezone={timezone} />
        </SectionCard>
      </div>
    </div>
  );
}
