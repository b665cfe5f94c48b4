import { describe, expect, it } from 'vitest';
import { authorText, speechUnavailableReason, whenHeading } from './plan-text';

describe('authorText', () => {
  it.each([
    [
      { generatedBy: 'ai', provider: 'ollama', model: 'llama3.2:3b', fallbackReason: null },
      'Written by llama3.2:3b on this computer',
    ],
    [
      { generatedBy: 'ai', provider: 'embedded', model: 'qwen2.5-1.5b', fallbackReason: null },
      'Written by qwen2.5-1.5b on this computer',
    ],
    [
      { generatedBy: 'ai', provider: 'openai', model: 'gpt-4o-mini', fallbackReason: null },
      'Written by gpt-4o-mini via OpenAI (in the cloud)',
    ],
    [
      { generatedBy: 'rules', provider: null, model: null, fallbackReason: 'Ollama is not running.' },
      'Written from your data (no AI model available: Ollama is not running)',
    ],
    [
      { generatedBy: 'rules', provider: null, model: null, fallbackReason: null },
      'Written from your data (no AI model available)',
    ],
  ] as const)('%o', (plan, text) => {
    expect(authorText(plan)).toBe(text);
  });
});

describe('whenHeading', () => {
  it('uses the label, else the platform, else any time', () => {
    expect(whenHeading({ when: { platform: 'instagram', at: null, label: '18:00 on Instagram', reason: '' } })).toBe(
      '18:00 on Instagram',
    );
    expect(whenHeading({ when: { platform: 'linkedin', at: null, label: ' ', reason: '' } })).toBe('On LinkedIn');
    expect(whenHeading({ when: { platform: null, at: null, label: '', reason: '' } })).toBe('Any time today');
  });
});

describe('speechUnavailableReason', () => {
  it('is null when the browser can speak', () => {
    expect(speechUnavailableReason({ speechSynthesis: {}, SpeechSynthesisUtterance: class {} })).toBeNull();
  });

  it('explains when it cannot', () => {
    expect(speechUnavailableReason({})).toMatch(/no speech synthesis/);
    expect(speechUnavailableReason({ speechSynthesis: {} })).toMatch(/no speech synthesis/);
  });
});
