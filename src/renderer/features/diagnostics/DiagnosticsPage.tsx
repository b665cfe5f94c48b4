import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { formatBytes, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { useDiagnostics } from './diagnostics.store';
import { InfoTable } from './InfoTable';
import { LogTail } from './LogTail';

const mono = (text: string) => <span className="font-mono text-xs">{text}</span>;

/** What is running, where the data lives, and the recent log: for bug reports. */
export default function DiagnosticsPage() {
  const { status, data, error, loadedAt, load, copy } = useDiagnostics();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div>
      <PageHeader
        title="Diagnostics"
        description={loadedAt ? `As of ${formatDateTime(loadedAt)}` : 'Versions, storage and the recent log.'}
        actions={
          <>
            <Button onClick={() => void load()} disabled={status === 'loading'}>
              {status === 'loading' ? 'Refreshing…' : 'Refresh'}
            </Button>
            <Button variant="primary" onClick={() => void copy()} disabled={!data}>
              Copy diagnostics
            </Button>
          </>
        }
      />
      {status === 'error' && (
        <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
          Could not load diagnostics: {error}
        </p>
      )}
      {!data && status === 'loading' && <Spinner label="Collecting diagnostics…" />}
      {data && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Storage">
            <InfoTable
              caption="Storage"
              rows={[
                ['Data folder', mono(data.dataDir)],
                ['Database', mono(data.databasePath)],
                ['Database size', formatBytes(data.databaseBytes)],
                ['Posts', String(data.postCount)],
                ['Log file', mono(data.logFile)],
              ]}
            />
          </Card>
          <Card title="Versions">
            <InfoTable caption="Versions" rows={Object.entries(data.versions).map(([name, v]) => [name, mono(v)])} />
          </Card>
          <Card title="Migrations applied" className="lg:col-span-2">
            {data.migrationsApplied.length === 0 ? (
              <p className="text-sm text-zinc-500">No migrations recorded.</p>
            ) : (
              <InfoTable
                caption="Migrations applied"
                rows={data.migrationsApplied.map((m) => [m.name, formatDateTime(m.appliedAt)])}
              />
            )}
          </Card>
          <Card title={`Log tail (${data.logTail.length} lines)`} className="lg:col-span-2">
            <LogTail lines={data.logTail} />
          </Card>
        </div>
      )}
    </div>
  );
}
