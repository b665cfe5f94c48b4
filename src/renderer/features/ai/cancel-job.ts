import { cancelJob } from './queries';

/** The running job a store shows (an Ollama pull or an embedded-model download). */
export interface ActiveJob {
  jobId: string;
  cancelling: boolean;
}

/**
 * Asks the core to stop the active job once (repeat clicks do nothing); if the request fails the
 * job is shown as running again and the error is reported.
 */
export async function cancelActiveJob<A extends ActiveJob>(
  getActive: () => A | null,
  setActive: (active: A) => void,
  onError: (error: unknown) => void,
): Promise<void> {
  const active = getActive();
  if (!active || active.cancelling) return;
  setActive({ ...active, cancelling: true });
  try {
    await cancelJob(active.jobId);
  } catch (error) {
    const current = getActive();
    if (current?.jobId === active.jobId) setActive({ ...current, cancelling: false });
    onError(error);
  }
}
