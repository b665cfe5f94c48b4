import { describe, expect, it } from 'vitest';
import { checkIdeaForm, type IdeaForm } from './idea-form';

const form = (patch: Partial<IdeaForm>): IdeaForm => ({
  kind: 'topic',
  value: '',
  postId: '',
  platforms: ['x'],
  variants: 1,
  templateId: '',
  templateValues: {},
  ...patch,
});

describe('checking the idea form', () => {
  it.each([
    [{ value: '  ' }, { value: 'Say what the post is about' }],
    [{ kind: 'link' as const, value: 'example.com' }, { value: 'A link must start with http:// or https://' }],
    [{ kind: 'post' as const, value: 'ignored' }, { value: 'Pick the post to start from' }],
    [{ value: 'bread', platforms: [] }, { platforms: 'Pick at least one platform' }],
  ])('refuses %o', (patch, errors) => {
    expect(checkIdeaForm(form(patch))).toEqual({ ok: false, errors });
  });

  it('asks for every template variable', () => {
    const result = checkIdeaForm(form({ value: 'bread', templateId: 'listicle', templateValues: { count: '5' } }), [
      'count',
      'audience',
    ]);
    expect(result).toEqual({ ok: false, errors: { template: 'Fill in audience' } });
  });

  it('gives the source the core expects', () => {
    expect(checkIdeaForm(form({ value: '  winter starters ' }))).toEqual({
      ok: true,
      source: { kind: 'topic', value: 'winter starters' },
    });
    const post = checkIdeaForm(form({ kind: 'post', postId: '00000000-0000-4000-8000-000000000001' }));
    expect(post).toEqual({ ok: true, source: { kind: 'post', value: '00000000-0000-4000-8000-000000000001' } });
  });
});
