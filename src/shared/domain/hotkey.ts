/** A modifier of a hold-to-talk key combination. */
export type HotkeyModifier = 'ctrl' | 'alt' | 'shift' | 'meta';

/**
 * Modifier names accepted in the hotkey setting (Electron accelerator style, any case), shared by
 * the desktop key hook and the in-window key so both read the setting the same way.
 */
export const HOTKEY_MODIFIER_NAMES: Readonly<Record<string, HotkeyModifier>> = {
  control: 'ctrl',
  ctrl: 'ctrl',
  commandorcontrol: 'ctrl',
  cmdorctrl: 'ctrl',
  alt: 'alt',
  option: 'alt',
  altgr: 'alt',
  shift: 'shift',
  meta: 'meta',
  super: 'meta',
  command: 'meta',
  cmd: 'meta',
};
