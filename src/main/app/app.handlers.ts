import type { HandlerSlice } from '../contract/handlers';
import type { AppService } from './app.service';

export function appHandlers(app: AppService): HandlerSlice<'app'> {
  return {
    'app:get-info': () => app.info(),
    'app:get-diagnostics': ({ logLines }) => app.diagnostics(logLines),
  };
}
