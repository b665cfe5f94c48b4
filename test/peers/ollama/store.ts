import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';

/** One blob of a model as the registry lists it; `digest` is "sha256:<64 hex>". */
export interface RegistryLayer {
  digest: string;
  size: number;
  mediaType: string;
}

/** A model the simulated registry can serve to /api/pull. */
export interface RegistryModel {
  name: string;
  layers: RegistryLayer[];
  family: string;
  parameterSize: string;
  quantization: string;
  contextLength: number;
}

export interface InstalledModel extends Omit<RegistryModel, 'layers'> {
  digest: string;
  size: number;
  modifiedAt: Date;
}

/** Ollama's name rule: a missing tag means ":latest"; names compare case-insensitively. */
export function normaliseName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  const lastSegment = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? trimmed : `${trimmed}:latest`;
}

function digestOf(seed: string): string {
  return `sha256:${createHash('sha256').update(seed).digest('hex')}`;
}

/** Builds a registry entry whose layers mirror a real Ollama manifest: weights, template, params. */
export function registryModel(
  name: string,
  weightsBytes: number,
  details: Partial<Omit<RegistryModel, 'name' | 'layers'>> = {},
): RegistryModel {
  const full = normaliseName(name);
  const layer = (kind: string, size: number): RegistryLayer => ({
    digest: digestOf(`${full}/${kind}`),
    size,
    mediaType: `application/vnd.ollama.image.${kind}`,
  });
  return {
    name: full,
    layers: [layer('model', weightsBytes), layer('template', 96), layer('license', 1_024), layer('params', 64)],
    family: details.family ?? 'llama',
    parameterSize: details.parameterSize ?? '1.1B',
    quantization: details.quantization ?? 'Q4_0',
    contextLength: details.contextLength ?? 2048,
  };
}

/** The default registry: the real stories260K file plus small stand-ins so pulls take moments. */
export function defaultRegistry(storiesPath: string): RegistryModel[] {
  return [
    registryModel('stories260k', statSync(storiesPath).size, {
      parameterSize: '260K',
      quantization: 'F32',
      contextLength: 2048,
    }),
    registryModel('tinyllama:1.1b', 4 * 1024 * 1024, { parameterSize: '1.1B', quantization: 'Q4_0' }),
    registryModel('nomic-embed-text', 2 * 1024 * 1024, {
      family: 'nomic-bert',
      parameterSize: '137M',
      quantization: 'F16',
      contextLength: 8192,
    }),
  ];
}

export function installedFrom(model: RegistryModel, modifiedAt = new Date()): InstalledModel {
  const { layers, ...rest } = model;
  const size = layers.reduce((sum, layer) => sum + layer.size, 0);
  return { ...rest, size, modifiedAt, digest: digestOf(`${model.name}/manifest`).slice('sha256:'.length) };
}

const FOREVER = new Date('2318-01-01T00:00:00Z');
const DEFAULT_KEEP_ALIVE_MS = 5 * 60_000;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/**
 * keep_alive as Ollama reads it: a number of seconds or a Go duration ("5m", "1h30m"), negative
 * meaning "forever", 0 meaning "unload now". Returns milliseconds; Infinity for forever.
 */
export function parseKeepAlive(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_KEEP_ALIVE_MS;
  const text = String(value).trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text) < 0 ? Infinity : Number(text) * 1_000;
  if (!/^-?(\d+(\.\d+)?(ms|h|m|s))+$/.test(text)) return DEFAULT_KEEP_ALIVE_MS;
  if (text.startsWith('-')) return Infinity;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0);
  }
  return total;
}

/** Models in memory for /api/ps, each with the time keep_alive lets it stay. */
export class RunningModels {
  private readonly expiries = new Map<string, Date>();

  touch(name: string, keepAlive: unknown, now = Date.now()): void {
    const ms = parseKeepAlive(keepAlive);
    if (ms === 0) this.expiries.delete(name);
    else this.expiries.set(name, ms === Infinity ? FOREVER : new Date(now + ms));
  }

  unload(name: string): void {
    this.expiries.delete(name);
  }

  list(now = Date.now()): Array<{ name: string; expiresAt: Date }> {
    for (const [name, at] of this.expiries) if (at.getTime() <= now) this.expiries.delete(name);
    return [...this.expiries].map(([name, expiresAt]) => ({ name, expiresAt }));
  }
}
