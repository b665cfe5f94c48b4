import { create } from 'zustand';
import {
  fillTemplate,
  type PostTemplate,
  type TemplateList,
  type TemplateVariable,
} from '../../../shared/domain/templates';
import { errorMessage, fieldIssuesOf } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { deleteTemplate, fetchTemplates, renderTemplate, restoreTemplate, saveTemplate } from './queries';
import { draftErrors, draftOf, EMPTY_DRAFT, sameShape, type DraftErrors, type TemplateDraft } from './template-draft';
import { exampleValues, syncVariables } from './template-variables';

const PREVIEW_DEBOUNCE_MS = 250;
const NO_ERRORS: DraftErrors = { variables: [], rows: {} };

export interface TemplatePreview {
  text: string;
  /** 'server': rendered by templates:render-template; 'local': unsaved structure, filled here the same way. */
  source: 'server' | 'local';
  error: string | null;
}

interface TemplatesState {
  load: 'loading' | 'ready' | 'error';
  error: string | null;
  list: TemplateList;
  /** The template open in the editor, or null for a new one. */
  selectedId: string | null;
  draft: TemplateDraft;
  errors: DraftErrors;
  saving: boolean;
  preview: TemplatePreview;

  start: () => () => void;
  select: (id: string) => void;
  newTemplate: () => void;
  setDraft: (patch: Partial<Omit<TemplateDraft, 'variables' | 'id'>>) => void;
  setVariable: (index: number, patch: Partial<Omit<TemplateVariable, 'name'>>) => void;
  save: () => Promise<void>;
  remove: (template: PostTemplate) => Promise<void>;
  restore: (id: string) => Promise<void>;
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewSeq = 0;

export const useTemplates = create<TemplatesState>()((set, get) => {
  const savedOf = (id: string | undefined) => get().list.templates.find((template) => template.id === id);

  /** Renders the draft: by the server when it is a saved shape, else locally (live while typing). */
  const updatePreview = () => {
    clearTimeout(previewTimer);
    const { draft } = get();
    const values = exampleValues(draft.variables);
    const local: TemplatePreview = { text: fillTemplate(draft.structure, values), source: 'local', error: null };
    if (!sameShape(draft, savedOf(draft.id)) || !draft.id) {
      set({ preview: local });
      return;
    }
    const id = draft.id;
    const seq = ++previewSeq;
    previewTimer = setTimeout(() => {
      renderTemplate(id, values)
        .then((text) => seq === previewSeq && set({ preview: { text, source: 'server', error: null } }))
        .catch((error: unknown) => seq === previewSeq && set({ preview: { ...local, error: errorMessage(error) } }));
    }, PREVIEW_DEBOUNCE_MS);
  };

  const open = (draft: TemplateDraft, selectedId: string | null) => {
    set({ draft, selectedId, errors: NO_ERRORS });
    updatePreview();
  };

  const reload = async () => {
    const list = await fetchTemplates();
    set({ list, load: 'ready', error: null });
  };

  return {
    load: 'loading',
    error: null,
    list: { templates: [], hidden: [] },
    selectedId: null,
    draft: EMPTY_DRAFT,
    errors: NO_ERRORS,
    saving: false,
    preview: { text: '', source: 'local', error: null },

    start: () => {
      void reload()
        .then(() => {
          const first = get().list.templates[0];
          if (first) open(draftOf(first), first.id);
          else open(EMPTY_DRAFT, null);
        })
        .catch((error: unknown) => set({ load: 'error', error: errorMessage(error) }));
      return () => clearTimeout(previewTimer);
    },

    select: (id) => {
      const template = savedOf(id);
      if (template) open(draftOf(template), id);
    },

    newTemplate: () => open(EMPTY_DRAFT, null),

    setDraft: (patch) => {
      const draft = { ...get().draft, ...patch };
      if (patch.structure !== undefined) draft.variables = syncVariables(patch.structure, draft.variables);
      set({ draft });
      updatePreview();
    },

    setVariable: (index, patch) => {
      const variables = get().draft.variables.map((variable, i) =>
        i === index ? { ...variable, ...patch } : variable,
      );
      set({ draft: { ...get().draft, variables } });
      updatePreview();
    },

    save: async () => {
      const { draft } = get();
      set({ saving: true, errors: NO_ERRORS });
      try {
        const saved = await saveTemplate(draft);
        await reload();
        open(draftOf(saved), saved.id);
        showToast({ kind: 'success', message: `Template “${saved.name}” saved` });
      } catch (error) {
        const issues = fieldIssuesOf(error);
        if (issues.length > 0) set({ errors: draftErrors(issues) });
        else showToast({ kind: 'error', message: `Could not save the template: ${errorMessage(error)}` });
      } finally {
        set({ saving: false });
      }
    },

    remove: async (template) => {
      try {
        const result = await deleteTemplate(template.id);
        await reload();
        if (get().selectedId === template.id) get().newTemplate();
        showToast({
          kind: 'success',
          message: result.hidden ? `“${template.name}” hidden` : `“${template.name}” deleted`,
          ...(result.hidden ? { action: { label: 'Restore', run: () => void get().restore(template.id) } } : {}),
        });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not remove “${template.name}”: ${errorMessage(error)}` });
      }
    },

    restore: async (id) => {
      try {
        const restored = await restoreTemplate(id);
        await reload();
        open(draftOf(restored), restored.id);
        showToast({ kind: 'success', message: `“${restored.name}” restored as shipped` });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not restore the template: ${errorMessage(error)}` });
      }
    },
  };
});
