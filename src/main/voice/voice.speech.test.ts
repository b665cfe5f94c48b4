import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { base64ToBytes } from '../../shared/audio';
import { createSpeechSynthesizer } from './speech/speech-synthesizer';
import { type BuiltTtsWorker, buildTestTtsWorker } from './speech/test-tts-worker-build';
import { join } from 'node:path';

/** voice:speak and voice:list-voices through the core, with the real espeak-ng worker. */
describe('spoken replies through the voice domain', () => {
  let t: TestCore;
  let built: BuiltTtsWorker;
  beforeAll(async () => {
    built = await buildTestTtsWorker();
    t = await createTestCore();
    await t.core.domains.voice.service.attachSpeech(
      createSpeechSynthesizer({
        cacheDir: join(t.dataDir, 'cache', 'speech'),
        logger: t.core.ports.logger,
        workerPath: built.path,
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
    await built?.dispose();
  });

  it(
    'speaks with the settings voice unless told otherwise, and serves a repeat from the cache',
    { timeout: 60_000 },
    async () => {
      await invokeOk(t.core, 'voice:update-settings', {
        replies: { enabled: true, voice: 'es', rate: 160, pitch: 40, tone: 'calm' },
      });
      const first = await invokeOk(t.core, 'voice:speak', { text: 'Programada para mañana a las nueve.' });
      expect(first.cached).toBe(false);
      expect(first.durationMs).toBeGreaterThan(500);
      const wav = base64ToBytes(first.wavBase64);
      expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe('RIFF');
      const again = await invokeOk(t.core, 'voice:speak', { text: 'Programada para mañana a las nueve.' });
      expect(again).toMatchObject({ cached: true, wavBase64: first.wavBase64 });
      const { voices } = await invokeOk(t.core, 'voice:list-voices', {});
      expect(voices.map((v) => v.id)).toEqual(expect.arrayContaining(['en-us', 'es']));
      const status = await invokeOk(t.core, 'voice:status', {});
      expect(status.tts.state).toBe('ready');
      expect(status.hotkey).toMatchObject({ global: false });
      expect(status.hotkey.message).toContain('on-screen');
    },
  );
});
