import {
  ConnectorError,
  type ConnectorContext,
  type MediaItem,
  type PublishOutcome,
  type PublishedRef,
  type RemoteState,
} from '../connector';
import { sleep } from './graph.http';

/**
 * Meta's container publishing (Instagram and Threads): create a container per post (children
 * first for a carousel, then the carousel container), wait until its status is FINISHED, then
 * publish it. A thread's later parts are text containers replying to the part before. Nothing is
 * published before its container is FINISHED; ERROR or EXPIRED ends the publish as invalid.
 */
export type ContainerStatus = 'FINISHED' | 'IN_PROGRESS' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface ContainerSteps {
  name: string;
  /** Containers for one part: children (a carousel, made later by `createCarousel`) or one container. */
  createPart(
    context: ConnectorContext,
    text: string,
    media: MediaItem[],
    replyTo: string | null,
  ): Promise<{ children: string[] } | { container: string }>;
  createCarousel(context: ConnectorContext, text: string, children: string[]): Promise<string>;
  status(context: ConnectorContext, id: string): Promise<{ status: ContainerStatus | string; message: string | null }>;
  publish(context: ConnectorContext, creationId: string): Promise<string>;
  ref(context: ConnectorContext, publishedIds: string[]): Promise<PublishedRef>;
}

interface FlowState {
  stage: 'children' | 'container';
  index: number;
  container: string;
  children: string[];
  published: string[];
  parts: string[];
}

export interface ContainerFlow {
  start(context: ConnectorContext, parts: string[], media: MediaItem[]): Promise<PublishOutcome>;
  resume(context: ConnectorContext, remote: RemoteState): Promise<PublishOutcome>;
}

export function containerFlow(steps: ContainerSteps, options: { pollMs: number; pollsPerStep: number }): ContainerFlow {
  const toState = (made: { children: string[] } | { container: string }) =>
    'children' in made
      ? { stage: 'children' as const, children: made.children, container: '' }
      : { stage: 'container' as const, children: [], container: made.container };

  async function allFinished(context: ConnectorContext, ids: string[]): Promise<boolean> {
    for (const id of ids) {
      const { status, message } = await steps.status(context, id);
      if (status === 'ERROR' || status === 'EXPIRED') {
        throw new ConnectorError(
          'invalid',
          `${steps.name} could not use the media (container ${status.toLowerCase()}${message ? `: ${message}` : ''}).`,
          { platformCode: status },
        );
      }
      if (status !== 'FINISHED') return false;
    }
    return true;
  }

  async function advance(context: ConnectorContext, initial: FlowState): Promise<PublishOutcome> {
    let state = initial;
    let polls = options.pollsPerStep;
    const ready = async (ids: string[]): Promise<boolean> => {
      for (;;) {
        if (await allFinished(context, ids)) return true;
        if (polls <= 0) return false;
        polls -= 1;
        await sleep(options.pollMs);
      }
    };
    const pending = (): PublishOutcome => ({
      status: 'pending',
      remote: { ...state },
      checkAfterMs: options.pollMs,
    });
    for (;;) {
      if (state.stage === 'children') {
        if (!(await ready(state.children))) return pending();
        const container = await steps.createCarousel(context, state.parts[state.index] ?? '', state.children);
        state = { ...state, stage: 'container', container, children: [] };
      }
      if (!(await ready([state.container]))) return pending();
      const id = await steps.publish(context, state.container);
      const published = [...state.published, id];
      const index = state.index + 1;
      if (index >= state.parts.length) return { status: 'published', ...(await steps.ref(context, published)) };
      const made = await steps.createPart(context, state.parts[index] ?? '', [], id);
      state = { ...state, ...toState(made), index, published };
    }
  }

  return {
    async start(context, parts, media) {
      const made = await steps.createPart(context, parts[0] ?? '', media, null);
      return advance(context, { ...toState(made), index: 0, published: [], parts });
    },
    async resume(context, remote) {
      const { stage, index, container, children, published, parts } = remote;
      if (
        (stage !== 'children' && stage !== 'container') ||
        typeof index !== 'number' ||
        typeof container !== 'string' ||
        !Array.isArray(children) ||
        !Array.isArray(published) ||
        !Array.isArray(parts)
      ) {
        throw new ConnectorError('invalid', `This pending ${steps.name} publish has no container state to check.`);
      }
      return advance(context, { stage, index, container, children, published, parts });
    },
  };
}

/** Comparison key for matching a caption or text among recent posts after an unknown outcome. */
export function textMatchKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
