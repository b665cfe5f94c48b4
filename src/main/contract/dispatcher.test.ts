import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Channel, contract } from '../../shared/contract';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { studioMalformedInputs } from '../studio/studio.malformed.test-support';
import { templatesMalformedInputs } from '../templates/templates.malformed.test-support';
import { brandMalformedInputs } from '../brand/brand.malformed.test-support';
import { qualityMalformedInputs } from '../quality/quality.malformed.test-support';
import { hashtagsMalformedInputs } from '../hashtags/hashtags.malformed.test-support';
import { bulkMalformedInputs } from '../bulk/bulk.malformed.test-support';
import { mediaMalformedInputs } from '../media/media.malformed.test-support';
import { searchMalformedInputs } from '../search/search.malformed.test-support';
import { planningMalformedInputs } from '../planning/planning.malformed.test-support';
import { accountsMalformedInputs } from '../accounts/accounts.malformed.test-support';
import { publishingMalformedInputs } from '../publishing/publishing.malformed.test-support';
import { analyticsMalformedInputs } from '../analytics/analytics.malformed.test-support';
import { coachMalformedInputs } from '../coach/coach.malformed.test-support';
import { importsMalformedInputs } from '../imports/imports.malformed.test-support';
import { reportsMalformedInputs } from '../reports/reports.malformed.test-support';
import { voiceMalformedInputs } from '../voice/voice.malformed.test-support';
import { syncMalformedInputs } from '../sync/sync.malformed.test-support';
import { relayMalformedInputs } from '../publishing/relay/relay.malformed.test-support';

const UUID = '3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b';

/**
 * For every channel, inputs that must be refused before any service runs. A channel added to the
 * contract without rows here fails the coverage test below.
 */
const malformedInputs: Record<Channel, unknown[]> = {
  'app:get-info': [{ extra: 1 }, 'text', 42],
  'app:get-diagnostics': [{ logLines: 0 }, { logLines: 'ten' }, { logLines: 5000 }],
  'profile:get-profile': [{ id: 1 }, []],
  'profile:save-profile': [
    {},
    { name: '', niche: 'x', platforms: ['x'], timezone: 'UTC', goal: {}, cadence: {} },
    {
      name: 'Ada',
      niche: 'baking',
      platforms: ['myspace'],
      timezone: 'UTC',
      goal: { metric: 'followers', target: 10, deadline: '2027-01-01' },
      cadence: { postsPerWeek: 3, days: ['mon'] },
    },
    {
      name: 'Ada',
      niche: 'baking',
      platforms: ['x'],
      timezone: 'Mars/Olympus',
      goal: { metric: 'followers', target: 10, deadline: '2027-01-01' },
      cadence: { postsPerWeek: 3, days: ['mon'] },
    },
    {
      name: 'Ada',
      niche: 'baking',
      platforms: ['x'],
      timezone: 'UTC',
      goal: { metric: 'followers', target: -5, deadline: '31/01/2027' },
      cadence: { postsPerWeek: 0, days: [] },
    },
  ],
  'posts:create-post': [
    { status: 'posted' },
    { platforms: ['x', 'orkut'] },
    { tags: ['two words'] },
    { scheduledAt: 'tomorrow at 9' },
    { body: 7 },
    { id: UUID },
  ],
  'posts:update-post': [{}, { id: 'not-a-uuid', version: 1 }, { id: UUID }, { id: UUID, version: 0 }],
  'posts:get-post': [{}, { id: 'abc' }],
  'posts:list-posts': [{ limit: 0 }, { limit: 10_000 }, { statuses: ['nope'] }, { from: 'yesterday' }, { offset: -1 }],
  'posts:schedule-post': [{ id: UUID }, { id: UUID, scheduledAt: '2026-13-01T00:00:00Z' }],
  'posts:set-statuses': [{ items: [] }, { items: [{ id: UUID, status: 'gone' }] }],
  'posts:delete-posts': [{ ids: [] }, { ids: ['x'] }, {}],
  'posts:restore-posts': [{ ids: [] }, { ids: [1] }],
  'posts:list-revisions': [{}, { postId: 'abc' }],
  'posts:restore-revision': [{ postId: UUID }, { postId: UUID, revisionId: -1 }],
  'data:export-all': [{ everything: true }],
  'data:import-all': [{}, { document: { format: 'other' } }, { document: {}, mode: 'overwrite' }],
  'llm:generate-text': [
    {},
    { task: 'poetry', prompt: 'x' },
    { task: 'drafting' },
    { task: 'drafting', prompt: 'x', messages: [{ role: 'user', content: 'y' }] },
    { task: 'drafting', prompt: 'x', maxTokens: 0 },
    { task: 'drafting', prompt: 'x', requestId: 'abc' },
    { task: 'drafting', messages: [{ role: 'robot', content: 'x' }] },
  ],
  'llm:cancel-generation': [{}, { requestId: 'abc' }],
  'llm:get-settings': [{ privacyMode: true }],
  'llm:save-settings': [
    { privacyMode: 'yes' },
    { chains: { drafting: [{ provider: 'skynet', model: 'x' }] } },
    { perGenerationCeilingUsd: -1 },
    { allowedCloudTasks: ['everything'] },
    { firstTokenTimeoutMs: 5 },
    { unknown: true },
  ],
  'llm:get-usage': [
    {},
    { from: 'yesterday', to: '2026-11-02T00:00:00Z' },
    { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' },
  ],
  'llm:rate-generation': [{ usageId: 1, rating: 6 }, { usageId: 0, rating: 3 }, { usageId: 1 }],
  'llm:list-providers': [{ all: true }],
  'llm:get-engine-status': [{ verbose: true }],
  'llm:list-local-models': [{ provider: 'ollama' }],
  'llm:get-recommendations': [{ task: 'drafting' }],
  'llm:pull-model': [{ model: 'llama3.2:3b' }, { model: '', jobId: 'j' }, { model: 'bad name!', jobId: 'j' }],
  'llm:cancel-job': [{}, { jobId: '' }],
  'llm:delete-model': [{}, { model: 'rm -rf /' }],
  'llm:download-embedded-model': [
    { url: 'ftp://example.org/m.gguf', fileName: 'm.gguf', sha256: null, jobId: 'd' },
    { url: 'https://example.org/m.gguf', fileName: '../../etc/passwd', sha256: null, jobId: 'd' },
    { url: 'https://example.org/m.gguf', fileName: 'm.gguf', sha256: 'abc', jobId: 'd' },
  ],
  'llm:get-embedded-model-file': [{ path: '/x' }],
  'llm:set-embedded-model-file': [{}, { path: '' }, { path: 42 }],
  'llm:list-cloud-providers': [{ all: true }],
  'llm:save-api-key': [
    { provider: 'openai' },
    { provider: 'myspace', apiKey: 'sk-1234567890' },
    { provider: 'openai', apiKey: 'short' },
  ],
  'llm:remove-api-key': [{}, { provider: 'ollama' }],
  'llm:check-health': [{ deep: true }],
  ...importsMalformedInputs,
  ...analyticsMalformedInputs,
  ...reportsMalformedInputs,
  ...coachMalformedInputs,
  ...studioMalformedInputs,
  ...templatesMalformedInputs,
  ...brandMalformedInputs,
  ...qualityMalformedInputs,
  ...hashtagsMalformedInputs,
  ...bulkMalformedInputs,
  ...mediaMalformedInputs,
  ...searchMalformedInputs,
  ...planningMalformedInputs,
  ...accountsMalformedInputs,
  ...publishingMalformedInputs,
  ...voiceMalformedInputs,
  ...syncMalformedInputs,
  ...relayMalformedInputs,
};

describe('contract validation', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore();
  });
  afterAll(() => t.dispose());

  it('has malformed-input rows for every channel', () => {
    expect(Object.keys(malformedInputs).sort()).toEqual(Object.keys(contract).sort());
  });

  const rows = Object.entries(malformedInputs).flatMap(([channel, inputs]) =>
    inputs.map((input, index) => ({ channel, input, index })),
  );
  it.each(rows)('$channel refuses malformed input #$index with VALIDATION_FAILED', async ({ channel, input }) => {
    const result = await t.core.dispatcher.invoke(channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.message.length).toBeGreaterThan(0);
    const issues = (result.error.details as { issues: { path: unknown[]; message: string }[] }).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message).toEqual(expect.any(String));
  });

  it('names an unknown channel with UNKNOWN_CHANNEL', async () => {
    const result = await t.core.dispatcher.invoke('posts:launch-rocket', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'There is no channel named "posts:launch-rocket"' },
    });
  });

  it('points a field error at its path so the UI can show it beside the field', async () => {
    const result = await t.core.dispatcher.invoke('posts:create-post', { tags: ['ok', 'not ok'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details).toEqual({
      issues: [{ path: ['tags', 1], message: 'A tag cannot contain spaces or commas' }],
    });
  });

  it('logs each call with channel, duration and outcome but never the payload', async () => {
    await t.core.dispatcher.invoke('posts:create-post', { body: 'a secret draft about croissants' });
    await t.core.dispatcher.invoke('posts:get-post', { id: UUID });
    const { logTail } = await t.core.services.app.diagnostics(50);
    const calls = logTail.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.channel);
    expect(calls).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'posts:create-post', outcome: 'ok', ms: expect.any(Number) }),
        expect.objectContaining({ channel: 'posts:get-post', outcome: 'NOT_FOUND' }),
      ]),
    );
    expect(logTail.join('\n')).not.toContain('croissants');
  });
});
