import { describe, expect, it } from 'vitest';
import { updateStatement } from './fixed-sql';

describe('fixed SQL text', () => {
  it('builds an update from the defined columns, in order, with the values first and the where after', () => {
    const { text, values } = updateStatement(
      'publish_jobs',
      { status: 'sending', attempts: 2, next_attempt_at: null, url: undefined },
      'id = ? and lease_owner = ?',
    );
    expect(text).toBe(
      'update publish_jobs set status = ?, attempts = ?, next_attempt_at = ? where id = ? and lease_owner = ?',
    );
    expect(values).toEqual(['sending', 2, null]);
  });

  it('refuses a column that is not a plain identifier, and an update with nothing to set', () => {
    expect(() => updateStatement('publish_jobs', { 'status = 1; drop table x; --': 'x' }, 'id = ?')).toThrow(
      'not a column name',
    );
    expect(() => updateStatement('publish_jobs', { url: undefined }, 'id = ?')).toThrow('at least one column');
  });
});
