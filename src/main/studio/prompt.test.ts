import { describe, expect, it } from 'vitest';
import { buildDraftPrompt, draftMaxTokens, MAX_SOURCE_CHARS, VARIANT_ANGLES } from './prompt';

const topic = { kind: 'topic' as const, text: 'Rye starters' };

describe('buildDraftPrompt', () => {
  it.each([
    ['x', 'X', 'Threads are allowed', '280'],
    ['bluesky', 'Bluesky', 'Threads are allowed', '300'],
    ['linkedin', 'LinkedIn', 'No threads', '3000'],
    ['instagram', 'Instagram', 'No threads', 'never more than 30'],
    ['youtube', 'YouTube', 'No threads', 'video title'],
  ] as const)('%s: system message carries the platform norms', (platform, name, threads, detail) => {
    const [system, user] = buildDraftPrompt({ platform, variant: 'A', source: topic, template: null, voice: null });
    expect(system).toMatchObject({ role: 'system' });
    expect(system?.content).toContain(`Write one ${name} post`);
    expect(system?.content).toContain(threads);
    expect(system?.content).toContain(detail);
    expect(user).toEqual({ role: 'user', content: 'Topic: Rye starters' });
  });

  it('gives each variant its own angle', () => {
    const systems = (['A', 'B', 'C'] as const).map(
      (variant) => buildDraftPrompt({ platform: 'x', variant, source: topic, template: null, voice: null })[0]?.content,
    );
    systems.forEach((system, i) => expect(system).toContain(Object.values(VARIANT_ANGLES)[i]));
    expect(new Set(systems).size).toBe(3);
    expect(draftMaxTokens('x', 'C')).toBeLessThan(draftMaxTokens('x', 'A'));
  });

  it('includes the template structure and the brand voice with its examples', () => {
    const [system] = buildDraftPrompt({
      platform: 'linkedin',
      variant: 'A',
      source: topic,
      template: { name: 'Hook + value + CTA', text: 'Hook: {{hook}}\nValue\nCTA' },
      voice: { instructions: 'Warm, plain words, no emoji.', examples: ['My first loaf was a brick.', ' '] },
    });
    expect(system?.content).toContain(
      'Follow this structure ("Hook + value + CTA"); fill any {{placeholder}} from the source:\nHook: {{hook}}',
    );
    expect(system?.content).toContain('Voice: Warm, plain words, no emoji.');
    expect(system?.content).toContain('Example 1:\nMy first loaf was a brick.');
    expect(system?.content).not.toContain('Example 2');
  });

  it.each([
    [{ kind: 'text', text: 'pasted' }, 'Write the post from this text:\n\npasted'],
    [{ kind: 'transcript', text: 'um so rye' }, 'voice note transcript'],
    [{ kind: 'post', text: 'old post' }, 'Adapt this existing post of mine:\n\nold post'],
    [{ kind: 'link', text: 'https://a.example/x', page: null }, 'could not be read'],
  ] as const)('frames a %o source', (source, expected) => {
    const [, user] = buildDraftPrompt({ platform: 'x', variant: 'A', source, template: null, voice: null });
    expect(user?.content).toContain(expected);
  });

  it('clips very long source text', () => {
    const text = 'word '.repeat(5_000);
    const [, user] = buildDraftPrompt({
      platform: 'x',
      variant: 'A',
      source: { kind: 'text', text },
      template: null,
      voice: null,
    });
    expect(user!.content.length).toBeLessThan(MAX_SOURCE_CHARS + 100);
    expect(user!.content.endsWith('…')).toBe(true);
  });
});
