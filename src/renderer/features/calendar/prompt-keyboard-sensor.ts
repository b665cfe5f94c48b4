import { KeyboardSensor, type KeyboardSensorProps } from '@dnd-kit/core';

/**
 * dnd-kit's KeyboardSensor starts listening for keys on a timer after Space picks a post up, so
 * an arrow pressed straight after Space (fast typists, e2e tests) was lost about half the time.
 * This sensor holds keys pressed in that gap and replays them once the sensor is listening.
 */
export class PromptKeyboardSensor extends KeyboardSensor {
  constructor(props: KeyboardSensorProps) {
    super(props);
    const target = props.event.target;
    const doc = target instanceof Node && target.ownerDocument ? target.ownerDocument : document;
    const held: { key: string; code: string }[] = [];
    const hold = (event: KeyboardEvent) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      held.push({ key: event.key, code: event.code });
    };
    // Capture phase: runs before the sensor's own listener, so no key is handled twice.
    doc.addEventListener('keydown', hold, true);
    // Queued after the sensor's timer, so its listener is attached when the keys are replayed.
    setTimeout(() => {
      doc.removeEventListener('keydown', hold, true);
      for (const { key, code } of held) {
        doc.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }));
      }
    });
  }
}
