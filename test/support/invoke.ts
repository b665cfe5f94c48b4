import type { Core } from '../../src/main/core';
import type { Channel, ContractErrorShape, Envelope, Input, Output } from '../../src/shared/contract';

/** Calls a channel through the dispatcher (validation included) and returns its typed output, or throws. */
export async function invokeOk<C extends Channel>(core: Core, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await core.dispatcher.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as Output<C>;
}

/** Calls a channel that must fail and returns its error (code, message, details). */
export async function invokeError(core: Core, channel: Channel, input: unknown): Promise<ContractErrorShape> {
  const result = await core.dispatcher.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} was expected to fail but succeeded`);
  return result.error;
}

/** The dispatcher's envelope with the channel's output type, for tests that check both outcomes. */
export function invokeTyped<C extends Channel>(core: Core, channel: C, input: Input<C>): Promise<Envelope<Output<C>>> {
  return core.dispatcher.invoke(channel, input) as Promise<Envelope<Output<C>>>;
}
