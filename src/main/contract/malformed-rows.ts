import type { Channel } from '../../shared/contract';

/** For each channel of a domain, inputs the dispatcher must refuse (rows for dispatcher.test.ts). */
export type MalformedRows<Prefix extends string> = {
  [C in Channel as C extends `${Prefix}:${string}` ? C : never]: unknown[];
};
