import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { draftIdeaOutputSchema } from '../../shared/contract/studio';
import type { DraftProgress } from '../../shared/domain/studio';
import { countText } from '../../shared/platforms';
import { shapeForPlatform } from '../../shared/platforms/shape';
import { splitThread } from '../../shared/platforms/thread';
import { createOllamaPeer, type OllamaPeer } from '../../../test/peers/ollama/peer';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import type * as PromptModule from './prompt';
import { ideaInput } from './studio.test-support';

/**
 * Small token budgets: the test proves the wiring (streamed tokens, shaping, saving, limits), not
 * long generations; at the platforms' real budgets (400–700 tokens each) the tiny model took ~40 s.
 */
const TEST_BUDGET = 48;
vi.mock('./prompt', async (importOriginal) => ({
  ...(await importOriginal<typeof PromptModule>()),
  draftMaxTokens: () => TEST_BUDGET,
}));

/** The whole path through the contract: the core's studio, router and Ollama provider, the Ollama peer running stories260K. */
let peer: OllamaPeer;
let t: TestCore;
beforeAll(async () => {
  peer = await createOllamaPeer();
  t = await createTestCore({ llm: { ollama: { url: peer.url }, embedded: 'off' } });
  await t.core.services.llm.saveSettings({ chains: { drafting: [{ provider: 'ollama', model: 'stories260k' }] } });
});
afterAll(async () => {
  await t?.dispose();
  await peer?.close();
});

describe('studio against the Ollama peer (real tiny model)', () => {
  it('streams three drafts as tokens and saves each shaped for its platform', { timeout: 120_000 }, async () => {
    const tokens = new Map<string, string[]>();
    const finished: DraftProgress[] = [];
    let resolveAll!: () => void;
    const allDone = new Promise<void>((resolve) => (resolveAll = resolve));
    t.core.events.onAny((name, payload) => {
      if (name === 'llm:token') {
        const { requestId, text } = payload as { requestId: string; text: string };
        tokens.set(requestId, [...(tokens.get(requestId) ?? []), text]);
      }
      if (
        name === 'studio:draft-progress' &&
        ['done', 'failed', 'cancelled'].includes((payload as DraftProgress).status)
      ) {
        finished.push(payload as DraftProgress);
        if (finished.length === 3) resolveAll();
      }
    });
    const input = ideaInput({ kind: 'topic', value: 'A little dog who bakes bread' }, ['x', 'bluesky', 'linkedin']);
    const result = await t.core.dispatcher.invoke('studio:draft-idea', input);
    if (!result.ok) throw new Error(result.error.message);
    const started = { value: draftIdeaOutputSchema.parse(result.value) };
    await allDone;

    expect(finished.map((f) => f.status)).toEqual(['done', 'done', 'done']);
    for (const draft of started.value.drafts) {
      const streamed = tokens.get(draft.requestId) ?? [];
      expect(streamed.length).toBeGreaterThan(5);
      const post = await t.core.services.posts.get(draft.postId);
      expect(post.body).toBe(shapeForPlatform(draft.platform, streamed.join('')).text);
      for (const part of splitThread(post.body)) expect(countText(draft.platform, part).over).toBe(false);
    }
    // The budget really reached the model: no request asked for more.
    const budgets = peer.requests.flatMap((r) => {
      const options = r.body?.options as { num_predict?: number } | undefined;
      return options?.num_predict === undefined ? [] : [options.num_predict];
    });
    expect(budgets).toEqual([TEST_BUDGET, TEST_BUDGET, TEST_BUDGET]);
    const idea = await t.core.dispatcher.invoke('studio:get-idea', { ideaId: started.value.ideaId });
    expect(idea).toMatchObject({
      ok: true,
      value: { drafts: [{ status: 'done' }, { status: 'done' }, { status: 'done' }] },
    });
  });
});
