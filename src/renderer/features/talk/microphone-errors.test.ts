import { describe, expect, it } from 'vitest';
import { microphoneErrorMessage } from './microphone-errors';

describe('microphoneErrorMessage', () => {
  it('says how to fix a refused microphone, per host', () => {
    const denied = new DOMException('Permission denied', 'NotAllowedError');
    expect(microphoneErrorMessage(denied, true)).toContain('system settings');
    expect(microphoneErrorMessage(denied, false)).toContain('address bar');
  });

  it('covers a missing, busy or unsupported device, and passes anything else through', () => {
    expect(microphoneErrorMessage(new DOMException('', 'NotFoundError'), false)).toContain('No microphone was found');
    expect(microphoneErrorMessage(new DOMException('', 'NotReadableError'), false)).toContain('busy');
    expect(microphoneErrorMessage(new DOMException('', 'NotSupportedError'), false)).toContain('Type the command');
    expect(microphoneErrorMessage(new Error('boom'), false)).toBe('The microphone did not start: boom');
  });
});
