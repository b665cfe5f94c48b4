import { afterEach, describe, expect, it } from 'vitest';
import type { BrandService } from '../brand/brand.service';
import { createBrand } from '../brand/brand.setup';
import type { GenerateRequest } from '../llm/provider';
import { type BulkHarness, PLAN, postScript, startBulk, topicOf } from './bulk.test-support';

let h: BulkHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const onePlatform = { ...PLAN, platforms: ['x' as const] };
const systemOf = (request: GenerateRequest) => request.messages.find((m) => m.role === 'system')?.content ?? '';
const postRequests = (harness: BulkHarness) => harness.provider.calls.filter((request) => !request.jsonSchema);

describe('bulk generation with the brand voice', () => {
  it('puts the voice and the creator’s most similar posts into every item’s prompt', async () => {
    let brand!: BrandService;
    h = await startBulk({
      brand: (deps) => {
        const domain = createBrand(deps);
        brand = domain.service;
        return domain;
      },
    });
    await brand.saveVoice({ tone: ['warm', 'playful'], notes: 'Always end with a question to the reader.' });
    await h.t.core.services.posts.create({ body: 'My starter mistakes: too cold, too little flour. Yours?' });
    await h.t.core.services.posts.create({ body: 'Tools I use for sourdough: a scale, a banneton, patience.' });

    const plan = await h.bulk.service.plan(onePlatform);
    await h.bulk.service.start(plan.job.id);
    await h.bulk.service.settled(plan.job.id);

    expect((await h.bulk.service.getJob(plan.job.id)).job.counts.done).toBe(3);
    const requests = postRequests(h);
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      const system = systemOf(request);
      expect(system).toContain("Write in the creator's voice: warm and playful.");
      expect(system).toContain('Always end with a question to the reader.');
      expect(system).toContain('Example 1:');
    }
    // Examples are chosen per item by similarity to its topic.
    const mistakes = requests.find((r) => topicOf(r).startsWith('5 mistakes'));
    expect(systemOf(mistakes!)).toMatch(/Example 1:\nMy starter mistakes/);
  });

  it('a failing voice guide is logged and the item is generated without it', async () => {
    const asked: string[] = [];
    h = await startBulk({
      script: postScript(),
      brand: () => ({
        service: {
          voiceGuide: async (text) => {
            asked.push(text);
            throw new Error('voice profile is corrupt');
          },
        },
      }),
    });
    const plan = await h.bulk.service.plan(onePlatform);
    await h.bulk.service.start(plan.job.id);
    await h.bulk.service.settled(plan.job.id);

    const detail = await h.bulk.service.getJob(plan.job.id);
    expect(detail.items.map((i) => [i.status, i.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
      ['done', 1],
    ]);
    expect(asked).toEqual(detail.items.map((i) => i.topic));
    for (const request of postRequests(h)) expect(systemOf(request)).not.toContain('Example 1:');
  });
});
