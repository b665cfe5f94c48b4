import type { RelayStatus } from '../../../shared/contract/relay';

export const RELAY_TOGGLE_LABEL = 'Publish from the Cadence relay while this device sleeps';

/** What the relay toggle under an account says, and whether it can be used. */
export function relayToggleText(status: RelayStatus | null): { disabled: boolean; note: string } {
  if (!status?.signedIn) {
    return {
      disabled: true,
      note: 'The relay runs on Cadence sync: sign in to Cadence sync to use it. Text posts only.',
    };
  }
  return {
    disabled: false,
    note: 'Scheduled text posts go to the relay (their sign-in travels sealed); posts with media stay on this device.',
  };
}
