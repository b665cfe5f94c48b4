import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaPeer, type OllamaPeer } from '../../../../test/peers/ollama/peer';
import { invokeOk } from '../../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { voiceIntentSchema } from '../../../shared/domain/voice';
import { readIntents } from './ai-understanding';

describe('reading the model answer', () => {
  it.each([
    [
      '{"understood": true, "intents": [{"action": "app.navigate", "page": "calendar"}]}',
      [{ action: 'app.navigate', page: 'calendar' }],
    ],
    // Extra empty fields a model adds are dropped; a missing platform is "none".
    [
      '```json\n{"understood": true, "intents": [{"action": "draft.create", "topic": "tea", "page": "", "at": ""}]}\n```',
      [{ action: 'draft.create', topic: 'tea', platform: null }],
    ],
    ['{"understood": false, "intents": [{"action": "voice.help"}]}', null],
    ['{"understood": true, "intents": []}', null],
    ['{"understood": true, "intents": [{"action": "voice.answer", "answer": "yes"}]}', null],
    ['{"understood": true, "intents": [{"action": "post.fly"}]}', null],
    ['{"understood": true, "intents": [{"action": "post.schedule", "at": "tomorrow"}]}', null],
    ['{"understood": true, "intents": [{"action": "draft.create", "topic": ""}]}', null],
    ['I think you want the calendar', null],
  ])('%s', (answer, expected) => {
    expect(readIntents(answer)).toEqual(expected);
  });
});

/** The whole path: grammar miss → the router's classification chain → the Ollama peer (real tiny model, JSON schema grammar). */
describe('AI fallback against the Ollama peer', () => {
  let peer: OllamaPeer;
  let t: TestCore;
  beforeAll(async () => {
    peer = await createOllamaPeer();
    t = await createTestCore({ llm: { ollama: { url: peer.url }, embedded: 'off' } });
    await t.core.services.llm.saveSettings({
      chains: { classification: [{ provider: 'ollama', model: 'stories260k' }] },
    });
  });
  afterAll(async () => {
    await t?.dispose();
    await peer?.close();
  });

  it('asks the engine with the intent schema and acts only on a valid answer', { timeout: 120_000 }, async () => {
    const command = await invokeOk(t.core, 'voice:run-text', {
      text: 'blorp the frobnicator',
      context: { postId: null, page: null },
    });
    const usage = await t.core.database.db.selectFrom('llm_usage').selectAll().execute();
    expect(usage.map((u) => u.task)).toContain('classification');
    if (command.understoodBy === 'ai') {
      // A tiny story model picks some action; whatever it is must be a valid intent and risky ones still ask.
      for (const intent of command.intents) expect(voiceIntentSchema.safeParse(intent).success).toBe(true);
      expect(['done', 'awaiting-confirmation', 'failed']).toContain(command.status);
    } else {
      expect(command).toMatchObject({ status: 'not-understood', intents: [] });
    }
  });
});
