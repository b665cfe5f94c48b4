import { describe, expect, it } from 'vitest';
import { base64ToInt16 } from '../../../shared/audio/pcm';
import type { VoiceCommand } from '../../../shared/domain/voice';
import { type CaptureDeps, type CapturePhase, CaptureSession } from './capture-session';
import type { MicrophoneOptions } from './microphone';

const COMMAND: VoiceCommand = {
  id: 'c1',
  createdAt: '2026-01-01T00:00:00.000Z',
  source: 'voice',
  language: 'en',
  transcript: 'open the calendar',
  intents: [{ action: 'app.navigate', page: 'calendar' }],
  understoodBy: 'grammar',
  status: 'done',
  reply: 'Opening the calendar.',
  suggestions: [],
  result: { postId: null, navigateTo: 'calendar', jobIds: [] },
  timings: { transcribeMs: 10, understandMs: 1, actMs: 1 },
  correctedTo: null,
};

const tick = () => new Promise((done) => setTimeout(done, 0));

/** A core and a microphone that record what they were asked, with knobs for the answers. */
function harness(
  options: {
    micError?: Error;
    beginDelay?: boolean;
    pushAnswer?: (seq: number) => { endOfSpeech: boolean; limitReached: boolean };
  } = {},
) {
  const calls: string[] = [];
  const pushed: Array<{ seq: number; samples: number[] }> = [];
  const phases: CapturePhase[] = [];
  const autoStops: string[] = [];
  let mic: MicrophoneOptions | null = null;
  let releaseBegin: (() => void) | null = null;
  const timers: Array<() => void> = [];
  const deps: CaptureDeps = {
    begin: async () => {
      calls.push('begin');
      if (options.beginDelay) await new Promise<void>((done) => (releaseBegin = done));
      return { utteranceId: 'u1', maxSeconds: 30 };
    },
    push: async (input) => {
      calls.push(`push ${input.seq}`);
      pushed.push({ seq: input.seq, samples: [...base64ToInt16(input.pcm)] });
      const answer = options.pushAnswer?.(input.seq) ?? { endOfSpeech: false, limitReached: false };
      return { receivedMs: (input.seq + 1) * 100, ...answer };
    },
    end: async () => {
      calls.push('end');
      return COMMAND;
    },
    cancel: async () => {
      calls.push('cancel');
      return {};
    },
    openMicrophone: async (micOptions) => {
      calls.push('open');
      if (options.micError) throw options.micError;
      mic = micOptions;
      return {
        deviceId: 'mic-1',
        stop: async () => {
          calls.push('mic.stop');
          micOptions.onChunk(Int16Array.from([99])); // the resampler's tail arrives on flush
        },
        close: () => calls.push('mic.close'),
      };
    },
    setTimeout: (run) => timers.push(run),
    clearTimeout: () => undefined,
  };
  const session = new CaptureSession(deps, {
    phase: (phase) => phases.push(phase),
    level: () => undefined,
    autoStopped: (reason) => autoStops.push(reason),
  });
  return {
    session,
    calls,
    pushed,
    phases,
    autoStops,
    timers,
    chunk: (v: number) => mic!.onChunk(Int16Array.from([v])),
    releaseBegin: () => releaseBegin?.(),
  };
}

const START = { source: 'button', mode: 'hold', context: { postId: null, page: null }, deviceId: null } as const;

describe('CaptureSession', () => {
  it('streams chunks in seq order, flushes the microphone on release, then ends the utterance', async () => {
    const h = harness();
    await h.session.start(START);
    h.chunk(1);
    h.chunk(2);
    const command = await h.session.stop();
    expect(command).toEqual(COMMAND);
    expect(h.pushed).toEqual([
      { seq: 0, samples: [1] },
      { seq: 1, samples: [2] },
      { seq: 2, samples: [99] },
    ]);
    expect(h.calls.slice(-2)).toEqual(['push 2', 'end']);
    expect(h.phases).toEqual(['starting', 'listening', 'processing', 'idle']);
  });

  it('keeps chunks heard before voice:begin answered, in order', async () => {
    const h = harness({ beginDelay: true });
    const started = h.session.start(START);
    await tick();
    h.chunk(7);
    h.chunk(8);
    await tick();
    expect(h.pushed).toEqual([]);
    h.releaseBegin();
    await started;
    await h.session.stop();
    expect(h.pushed.map((p) => p.samples[0])).toEqual([7, 8, 99]);
  });

  it('a release during start waits for the start, then ends normally', async () => {
    const h = harness({ beginDelay: true });
    void h.session.start(START);
    const stopped = h.session.stop();
    await tick();
    h.releaseBegin();
    expect(await stopped).toEqual(COMMAND);
  });

  it('reports a refused microphone and cancels the utterance it began', async () => {
    const denied = new DOMException('Permission denied', 'NotAllowedError');
    const h = harness({ micError: denied });
    await expect(h.session.start(START)).rejects.toBe(denied);
    await tick();
    expect(h.calls).toContain('cancel');
    expect(h.session.current).toBe('idle');
    expect(await h.session.stop()).toBeNull();
  });

  it('asks to stop when the core hears the end of speech in toggle mode, but not in hold mode', async () => {
    const toggle = harness({ pushAnswer: (seq) => ({ endOfSpeech: seq === 1, limitReached: false }) });
    await toggle.session.start({ ...START, mode: 'toggle' });
    toggle.chunk(1);
    toggle.chunk(2);
    await tick();
    await tick();
    expect(toggle.autoStops).toEqual(['silence']);

    const hold = harness({ pushAnswer: (seq) => ({ endOfSpeech: seq === 1, limitReached: false }) });
    await hold.session.start(START);
    hold.chunk(1);
    hold.chunk(2);
    await tick();
    await tick();
    expect(hold.autoStops).toEqual([]);
  });

  it('asks to stop at the maximum length, from the core or the client-side guard', async () => {
    const h = harness({ pushAnswer: () => ({ endOfSpeech: false, limitReached: true }) });
    await h.session.start(START);
    h.chunk(1);
    await tick();
    await tick();
    expect(h.autoStops).toEqual(['limit']);
    h.timers[0]!();
    expect(h.autoStops).toEqual(['limit', 'limit']);
  });

  it('Escape cancels: the microphone closes, the core drops the utterance, nothing is ended', async () => {
    const h = harness();
    await h.session.start(START);
    h.chunk(1);
    await h.session.cancel();
    h.chunk(2);
    expect(h.calls).toContain('mic.close');
    expect(h.calls).toContain('cancel');
    expect(h.calls).not.toContain('end');
    expect(h.session.current).toBe('idle');
  });
});

describe('CaptureSession cancelled while starting', () => {
  it('closes the microphone and drops the utterance once the start completes', async () => {
    const h = harness({ beginDelay: true });
    const started = h.session.start(START);
    await tick();
    await h.session.cancel();
    h.releaseBegin();
    await started;
    await tick();
    expect(h.calls).toEqual(expect.arrayContaining(['mic.close', 'cancel']));
    expect(h.session.current).toBe('idle');
    expect(await h.session.stop()).toBeNull();
  });
});
