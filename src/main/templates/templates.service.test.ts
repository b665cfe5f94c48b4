import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Envelope, Input } from '../../shared/contract';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { parseBundledTemplates } from './bundled-templates';

const BUNDLED_IDS = ['announcement', 'case-study', 'contrarian-take', 'hook-value-cta', 'how-to', 'listicle', 'story'];

const mine: Input<'templates:save-template'> = {
  name: 'Weekly win',
  description: 'A small win from the week',
  format: 'post',
  structure: 'This week’s win: {{win}}\n\nWhy it worked: {{ reason }}',
  variables: [
    { name: 'win', label: 'The win', example: 'Shipped the beta' },
    { name: 'reason', label: 'Why it worked', example: 'Small scope' },
  ],
};

describe('templates', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(async () => {
    await t.dispose();
  });

  const invoke = <C extends Channel>(channel: C, input: Input<C>): Promise<Envelope<unknown>> =>
    t.core.dispatcher.invoke(channel, input);

  it('lists the seven bundled templates, each with variables that match its structure', async () => {
    const result = await invoke('templates:list-templates', {});
    if (!result.ok) throw new Error(result.error.message);
    const list = result.value as { templates: Array<{ id: string; source: string; edited: boolean }>; hidden: [] };
    expect(list.templates.map((template) => template.id).sort()).toEqual(BUNDLED_IDS);
    expect(list.templates.every((template) => template.source === 'bundled' && !template.edited)).toBe(true);
    expect(list.hidden).toEqual([]);
  });

  it('creates, edits and deletes the creator’s own template', async () => {
    const service = t.core.domains.templates.service;
    const created = await service.save({ ...mine, description: mine.description ?? '' });
    expect(created).toMatchObject({ source: 'user', edited: false, name: 'Weekly win' });
    expect(created.id).toMatch(/^user-/u);

    t.clock.advance(60_000);
    const edited = await service.save({ ...mine, id: created.id, name: 'Win of the week', description: '' });
    expect(edited.name).toBe('Win of the week');
    expect((await service.list()).templates.filter((template) => template.source === 'user')).toEqual([edited]);

    expect(await service.remove(created.id)).toEqual({ id: created.id, hidden: false });
    await expect(service.get(created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.remove(created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('editing a bundled template stores the creator’s copy; restore reverts it', async () => {
    const service = t.core.domains.templates.service;
    const original = await service.get('story');
    await service.save({ ...original, id: 'story', name: 'My story', description: original.description });
    const after = await service.list();
    expect(after.templates.filter((template) => template.id === 'story')).toEqual([
      { ...original, name: 'My story', edited: true },
    ]);
    expect(after.templates).toHaveLength(BUNDLED_IDS.length);

    expect(await service.restore('story')).toEqual(original);
    expect(await service.get('story')).toEqual(original);
  });

  it('removing a bundled template hides it until it is restored', async () => {
    const result = await invoke('templates:delete-template', { id: 'listicle' });
    expect(result).toEqual({ ok: true, value: { id: 'listicle', hidden: true } });
    const list = await t.core.domains.templates.service.list();
    expect(list.templates.map((template) => template.id)).not.toContain('listicle');
    expect(list.hidden.map((template) => template.id)).toEqual(['listicle']);
    // A bulk plan that named it still renders.
    await expect(t.core.domains.templates.service.get('listicle')).resolves.toMatchObject({ id: 'listicle' });

    await invoke('templates:restore-template', { id: 'listicle' });
    expect((await t.core.domains.templates.service.list()).hidden).toEqual([]);
  });

  it('refuses to edit or restore what does not exist', async () => {
    expect(await invoke('templates:save-template', { ...mine, id: 'user-gone' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await invoke('templates:restore-template', { id: 'user-gone' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it.each([
    ['undeclared placeholder', 'Hi {{name}} and {{friend}}', ['{{friend}} is used in the structure but not declared']],
    ['declared but unused', 'Hi there', ['The variable "name" is declared but not used in the structure']],
    ['bad placeholder name', 'Hi {{Name}} {{name}}', ['{{Name}} is not a valid variable name']],
  ])('save refuses a structure with a %s', async (_name, structure, messages) => {
    const result = await invoke('templates:save-template', {
      name: 'T',
      format: 'post',
      structure,
      variables: [{ name: 'name', label: 'Name', example: '' }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (result.ok) return;
    const { issues } = result.error.details as { issues: Array<{ message: string }> };
    expect(issues.map((issue) => issue.message)).toEqual(messages);
  });

  it('renders a template with its values', async () => {
    const result = await invoke('templates:render-template', {
      id: 'hook-value-cta',
      values: { hook: 'One habit.', value: 'Write the next post now.', cta: 'Try it today.' },
    });
    expect(result).toEqual({ ok: true, value: { text: 'One habit.\n\nWrite the next post now.\n\nTry it today.' } });
  });

  it('names every missing or blank variable when rendering', async () => {
    const result = await invoke('templates:render-template', { id: 'hook-value-cta', values: { hook: 'x', cta: ' ' } });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message:
          'Fill in "value" (The useful part), "cta" (Call to action) to use the template "Hook + value + call to action".',
        details: { missing: ['value', 'cta'] },
      },
    });
  });

  it('renders spaced placeholders in the creator’s template', async () => {
    const service = t.core.domains.templates.service;
    const created = await service.save({ ...mine, description: '' });
    expect(await service.render(created.id, { win: 'Beta out', reason: 'Small scope' })).toBe(
      'This week’s win: Beta out\n\nWhy it worked: Small scope',
    );
  });

  it('refuses a bundled file whose variables do not match', () => {
    const bad = {
      version: 1,
      templates: [
        {
          id: 'a',
          name: 'A',
          description: '',
          format: 'post',
          structure: '{{x}}',
          variables: [{ name: 'y', label: 'Y', example: '' }],
        },
      ],
    };
    expect(() => parseBundledTemplates(bad)).toThrow(/a: \{\{x\}\} is used in the structure but not declared/u);
  });
});
