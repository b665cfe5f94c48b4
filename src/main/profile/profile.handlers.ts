import type { HandlerSlice } from '../contract/handlers';
import type { ProfileService } from './profile.service';

export function profileHandlers(profile: ProfileService): HandlerSlice<'profile'> {
  return {
    'profile:get-profile': () => profile.get(),
    'profile:save-profile': (input) => profile.save(input),
  };
}
