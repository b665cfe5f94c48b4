/**
 * Thrown by the crash tests' fault points to simulate the process dying at that instant: the
 * runner that sees it stops at once and writes nothing more (no cleanup, no lease release), so a
 * new core on the same database file must recover from whatever was committed.
 */
export class CrashSignal extends Error {
  constructor(readonly step: string) {
    super(`simulated crash at ${step}`);
    this.name = 'CrashSignal';
  }
}

export function isCrash(error: unknown): error is CrashSignal {
  return error instanceof CrashSignal;
}
