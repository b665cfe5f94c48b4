import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingLogFile } from './ollama.log-file';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('RotatingLogFile', () => {
  it('caps the file, keeps N rotated generations, and knows its last line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadence-log-'));
    dirs.push(dir);
    const file = join(dir, 'logs', 'ollama.log');
    const log = new RotatingLogFile(file, { maxBytes: 100, keep: 2 });
    for (let index = 0; index < 12; index += 1) log.write(`line ${String(index).padStart(2, '0')} ${'x'.repeat(30)}\n`);
    expect(log.lastLine()).toMatch(/^line 11 x+$/);
    log.close();

    for (const name of ['ollama.log', 'ollama.log.1', 'ollama.log.2']) {
      expect(readFileSync(join(dir, 'logs', name)).length).toBeLessThanOrEqual(100);
    }
    expect(existsSync(`${file}.3`)).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('line 11');
    expect(readFileSync(`${file}.1`, 'utf8')).toContain('line 08');
  });

  it('appends to an existing file across instances', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadence-log-'));
    dirs.push(dir);
    const file = join(dir, 'ollama.log');
    new RotatingLogFile(file).write('first\n');
    const second = new RotatingLogFile(file);
    second.write('second\n');
    second.close();
    expect(readFileSync(file, 'utf8')).toBe('first\nsecond\n');
  });
});
