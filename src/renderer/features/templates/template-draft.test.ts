import { describe, expect, it } from 'vitest';
import type { PostTemplate } from '../../../shared/domain/templates';
import { draftErrors, draftOf, sameShape } from './template-draft';

const saved: PostTemplate = {
  id: 'listicle',
  name: 'Listicle',
  description: 'Numbered points',
  format: 'post',
  structure: '{{title}}\n1. {{point}}',
  variables: [
    { name: 'title', label: 'Title', example: '5 ways' },
    { name: 'point', label: 'Point', example: 'Sleep' },
  ],
  source: 'bundled',
  edited: false,
};

describe('sameShape', () => {
  it('is true while only names, labels and examples change', () => {
    const draft = { ...draftOf(saved), name: 'Mine', variables: saved.variables.map((v) => ({ ...v, example: 'x' })) };
    expect(sameShape(draft, saved)).toBe(true);
  });

  it('is false after the structure changes, for a new draft, or without a saved template', () => {
    expect(sameShape({ ...draftOf(saved), structure: '{{title}}' }, saved)).toBe(false);
    const { id: _id, ...unsaved } = draftOf(saved);
    expect(sameShape(unsaved, saved)).toBe(false);
    expect(sameShape(draftOf(saved), undefined)).toBe(false);
  });
});

describe('draftErrors', () => {
  it('puts each issue beside its field and keeps every variables problem', () => {
    const errors = draftErrors([
      { path: ['name'], message: 'A template needs a name' },
      { path: ['variables'], message: '{{x}} is used in the structure but not declared' },
      { path: ['variables'], message: 'The variable "y" is declared but not used in the structure' },
      { path: ['variables', 1, 'label'], message: 'A variable needs a label' },
    ]);
    expect(errors).toEqual({
      name: 'A template needs a name',
      variables: [
        '{{x}} is used in the structure but not declared',
        'The variable "y" is declared but not used in the structure',
      ],
      rows: { 1: 'A variable needs a label' },
    });
    expect(draftErrors([])).toEqual({ variables: [], rows: {} });
  });
});
