import type { Channel, Output, ParsedInput } from '../../shared/contract';

/** A function per channel; each domain's *.handlers.ts returns its slice. */
export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<Output<C>> | Output<C>;
export type Handlers = { [C in Channel]: Handler<C> };
export type HandlerSlice<Prefix extends string> = {
  [C in Channel as C extends `${Prefix}:${string}` ? C : never]: Handler<C>;
};
