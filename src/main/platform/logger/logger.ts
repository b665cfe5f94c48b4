import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type Logger } from 'pino';
import { REDACTED_PATHS } from './redaction';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** JSON lines go here; Diagnostics reads its tail. */
  file?: string;
  level?: pino.LevelWithSilent;
  /** Also write to stdout (development). */
  stdout?: boolean;
}

/** Structured logger with secret redaction, writing JSON lines to the app's log file. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const streams: pino.StreamEntry[] = [];
  if (options.file) {
    mkdirSync(dirname(options.file), { recursive: true });
    streams.push({ stream: pino.destination({ dest: options.file, sync: true }) });
  }
  if (options.stdout) streams.push({ stream: process.stdout });
  const settings: pino.LoggerOptions = {
    level: streams.length > 0 ? (options.level ?? 'info') : 'silent',
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    base: { app: 'cadence' },
  };
  return streams.length > 0 ? pino(settings, pino.multistream(streams)) : pino(settings);
}
