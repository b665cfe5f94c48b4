import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PRICES, loadPriceTable, PriceTable } from './pricing';
import { CLOUD_PROVIDERS } from './provider-catalog';

describe('price table', () => {
  it('costs a call from the per-1M-token prices, with the date and page they come from', () => {
    const cost = BUNDLED_PRICES.cost('anthropic', 'claude-sonnet-5-5', 1_000_000, 500_000);
    expect(cost).toEqual({ usd: 7, asOf: '2026-11-25', source: expect.stringContaining('Claude Platform Docs') });
    expect(BUNDLED_PRICES.cost('openai', 'gpt-5.4-nano', 2000, 1000)).toMatchObject({
      usd: (2000 * 0.2 + 1000 * 1.25) / 1e6,
    });
  });

  it('prices a dated snapshot like its alias', () => {
    expect(BUNDLED_PRICES.cost('anthropic', 'claude-haiku-4-5-20251001', 1_000_000, 0)).toMatchObject({ usd: 1 });
  });

  it('says clearly that an unknown model has an unknown cost, never zero', () => {
    const cost = BUNDLED_PRICES.cost('meta', 'Llama-3.3-8B-Instruct', 1000, 1000);
    expect(cost).toEqual({
      usd: null,
      reason:
        'No price for meta model "Llama-3.3-8B-Instruct" in llm-prices.json, so its cost is unknown (not zero). Add it to the table to track spending.',
    });
  });

  it('charges nothing for local engines', () => {
    expect(BUNDLED_PRICES.cost('ollama', 'llama3.2', 5000, 5000)).toMatchObject({ usd: 0 });
  });

  it('has a price for every default model of every priced provider', () => {
    for (const entry of CLOUD_PROVIDERS.filter((e) => e.id !== 'meta')) {
      for (const model of Object.values(entry.defaultModels)) {
        expect(BUNDLED_PRICES.priceOf(entry.id, model), `${entry.id}/${model}`).toBeDefined();
      }
    }
  });

  it('rejects a malformed table with every problem and its place', () => {
    const bad = {
      currency: 'EUR',
      unit: 'per_1m_tokens',
      providers: { openai: { asOf: 'last week', source: 'x', models: { 'gpt-x': { input: -1, output: 2 } } } },
    };
    expect(() => PriceTable.parse(bad, 'prices.json')).toThrow(
      /prices\.json is not a valid price table:[\s\S]*currency[\s\S]*providers\.openai\.asOf[\s\S]*providers\.openai\.models\.gpt-x\.input/,
    );
  });

  it('loads a user-edited copy from disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cadence-prices-'));
    try {
      const file = join(dir, 'llm-prices.json');
      const edited = {
        currency: 'USD',
        unit: 'per_1m_tokens',
        providers: {
          meta: {
            asOf: '2026-12-01',
            source: 'my invoice',
            models: { 'Llama-3.3-8B-Instruct': { input: 0.1, output: 0.2 } },
          },
        },
      };
      await writeFile(file, JSON.stringify(edited));
      const table = await loadPriceTable(file);
      expect(table.cost('meta', 'Llama-3.3-8B-Instruct', 1_000_000, 1_000_000)).toEqual({
        usd: 0.3,
        asOf: '2026-12-01',
        source: 'my invoice',
      });
      await writeFile(file, '{ not json');
      await expect(loadPriceTable(file)).rejects.toThrow(/is not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
