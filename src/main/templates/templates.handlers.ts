import type { HandlerSlice } from '../contract/handlers';
import type { TemplatesService } from './templates.service';

/** Binds the templates channels to the service; each handler only forwards its parsed input. */
export function templatesHandlers(templates: TemplatesService): HandlerSlice<'templates'> {
  return {
    'templates:list-templates': () => templates.list(),
    'templates:save-template': (input) => templates.save(input),
    'templates:delete-template': ({ id }) => templates.remove(id),
    'templates:restore-template': ({ id }) => templates.restore(id),
    'templates:render-template': async ({ id, values }) => ({ text: await templates.render(id, values) }),
  };
}
