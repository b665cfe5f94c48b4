import type { z } from 'zod';

/** A contract channel: its input and output schemas and what it does. */
export interface ChannelDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(
  definition: ChannelDefinition<I, O>,
): ChannelDefinition<I, O> {
  return definition;
}
