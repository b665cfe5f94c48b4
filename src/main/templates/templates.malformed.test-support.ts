import type { MalformedRows } from '../contract/malformed-rows';

const valid = {
  name: 'Mine',
  format: 'post',
  structure: 'Hello {{name}}',
  variables: [{ name: 'name', label: 'Name', example: 'Ada' }],
};

/** Inputs each templates channel must refuse before any service runs (read by dispatcher.test.ts). */
export const templatesMalformedInputs: MalformedRows<'templates'> = {
  'templates:list-templates': [[], 'all', { extra: true }],
  'templates:save-template': [
    {},
    { ...valid, name: '' },
    { ...valid, format: 'reel' },
    { ...valid, structure: '   ' },
    { ...valid, structure: 'Hello {{name}} from {{place}}' },
    { ...valid, structure: 'Hello there' },
    { ...valid, structure: 'Hello {{Name}}', variables: [{ name: 'Name', label: 'Name', example: '' }] },
    { ...valid, variables: [valid.variables[0], valid.variables[0]] },
    { ...valid, variables: [{ name: 'name', label: '', example: '' }] },
    { ...valid, id: '' },
    { ...valid, extra: true },
  ],
  'templates:delete-template': [{}, { id: '' }, { id: 7 }, { id: 'a', extra: 1 }],
  'templates:restore-template': [{}, { id: '  ' }, { id: null }],
  'templates:render-template': [
    {},
    { id: 'listicle' },
    { id: 'listicle', values: { count: 3 } },
    { id: '', values: {} },
    { id: 'listicle', values: {}, extra: true },
  ],
};
