import type { ClockPort } from './types';

export const systemClock: ClockPort = { now: () => new Date() };
