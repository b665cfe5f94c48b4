import { useEffect } from 'react';
import { Link } from 'react-router';
import { getClient } from '../../client/client';
import { useCoach } from './coach.store';
import { probabilityText } from './goal-text';

/**
 * The coach's view of the goal in one line, for the Dashboard's goal card: the success
 * probability (or why there is none yet) and a link to the Coach page. Shows nothing until the
 * coach answers, and nothing if it cannot (the card still shows the goal itself).
 */
export function CoachGoalSummary() {
  const status = useCoach((s) => s.goal.data);

  useEffect(() => {
    const { load } = useCoach.getState();
    void load('goal');
    const client = getClient();
    const offs = [
      client.on('coach:changed', () => void load('goal')),
      client.on('analytics:changed', () => void load('goal')),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, []);

  if (!status) return null;
  const text = probabilityText(status);
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 pt-4 text-sm dark:border-zinc-800">
      {text.available ? (
        <p>
          <span className="text-lg font-semibold text-indigo-700 dark:text-indigo-300">{text.figure}</span>{' '}
          <span className="text-zinc-600 dark:text-zinc-400">chance to reach it — {text.interval}</span>
        </p>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">Success probability: not enough data yet.</p>
      )}
      <Link to="/coach" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        Open coach
      </Link>
    </div>
  );
}
