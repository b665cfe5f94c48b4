import { useEffect } from 'react';
import { getClient } from '../../client/client';
import { useCoach } from './coach.store';

/**
 * Keeps the Coach page current: coach changes reload the coach's parts, new metrics reload
 * everything computed from them, and a reached milestone is celebrated at once.
 */
export function useCoachEvents(): void {
  useEffect(() => {
    const { load, loadAll, celebrate } = useCoach.getState();
    void loadAll();
    const client = getClient();
    const offs = [
      client.on('coach:changed', () => {
        void load('goal');
        void load('today');
        void load('interventions');
      }),
      client.on('analytics:changed', () => {
        void load('goal');
        void load('interventions');
        void load('cohort');
      }),
      client.on('profile:changed', () => void load('goal')),
      client.on('coach:milestone', (milestone) => {
        celebrate(milestone);
        void load('goal');
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, []);
}
