import { availableParallelism, loadavg } from 'node:os';
import SqliteDatabase from 'better-sqlite3';
import { it } from 'vitest';
import { record } from './bench-record';

/** Context for the figures that follow: timings on a busy 2-core machine are not comparable. */
it('env: machine load when the run starts', () => {
  const sqlite = new SqliteDatabase(':memory:');
  const version = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  record({
    bench: 'env.load_avg_1m',
    value: loadavg()[0]!,
    unit: 'load',
    note: `at start; ${availableParallelism()} cores; node ${process.versions.node}; sqlite ${version} (info)`,
  });
});
