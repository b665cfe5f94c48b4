import { describe, expect, it } from 'vitest';
import { pdfSafe } from './pdf-text';

describe('pdfSafe', () => {
  it.each([
    ['Plain text', 'Plain text'],
    ['Crème brûlée – “best” € 5 …', 'Crème brûlée – “best” € 5 …'],
    ['Bread 🥖 time', 'Bread time'],
    ['Family 👨‍👩‍👧 day 👍🏽', 'Family day'],
    ['日本のパン', '?????'],
    ['two\nlines\there', 'two lines here'],
  ])('%j → %j', (input, output) => {
    expect(pdfSafe(input)).toBe(output);
  });
});
