import { create } from 'zustand';
import type { UsageReport } from '../../../shared/domain/llm';
import { errorMessage } from '../../ui/errors';
import { getUsage } from './queries';
import { type DayRange, lastDays, rangeProblem, rangeToInstants } from './usage-data';

interface UsageState {
  range: DayRange;
  rangeError: string | null;
  status: 'loading' | 'ready' | 'error';
  report: UsageReport | null;
  error: string | null;
  setRange: (patch: Partial<DayRange>) => void;
  load: () => Promise<void>;
}

let latest = 0;

/** Generations, cost and speed over a range of days (the last 30 by default). */
export const useUsage = create<UsageState>()((set, get) => ({
  range: lastDays(30),
  rangeError: null,
  status: 'loading',
  report: null,
  error: null,
  setRange: (patch) => {
    set({ range: { ...get().range, ...patch } });
    void get().load();
  },
  load: async () => {
    const problem = rangeProblem(get().range);
    set({ rangeError: problem });
    if (problem) return;
    const mine = ++latest;
    const { from, to } = rangeToInstants(get().range);
    try {
      const report = await getUsage(from, to);
      if (mine === latest) set({ status: 'ready', report, error: null });
    } catch (error) {
      if (mine === latest) set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
