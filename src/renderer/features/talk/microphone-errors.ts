/**
 * What went wrong with the microphone, in words that say how to fix it. getUserMedia rejects with
 * DOMExceptions named by the spec; anything else is shown as it is.
 */
export function microphoneErrorMessage(error: unknown, desktop: boolean): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return desktop
        ? 'Cadence may not use the microphone. Allow it in your system settings (Privacy → Microphone), then try again.'
        : 'The browser blocked the microphone. Click the camera/microphone icon in the address bar, allow it for this page, and try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Plug one in, or choose another one on the Talk page — or type the command instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The microphone is busy or stopped working. Close other apps that use it, or choose another one on the Talk page.';
    case 'NotSupportedError':
      return 'This window cannot record audio. Type the command on the Talk page instead.';
    default:
      return `The microphone did not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}
