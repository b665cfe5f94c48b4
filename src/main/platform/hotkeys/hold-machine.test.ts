import { describe, expect, it } from 'vitest';
import { parseAccelerator } from './accelerator';
import { HoldMachine } from './hold-machine';
import type { HotkeyPhase } from './types';

const CTRL = 29;
const CTRL_RIGHT = 3613;
const ALT = 56;
const SHIFT = 42;
const SPACE = 57;
const A = 30;

function machine(accelerator = 'Control+Alt+Space') {
  const phases: HotkeyPhase[] = [];
  const hold = new HoldMachine(parseAccelerator(accelerator), (phase) => phases.push(phase));
  return { hold, phases };
}

describe('HoldMachine', () => {
  it('emits one down when the combination completes and one up when it is released, ignoring auto-repeat', () => {
    const { hold, phases } = machine();
    hold.keyDown(CTRL);
    hold.keyDown(ALT);
    expect(phases).toEqual([]);
    hold.keyDown(SPACE);
    hold.keyDown(SPACE);
    hold.keyDown(SPACE);
    expect(phases).toEqual(['down']);
    expect(hold.isHeld).toBe(true);
    hold.keyUp(SPACE);
    expect(phases).toEqual(['down', 'up']);
    hold.keyUp(ALT);
    hold.keyUp(CTRL);
    expect(phases).toEqual(['down', 'up']);
  });

  it('ends the hold when a modifier is released first', () => {
    const { hold, phases } = machine();
    hold.keyDown(CTRL_RIGHT);
    hold.keyDown(ALT);
    hold.keyDown(SPACE);
    hold.keyUp(CTRL_RIGHT);
    hold.keyUp(SPACE);
    expect(phases).toEqual(['down', 'up']);
  });

  it('does not fire with missing or extra modifiers, or for another key', () => {
    const { hold, phases } = machine();
    hold.keyDown(CTRL);
    hold.keyDown(SPACE);
    hold.keyUp(SPACE);
    hold.keyDown(ALT);
    hold.keyDown(SHIFT);
    hold.keyDown(SPACE);
    hold.keyUp(SPACE);
    hold.keyUp(SHIFT);
    hold.keyDown(A);
    expect(phases).toEqual([]);
  });

  it('needs the key pressed last: pressing the modifiers while the key is already down does nothing', () => {
    const { hold, phases } = machine();
    hold.keyDown(SPACE);
    hold.keyDown(CTRL);
    hold.keyDown(ALT);
    expect(phases).toEqual([]);
  });

  it('holds again after a release, and reset releases a hold in progress', () => {
    const { hold, phases } = machine('F9');
    hold.keyDown(67);
    hold.keyUp(67);
    hold.keyDown(67);
    hold.reset();
    hold.reset();
    expect(phases).toEqual(['down', 'up', 'down', 'up']);
    hold.keyDown(67);
    expect(phases).toEqual(['down', 'up', 'down', 'up', 'down']);
  });
});
