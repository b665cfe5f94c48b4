import { describe, expect, it } from 'vitest';
import { exampleValues, labelFromName, syncVariables, variableNamesIn } from './template-variables';

describe('variableNamesIn', () => {
  it.each([
    ['{{hook}}\n\n{{ value }}\n{{hook}}', ['hook', 'value']],
    ['no variables', []],
    ['{{ bad name }} {{1st}} {{Upper}} {{ok_2}}', ['ok_2']],
    ['{{a}}{{b}}{{a}}', ['a', 'b']],
  ])('finds the names in %j', (structure, names) => {
    expect(variableNamesIn(structure)).toEqual(names);
  });
});

describe('syncVariables', () => {
  it('keeps typed labels, adds new names, drops removed ones, follows the structure order', () => {
    const rows = [
      { name: 'cta', label: 'Your ask', example: 'Follow me' },
      { name: 'gone', label: 'Gone', example: '' },
    ];
    expect(syncVariables('{{call_to_action}} then {{cta}}', rows)).toEqual([
      { name: 'call_to_action', label: 'Call to action', example: '' },
      { name: 'cta', label: 'Your ask', example: 'Follow me' },
    ]);
  });
});

describe('exampleValues', () => {
  it('uses the example, else the label in brackets', () => {
    expect(
      exampleValues([
        { name: 'hook', label: 'Hook', example: ' A bold claim ' },
        { name: 'cta', label: 'Call to action', example: '' },
      ]),
    ).toEqual({ hook: 'A bold claim', cta: '[Call to action]' });
  });

  it('labels a name without a label', () => {
    expect(labelFromName('case-study_name')).toBe('Case study name');
  });
});
