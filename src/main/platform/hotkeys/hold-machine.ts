import { MODIFIER_KEYCODES, type Modifier, type ParsedAccelerator } from './accelerator';
import type { HotkeyPhase } from './types';

/**
 * Turns raw key-down/key-up events into hold/release of one accelerator. Auto-repeat (a key-down
 * for a key already down) is ignored, so holding emits one "down"; releasing any key of the
 * combination ends the hold with one "up". Modifiers are tracked from their own key events rather
 * than from the event's flags, because flags are unreliable on some X servers while a key repeats.
 */
export class HoldMachine {
  private readonly pressed = new Set<number>();
  private held = false;

  constructor(
    private readonly accelerator: ParsedAccelerator,
    private readonly emit: (phase: HotkeyPhase) => void,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  keyDown(keycode: number): void {
    if (this.pressed.has(keycode)) return; // auto-repeat
    this.pressed.add(keycode);
    if (!this.held && keycode === this.accelerator.keycode && this.modifiersMatch()) {
      this.held = true;
      this.emit('down');
    }
  }

  keyUp(keycode: number): void {
    this.pressed.delete(keycode);
    if (this.held && (keycode === this.accelerator.keycode || isModifierOf(keycode, this.accelerator.modifiers))) {
      this.held = false;
      this.emit('up');
    }
  }

  /** Focus moved or the hook restarted: forget what was pressed, releasing a hold in progress. */
  reset(): void {
    this.pressed.clear();
    if (this.held) {
      this.held = false;
      this.emit('up');
    }
  }

  private modifiersMatch(): boolean {
    for (const modifier of Object.keys(MODIFIER_KEYCODES) as Modifier[]) {
      const down = MODIFIER_KEYCODES[modifier].some((code) => this.pressed.has(code));
      if (down !== this.accelerator.modifiers.has(modifier)) return false;
    }
    return true;
  }
}

function isModifierOf(keycode: number, modifiers: ReadonlySet<Modifier>): boolean {
  for (const modifier of modifiers) if (MODIFIER_KEYCODES[modifier].includes(keycode)) return true;
  return false;
}
