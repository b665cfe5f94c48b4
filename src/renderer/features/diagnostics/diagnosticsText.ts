import type { Diagnostics } from '../../../shared/contract/app';
import { formatBytes } from '../../ui/format';

/** Plain text for a bug report: everything on the page, log tail last. */
export function formatDiagnostics(d: Diagnostics, generatedAt: string): string {
  const lines = [
    'Cadence diagnostics',
    `Generated: ${generatedAt}`,
    '',
    'Versions:',
    ...Object.entries(d.versions).map(([name, version]) => `  ${name}: ${version}`),
    '',
    `Data folder: ${d.dataDir}`,
    `Database: ${d.databasePath} (${formatBytes(d.databaseBytes)}, ${d.databaseBytes} bytes)`,
    `Posts: ${d.postCount}`,
    `Log file: ${d.logFile}`,
    '',
    'Migrations applied:',
    ...(d.migrationsApplied.length > 0
      ? d.migrationsApplied.map((m) => `  ${m.name} at ${m.appliedAt}`)
      : ['  (none)']),
    '',
    `Log tail (${d.logTail.length} lines):`,
    ...d.logTail,
  ];
  return `${lines.join('\n')}\n`;
}
