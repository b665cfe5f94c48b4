import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LogFileOptions {
  /** Rotate once the file would grow past this. */
  maxBytes?: number;
  /** Rotated files kept beside it: ollama.log.1 (newest) ... ollama.log.N. */
  keep?: number;
}

/**
 * A size-capped log for a child's output. Writes are synchronous on purpose: they are small
 * and rare, and a synchronous file can be closed before it is renamed, which Windows requires.
 */
export class RotatingLogFile {
  private fd: number | null = null;
  private size = 0;
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(
    readonly file: string,
    options: LogFileOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.keep = Math.max(1, options.keep ?? 2);
  }

  write(chunk: string | Buffer): void {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (this.fd === null) this.open();
    if (this.size > 0 && this.size + data.length > this.maxBytes) this.rotate();
    writeSync(this.fd ?? this.open(), data);
    this.size += data.length;
  }

  /** The last non-empty line written, for status messages ("why did it exit?"). */
  lastLine(): string | null {
    if (this.fd === null) return null;
    const length = Math.min(this.size, 4096);
    const buffer = Buffer.alloc(length);
    readSync(this.fd, buffer, 0, length, this.size - length);
    const lines = buffer
      .toString('utf8')
      .split(/\r?\n/)
      .map((line) => line.trim());
    return lines.filter((line) => line !== '').at(-1) ?? null;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private open(): number {
    mkdirSync(dirname(this.file), { recursive: true });
    this.fd = openSync(this.file, 'a+');
    this.size = fstatSync(this.fd).size;
    return this.fd;
  }

  private rotate(): void {
    this.close();
    rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let index = this.keep - 1; index >= 1; index -= 1) {
      try {
        renameSync(`${this.file}.${index}`, `${this.file}.${index + 1}`);
      } catch {
        // Not every generation exists yet.
      }
    }
    renameSync(this.file, `${this.file}.1`);
    this.open();
  }
}
