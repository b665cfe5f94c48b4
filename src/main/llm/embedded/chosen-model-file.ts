import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { ContractError } from '../../../shared/contract/errors';

/** Every GGUF file starts with these four bytes. */
const GGUF_MAGIC = 'GGUF';

/**
 * The GGUF file the user pointed the embedded engine at, outside the data folder (a model they
 * already have). Kept in a small JSON file so the engine's model list can read it synchronously.
 */
export class ChosenModelFile {
  private current: string | null;

  constructor(private readonly settingsFile: string) {
    this.current = readChoice(settingsFile);
  }

  get path(): string | null {
    return this.current;
  }

  /** Checks that the file exists and is a GGUF model before remembering it; null forgets it. */
  choose(path: string | null): string | null {
    if (path !== null) assertGgufFile(path);
    mkdirSync(dirname(this.settingsFile), { recursive: true });
    const temporary = `${this.settingsFile}.tmp`;
    writeFileSync(temporary, JSON.stringify({ path }));
    renameSync(temporary, this.settingsFile);
    this.current = path;
    return path;
  }
}

function readChoice(file: string): string | null {
  if (!existsSync(file)) return null;
  try {
    const { path } = JSON.parse(readFileSync(file, 'utf8')) as { path?: unknown };
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

function assertGgufFile(path: string): void {
  const problem = (message: string) =>
    new ContractError('VALIDATION_FAILED', message, { issues: [{ path: ['path'], message }] });
  if (!isAbsolute(path)) throw problem('Give the full path of the file, e.g. /home/you/models/model.gguf');
  if (!existsSync(path) || !statSync(path).isFile()) throw problem('There is no file at that path');
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== GGUF_MAGIC) throw problem('That file is not a GGUF model');
}
