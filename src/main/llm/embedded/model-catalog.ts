import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ModelInfo } from '../provider';
import { LlmError } from '../provider';

export interface CatalogEntry {
  /** The file name without `.gguf`, e.g. "Llama-3.2-3B-Instruct-Q4_K_M". */
  id: string;
  path: string;
  sizeBytes: number;
}

/**
 * The GGUF files the embedded engine can run: every `*.gguf` in the data folder's `models/`
 * (downloads land there) plus one file the user pointed at. Ids match case-insensitively because
 * settings name models in lower case ("llama-3.2-3b-instruct-q4_k_m") while published files
 * usually do not. The user's own file wins a name clash: they chose it on purpose.
 */
export class ModelCatalog {
  constructor(
    private readonly modelsDir: string,
    private readonly userModelFile: () => string | null | undefined = () => null,
  ) {}

  async list(): Promise<CatalogEntry[]> {
    const entries: CatalogEntry[] = [];
    const userFile = this.userModelFile();
    if (userFile) {
      const entry = await entryFor(userFile);
      if (entry) entries.push(entry);
    }
    for (const name of await ggufNames(this.modelsDir)) {
      const entry = await entryFor(join(this.modelsDir, name));
      if (entry && !entries.some((e) => sameId(e.id, entry.id))) entries.push(entry);
    }
    return entries;
  }

  async resolve(model: string): Promise<CatalogEntry> {
    const wanted = model.replace(/\.gguf$/i, '');
    const entries = await this.list();
    const found = entries.find((e) => sameId(e.id, wanted));
    if (found) return found;
    const available = entries.length > 0 ? `available: ${entries.map((e) => e.id).join(', ')}` : 'none is installed';
    throw new LlmError('not_found', `No embedded model "${model}" (${available})`, { provider: 'embedded' });
  }
}

/** What the model picker shows; quantisation and size follow the usual GGUF file-name convention. */
export function toModelInfo(entry: CatalogEntry): ModelInfo {
  const quantization = /(?:^|[-_.])((?:I?Q\d+(?:_[A-Z0-9]+)*)|F16|BF16|F32)(?:$|[-_.])/i.exec(entry.id)?.[1];
  const parameterSize = /(?:^|[-_.])(\d+(?:\.\d+)?[KMBT])(?:$|[-_.])/i.exec(entry.id)?.[1];
  return {
    id: entry.id,
    provider: 'embedded',
    sizeBytes: entry.sizeBytes,
    ...(quantization ? { quantization: quantization.toUpperCase() } : {}),
    ...(parameterSize ? { parameterSize: parameterSize.toUpperCase() } : {}),
  };
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

async function ggufNames(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((name) => /\.gguf$/i.test(name) && !name.startsWith('.')).sort();
  } catch (error) {
    // No models folder yet just means nothing was downloaded.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function entryFor(path: string): Promise<CatalogEntry | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    return { id: basename(path).replace(/\.gguf$/i, ''), path, sizeBytes: info.size };
  } catch {
    return null;
  }
}
