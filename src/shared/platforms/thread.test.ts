import { describe, expect, it } from 'vitest';
import { isThread, joinThread, splitThread } from './thread';

describe('splitThread', () => {
  it.each([
    ['empty body', '', []],
    ['one part', 'Just one post.', ['Just one post.']],
    ['two parts', 'First.\n---\nSecond.', ['First.', 'Second.']],
    ['spaces around the separator', 'First.\n  ---\t\nSecond.', ['First.', 'Second.']],
    ['Windows line ends', 'First.\r\n---\r\nSecond.', ['First.', 'Second.']],
    ['separators at the edges and doubled', '---\nA\n---\n---\nB\n---', ['A', 'B']],
    ['dashes inside a line are text', 'a --- b\n----\nc', ['a --- b\n----\nc']],
    ['line breaks inside a part are kept', 'a\n\nb\n---\nc', ['a\n\nb', 'c']],
  ])('%s', (_name, body, parts) => {
    expect(splitThread(body)).toEqual(parts);
  });
});

describe('joinThread', () => {
  it('puts a separator line between parts and round-trips through splitThread', () => {
    const parts = ['First post.', 'Second\n\nwith a gap.', 'Third 🎉'];
    const body = joinThread(parts);
    expect(body).toBe('First post.\n\n---\n\nSecond\n\nwith a gap.\n\n---\n\nThird 🎉');
    expect(splitThread(body)).toEqual(parts);
    expect(isThread(body)).toBe(true);
  });

  it('drops empty parts and leaves a single part without a separator', () => {
    expect(joinThread(['  only  ', '', ' '])).toBe('only');
    expect(isThread('only')).toBe(false);
    expect(joinThread([])).toBe('');
  });
});
