import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { errorMessage, fieldIssuesOf, issuesByField } from './errors';

describe('contract error helpers', () => {
  it('reads field issues only from VALIDATION_FAILED', () => {
    const issues = [{ path: ['goal', 'deadline'], message: 'Too early' }];
    expect(fieldIssuesOf(new ContractError('VALIDATION_FAILED', 'bad', { issues }))).toEqual(issues);
    expect(fieldIssuesOf(new ContractError('CONFLICT', 'x', { issues }))).toEqual([]);
    expect(fieldIssuesOf(new ContractError('VALIDATION_FAILED', 'bad', { issues: [{ nope: 1 }] }))).toEqual([]);
  });

  it('groups issues by path, optionally cut to a depth', () => {
    const issues = [
      { path: ['tags', 2], message: 'A tag cannot be empty' },
      { path: ['tags', 3], message: 'second' },
      { path: ['title'], message: 'Too long' },
    ];
    expect(issuesByField(issues, 1)).toEqual({ tags: 'A tag cannot be empty', title: 'Too long' });
    expect(issuesByField(issues)).toEqual({ 'tags.2': 'A tag cannot be empty', 'tags.3': 'second', title: 'Too long' });
  });

  it('turns anything into a sentence', () => {
    expect(errorMessage(new ContractError('UNAVAILABLE', 'Host down'))).toBe('Host down');
    expect(errorMessage('weird')).toBe('Something went wrong');
  });
});
