import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LLM_SETTINGS } from '../../../shared/domain/llm';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { UsageRepository } from '../usage/usage.repository';
import { BudgetGuard } from './budget';

let t: TestCore;
let usage: UsageRepository;
let budget: BudgetGuard;
beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
  usage = new UsageRepository(t.core.database.db);
  budget = new BudgetGuard(usage, t.clock);
});
afterEach(() => t.dispose());

const settings = { ...DEFAULT_LLM_SETTINGS, perGenerationCeilingUsd: 0.1, monthlyCeilingUsd: 0.15 };

async function spend(costUsd: number): Promise<void> {
  await usage.insert({
    requestId: 'r',
    task: 'drafting',
    provider: 'openai',
    model: 'm',
    location: 'cloud',
    fallbackPosition: 0,
    outcome: 'ok',
    errorKind: null,
    tokensIn: 1,
    tokensOut: 1,
    ttftMs: null,
    tokensPerSecond: null,
    durationMs: 1,
    costUsd,
    createdAt: t.clock.now().toISOString(),
  });
}

describe('BudgetGuard', () => {
  it('holds an approved estimate until released, so parallel calls cannot share the same dollars', async () => {
    const first = await budget.reserve(0.08, settings);
    expect(first.ok).toBe(true);
    const second = await budget.reserve(0.08, settings);
    expect(second).toMatchObject({ ok: false, reason: expect.stringMatching(/monthly ceiling/) });
    if (first.ok) first.release();
    expect((await budget.reserve(0.08, settings)).ok).toBe(true);
  });

  it('never refuses a free call, even with the month spent', async () => {
    await spend(5);
    expect((await budget.reserve(0, settings)).ok).toBe(true);
    expect((await budget.reserve(0.0001, settings)).ok).toBe(false);
  });

  it('starts each calendar month (UTC) from zero', async () => {
    await spend(0.15);
    expect((await budget.reserve(0.01, settings)).ok).toBe(false);
    t.clock.set('2026-12-01T00:00:00.000Z');
    expect(await budget.spentThisMonth()).toBe(0);
    expect((await budget.reserve(0.01, settings)).ok).toBe(true);
  });
});
