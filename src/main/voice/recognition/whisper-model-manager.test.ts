import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/contract/events';
import { ContractError } from '../../../shared/contract/errors';
import { sha256Of, startTestFileServer, testBytes, type TestFileServer } from '../../llm/models/test-file-server';
import { SILERO_VAD_FILE, WHISPER_CATALOG } from './whisper-catalog';
import { createWhisperModelManager } from './whisper-model-manager';

const root = mkdtempSync(join(tmpdir(), 'cadence-whisper-models-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const servers: TestFileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Small stand-ins for the real files, served on 127.0.0.1 with their own sizes and checksums. */
async function setup(modelBytes = testBytes(300_000, 7)) {
  const vadBytes = testBytes(20_000, 3);
  const modelServer = await startTestFileServer(modelBytes);
  const vadServer = await startTestFileServer(vadBytes);
  servers.push(modelServer, vadServer);
  const modelsDir = mkdtempSync(join(root, 'models-'));
  const manager = createWhisperModelManager({
    modelsDir,
    urlOf: (file) => (file.fileName === SILERO_VAD_FILE.fileName ? vadServer.url : modelServer.url),
    fileOf: (file) =>
      file.fileName === SILERO_VAD_FILE.fileName
        ? { ...file, bytes: vadBytes.length, sha256: sha256Of(vadBytes) }
        : { ...file, bytes: modelBytes.length, sha256: sha256Of(modelBytes) },
  });
  return { manager, modelsDir, modelServer, vadServer, modelBytes, vadBytes };
}

describe('Whisper model manager', () => {
  it('lists tiny/base/small in English and multilingual forms with pinned sizes and checksums', async () => {
    const { manager } = await setup();
    const list = await manager.list();
    expect(list.map((model) => model.id)).toEqual(['tiny.en', 'tiny', 'base.en', 'base', 'small.en', 'small']);
    expect(list.every((model) => !model.installed)).toBe(true);
    expect(list.find((model) => model.id === 'base')).toMatchObject({ multilingual: true, bytes: 147_951_465 });
    for (const entry of WHISPER_CATALOG) {
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.url).toMatch(
        new RegExp(
          `^https://huggingface\\.co/ggerganov/whisper\\.cpp/resolve/[0-9a-f]{40}/ggml-${entry.id.replace('.', '\\.')}\\.bin$`,
        ),
      );
    }
  });

  it('downloads the voice activity model and then the Whisper model, with progress and sha256', async () => {
    const { manager, modelBytes, vadBytes } = await setup();
    const events: Progress[] = [];
    const { jobId, done } = manager.download('tiny.en', (progress) => events.push(progress));
    expect(await done).toBe('success');
    expect(readFileSync(manager.pathOf('tiny.en')).equals(modelBytes)).toBe(true);
    expect(readFileSync(manager.vadPath()).equals(vadBytes)).toBe(true);
    expect(events.every((event) => event.jobId === jobId)).toBe(true);
    expect(events.filter((event) => event.phase === 'done').map((event) => event.status)).toEqual([
      'voice activity model',
      'Whisper tiny.en',
    ]);
    expect(events.some((event) => event.phase === 'verifying')).toBe(true);
    expect((await manager.list()).find((model) => model.id === 'tiny.en')?.installed).toBe(true);
  });

  it('cancels a download, keeps the part file and resumes from it', async () => {
    const { manager, modelServer, modelsDir, modelBytes } = await setup(testBytes(400_000, 9));
    modelServer.mode = 'slow';
    let cancelled = false;
    const first = manager.download('base.en', (progress) => {
      if (!cancelled && progress.status === 'Whisper base.en' && progress.done > 50_000) {
        cancelled = manager.cancel(first.jobId);
      }
    });
    expect(await first.done).toBe('cancelled');
    expect(cancelled).toBe(true);
    expect(existsSync(manager.pathOf('base.en'))).toBe(false);
    expect(
      readdirSync(modelsDir).some((name) => name.startsWith('ggml-base.en.bin') && name !== 'ggml-base.en.bin'),
    ).toBe(true);

    modelServer.mode = 'normal';
    const requestsBefore = modelServer.requests.length;
    expect(await manager.download('base.en', () => undefined).done).toBe('success');
    expect(
      modelServer.requests.slice(requestsBefore).some((headers) => /^bytes=[1-9]\d*-$/.test(headers.range ?? '')),
    ).toBe(true);
    expect(readFileSync(manager.pathOf('base.en')).equals(modelBytes)).toBe(true);
    expect(manager.cancel('no-such-job')).toBe(false);
  });

  it('rejects a file whose checksum does not match, saying so', async () => {
    const { manager, modelServer } = await setup();
    modelServer.setContent(testBytes(300_000, 99));
    const events: Progress[] = [];
    const { done } = manager.download('small', (progress) => events.push(progress));
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).message).toMatch(
      /^Could not download the Whisper model small: ggml-small\.bin did not match its SHA-256 checksum/,
    );
    expect(events.at(-1)?.phase).toBe('failed');
    expect(existsSync(manager.pathOf('small'))).toBe(false);
  });
});
