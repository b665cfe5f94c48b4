import { describe, expect, it } from 'vitest';
import type { InterventionAction, RuleInsight } from '../../../shared/domain/coach';
import { actionTarget, daysText, historyStatusText, learningLine, statusText } from './intervention-text';

function insight(rule: RuleInsight['rule'], acted: number, dismissed: number, sentence: string): RuleInsight {
  return {
    rule,
    acted,
    dismissed,
    snoozed: 0,
    actRate: (acted + 1) / (acted + dismissed + 2),
    quieted: false,
    sentence,
  };
}

describe('actionTarget', () => {
  const cases: [InterventionAction, string, 'compose' | 'route', string][] = [
    [{ kind: 'suggest-post', text: 'Hi' }, 'Write the suggested post', 'compose', '/compose'],
    [{ kind: 'reschedule', postIds: ['a'] }, 'Reschedule the post', 'route', '/calendar'],
    [{ kind: 'reschedule', postIds: ['a', 'b', 'c'] }, 'Reschedule 3 posts', 'route', '/calendar'],
    [{ kind: 'reconnect', accountId: 'acc-1' }, 'Reconnect the account', 'route', '/settings'],
  ];
  it.each(cases)('%o', (action, label, kind, route) => {
    expect(actionTarget(action)).toEqual({ label, kind, route });
  });
});

describe('learningLine', () => {
  it('is honest with no history', () => {
    expect(learningLine([insight('missed-cadence', 0, 0, 'x')])).toMatch(/still learning/);
    expect(learningLine([])).toMatch(/still learning/);
  });

  it('puts the most acted-on rules first, at most two', () => {
    const line = learningLine([
      insight('missed-cadence', 0, 3, 'You usually dismiss cadence reminders.'),
      insight('token-expired', 4, 1, 'You usually act on reconnect reminders (4 of 5).'),
      insight('drafts-piling-up', 1, 1, 'Drafts reminders: 1 of 2.'),
    ]);
    expect(line).toBe('You usually act on reconnect reminders (4 of 5). Drafts reminders: 1 of 2.');
  });
});

describe('small texts', () => {
  it('pluralises days and names statuses', () => {
    expect(daysText(1)).toBe('1 day');
    expect(daysText(7)).toBe('7 days');
    expect(statusText('resolved')).toBe('Resolved on its own');
  });
});

describe('historyStatusText', () => {
  it('says until when a snooze lasts', () => {
    expect(historyStatusText({ status: 'snoozed', snoozedUntil: '2026-12-02T10:00:00Z' }, 'UTC', 'en-US')).toBe(
      'Snoozed until Dec 2, 2026',
    );
    expect(historyStatusText({ status: 'snoozed', snoozedUntil: null })).toBe('Snoozed');
    expect(historyStatusText({ status: 'acted', snoozedUntil: null })).toBe('Acted on');
  });
});
