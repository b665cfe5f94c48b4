/** Time behind a port so tests can set it. */
export interface ClockPort {
  now(): Date;
}
