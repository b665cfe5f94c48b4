import { resolve } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** Runs bench files one after another in file-name order, so results come out in a stable order. */
class ByNameSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

/**
 * Benchmarks run as Vitest files in plain Node (no test globs of the unit project match them):
 * one fork, one file at a time so figures do not fight for the 2 cores, no practical timeouts.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['bench/**/*.bench-run.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
    sequence: { sequencer: ByNameSequencer },
    // Console output only for failures; `npm run bench -- --silent=false` shows it all.
    silent: 'passed-only',
  },
});
