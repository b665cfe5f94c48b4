import workletUrl from './capture.worklet.ts?worker&url';
import { CAPTURE_PROCESSOR, type CaptureMessage } from './capture-protocol';

/** An open microphone streaming 16 kHz mono chunks until stopped. */
export interface Microphone {
  /** The device actually used (to remember it), when the browser says. */
  deviceId: string | null;
  /** Stops capture after the audio already heard has been delivered (the resampler's tail too). */
  stop(): Promise<void>;
  /** Stops at once, dropping anything not delivered. */
  close(): void;
}

export interface MicrophoneOptions {
  deviceId: string | null;
  onChunk: (pcm: Int16Array) => void;
  onLevel: (level: number) => void;
}

const FLUSH_TIMEOUT_MS = 1_000;

let prepared: Promise<AudioContext> | null = null;

/**
 * The audio graph's fixed part, made once and kept: an AudioContext with the capture worklet
 * loaded. Loading the module takes a moment on a busy machine, and audio that arrives before the
 * worklet is connected is lost, so it is ready before the microphone opens (call it early, e.g.
 * when the hold button appears; a context made before a click starts suspended and resumes on press).
 */
export function prepareCapture(): Promise<AudioContext> {
  prepared ??= (async () => {
    const context = new AudioContext();
    await context.audioWorklet.addModule(workletUrl);
    return context;
  })();
  prepared.catch(() => {
    prepared = null; // try again on the next press
  });
  return prepared;
}

/**
 * Opens the chosen microphone (or the default) with echo cancellation and noise suppression,
 * and runs it through the capture worklet. Throws what getUserMedia throws; see
 * `microphoneErrorMessage` for words to show.
 */
export async function openMicrophone(options: MicrophoneOptions): Promise<Microphone> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new DOMException('This window cannot use a microphone', 'NotSupportedError');
  }
  const context = await prepareCapture();
  if (context.state === 'suspended') await context.resume();
  const audio: MediaTrackConstraints = {
    echoCancellation: true,
    noiseSuppression: true,
    // Gain control pumps espeak-like and close-mic speech into clipping, which recognizers hear worse.
    autoGainControl: false,
    channelCount: 1,
  };
  if (options.deviceId) audio.deviceId = { exact: options.deviceId };
  const stream = await navigator.mediaDevices.getUserMedia({ audio });
  let lastDelivered: (() => void) | null = null;
  try {
    // Connected as soon as the stream exists: the worklet is already loaded.
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR, { numberOfInputs: 1, numberOfOutputs: 0 });
    node.port.onmessage = (event: MessageEvent<CaptureMessage>) => {
      const message = event.data;
      if (message.pcm.length > 0) options.onChunk(message.pcm);
      options.onLevel(message.level);
      if (message.last) lastDelivered?.();
    };
    source.connect(node);
    const track = stream.getAudioTracks()[0];
    let closed = false;
    // The context stays for the next utterance; the microphone itself is released at once.
    const close = () => {
      if (closed) return;
      closed = true;
      for (const t of stream.getTracks()) t.stop();
      source.disconnect();
      node.port.onmessage = null;
      node.port.close();
      // An idle running context still wakes the audio thread; it resumes on the next press.
      void context.suspend();
    };
    return {
      deviceId: track?.getSettings().deviceId ?? null,
      stop: async () => {
        if (closed) return;
        const flushed = new Promise<void>((done) => {
          lastDelivered = done;
          setTimeout(done, FLUSH_TIMEOUT_MS);
        });
        node.port.postMessage({ type: 'flush' });
        await flushed;
        close();
      },
      close,
    };
  } catch (error) {
    for (const t of stream.getTracks()) t.stop();
    throw error;
  }
}

/** The microphones the browser lists (labels appear once permission was given). */
export async function listMicrophones(): Promise<Array<{ id: string; label: string }>> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((device) => device.kind === 'audioinput' && device.deviceId !== '')
    .map((device, index) => ({ id: device.deviceId, label: device.label || `Microphone ${index + 1}` }));
}
