import { appendFileSync, mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One benchmark figure: one JSON object per line in bench/results/latest.jsonl. */
export interface BenchFigure {
  /** Dotted name, e.g. "library.search.p95_ms". */
  bench: string;
  /** The measured value; null when the figure could not be measured (see `missing`). */
  value: number | null;
  unit: string;
  /** The budget, e.g. "<=5" (informational figures have none). Never asserted. */
  target?: string;
  /** How many samples the figure summarises. */
  n?: number;
  /** Why the figure is missing; set only when value is null. */
  missing?: string;
  /** A short human note (what exactly was measured). */
  note?: string;
}

export const RESULTS_DIR = join(import.meta.dirname, 'results');
/** Git-ignored cache for fixtures (bench/results/ is ignored). */
export const CACHE_DIR = join(RESULTS_DIR, '.cache');

/** Where figures go; scripts/bench.sh truncates it before a run. Override with BENCH_RESULTS. */
export function resultsPath(): string {
  return process.env.BENCH_RESULTS ?? join(RESULTS_DIR, 'latest.jsonl');
}

/** Rounds to 3 significant decimals so lines stay readable. */
export function round(value: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The JSON line for a figure, keys in a fixed order. */
export function formatFigure(figure: BenchFigure): string {
  const ordered: BenchFigure = {
    bench: figure.bench,
    value: figure.value === null ? null : round(figure.value),
    unit: figure.unit,
    ...(figure.target !== undefined ? { target: figure.target } : {}),
    ...(figure.n !== undefined ? { n: figure.n } : {}),
    ...(figure.missing !== undefined ? { missing: figure.missing } : {}),
    ...(figure.note !== undefined ? { note: figure.note } : {}),
  };
  return JSON.stringify(ordered);
}

/** Appends a figure to the results file and prints it. Returns the line written. */
export function record(figure: BenchFigure): string {
  const line = formatFigure(figure);
  const path = resultsPath();
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, line + '\n');
  console.log(line);
  return line;
}

/** Records a figure that could not be measured, with the reason. Never invents a value. */
export function recordMissing(figure: Omit<BenchFigure, 'value' | 'missing'>, reason: string): string {
  return record({ ...figure, value: null, missing: reason });
}

/** Empties the results file (start of a run). */
export function resetResults(): void {
  const path = resultsPath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
}

/** Every figure recorded so far in this results file. */
export function readResults(path = resultsPath()): BenchFigure[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BenchFigure);
}
