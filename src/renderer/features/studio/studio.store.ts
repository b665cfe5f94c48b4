import { create } from 'zustand';
import type { Platform } from '../../../shared/domain/platform';
import type { IdeaSource, IdeaSourceKind } from '../../../shared/domain/studio';
import { errorMessage, fieldIssuesOf, isContractError } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { getProfile } from '../compose/queries';
import { createDraftCard, type DraftCardStore } from './draft-card.store';
import { planSlots } from './draft-slots';
import { checkIdeaForm, type IdeaForm } from './idea-form';
import { restoreCards } from './restore-idea';
import { cancelDrafts, draftIdea, getIdea, onAttempt, onDraftProgress, onToken } from './studio-queries';
import { useStudioTemplates } from './studio-templates.store';

/** idle: nothing running; starting: studio:draft-idea is out; drafting: cards stream; stopping: a cancel was sent. */
export type StudioRun = 'idle' | 'starting' | 'drafting' | 'stopping';

interface StudioState {
  form: IdeaForm;
  /** Problems with the form, by field ("value", "platforms", "template"), and one for the whole. */
  errors: Record<string, string>;
  run: StudioRun;
  ideaId: string | null;
  cards: DraftCardStore[];
  /** Each card's post id by request id, once the core made the posts. */
  postIds: Record<string, string>;
  timezone: string;
  /** The profile's defaults are in the form (or could not be read): platforms can be picked. */
  ready: boolean;
  /** Fills the platforms and time zone from the profile once. */
  init: () => Promise<void>;
  setForm: (patch: Partial<IdeaForm>) => void;
  setSourceKind: (kind: IdeaSourceKind) => void;
  togglePlatform: (platform: Platform) => void;
  setTemplateValue: (name: string, value: string) => void;
  /** Follows llm:token, llm:attempt and studio:draft-progress for the cards; the cleanup saves them. */
  attach: () => () => void;
  draft: () => Promise<void>;
  stop: () => Promise<void>;
  /** Shows an earlier idea's drafts (coming back from Compose, or a reload). */
  openIdea: (ideaId: string) => Promise<void>;
  /** Clears the cards for a new idea (their posts stay in the library). */
  newIdea: () => void;
}

const EMPTY_FORM: IdeaForm = {
  kind: 'topic',
  value: '',
  postId: '',
  platforms: [],
  variants: 1,
  templateId: '',
  templateValues: {},
};

const active = (card: DraftCardStore) => ['queued', 'streaming'].includes(card.getState().generation);

/** The studio: one idea in, one streamed, editable, autosaved card per platform × variant out. */
export const useStudio = create<StudioState>()((set, get) => {
  const cardFor = (requestId: string) => get().cards.find((c) => c.getState().slot.requestId === requestId);
  const settle = () => {
    const { run, cards } = get();
    if ((run === 'drafting' || run === 'stopping') && !cards.some(active)) set({ run: 'idle' });
  };
  const dropCards = () => get().cards.forEach((card) => void card.getState().dispose());

  return {
    form: EMPTY_FORM,
    errors: {},
    run: 'idle',
    ideaId: null,
    cards: [],
    postIds: {},
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    ready: false,

    init: async () => {
      try {
        const profile = await getProfile();
        if (!profile) return;
        set({ timezone: profile.timezone });
        if (get().form.platforms.length === 0) get().setForm({ platforms: [...profile.platforms] });
      } catch {
        // Defaults only; the creator picks platforms by hand.
      } finally {
        set({ ready: true });
      }
    },

    setForm: (patch) => {
      const errors = { ...get().errors };
      for (const key of Object.keys(patch)) delete errors[key];
      delete errors.form;
      set({ form: { ...get().form, ...patch }, errors });
    },
    setSourceKind: (kind) => get().setForm({ kind, value: get().form.kind === kind ? get().form.value : '' }),
    togglePlatform: (platform) => {
      const list = get().form.platforms;
      get().setForm({ platforms: list.includes(platform) ? list.filter((p) => p !== platform) : [...list, platform] });
    },
    setTemplateValue: (name, value) =>
      get().setForm({ templateValues: { ...get().form.templateValues, [name]: value } }),

    attach: () => {
      const offToken = onToken((event) => cardFor(event.requestId)?.getState().token(event.text));
      const offAttempt = onAttempt((event) => cardFor(event.requestId)?.getState().attempt(event.position));
      const offProgress = onDraftProgress((event) => {
        const card = cardFor(event.requestId);
        if (!card) return;
        void card.getState().progress(event).finally(settle);
      });
      return () => {
        offToken();
        offAttempt();
        offProgress();
        // Drafting goes on in the background; the server saves what it writes. Pending edits are saved now.
        get().cards.forEach((card) => void card.getState().flush());
      };
    },

    draft: async () => {
      if (get().run !== 'idle') return;
      const template = useStudioTemplates.getState().templates.find((t) => t.id === get().form.templateId);
      const checked = checkIdeaForm(get().form, template?.variables.map((v) => v.name) ?? []);
      if (!checked.ok) return set({ errors: checked.errors });
      const { form, timezone } = get();
      const slots = planSlots(form.platforms, form.variants);
      dropCards();
      const cards = slots.map((slot) => createDraftCard(slot, timezone));
      set({ run: 'starting', ideaId: null, cards, postIds: {}, errors: {} });
      try {
        const answer = await draftIdea({
          source: checked.source satisfies IdeaSource,
          platforms: form.platforms,
          variants: form.variants,
          ...(form.templateId ? { templateId: form.templateId, templateValues: form.templateValues } : {}),
          drafts: slots.map(({ platform, variant, requestId }) => ({ platform, variant, requestId })),
        });
        if (get().cards !== cards) return;
        set({
          ideaId: answer.ideaId,
          run: get().run === 'stopping' ? 'stopping' : 'drafting',
          postIds: Object.fromEntries(answer.drafts.map((d) => [d.requestId, d.postId])),
        });
        for (const made of answer.drafts) {
          void cardFor(made.requestId)?.getState().attachPost(made.postId);
        }
        if (get().run === 'stopping') await cancelDrafts(answer.ideaId);
        settle();
      } catch (error) {
        if (get().cards !== cards) return;
        set({ run: 'idle', cards: [], errors: errorsFrom(error) });
      }
    },

    stop: async () => {
      const { run, ideaId } = get();
      if (run === 'starting') return set({ run: 'stopping' });
      if (run !== 'drafting' || ideaId === null) return;
      set({ run: 'stopping' });
      try {
        await cancelDrafts(ideaId);
      } catch (error) {
        if (get().run === 'stopping') set({ run: 'drafting' });
        showToast({ kind: 'error', message: `Could not stop the drafts: ${errorMessage(error)}` });
      }
    },

    openIdea: async (ideaId) => {
      if (get().ideaId === ideaId && get().cards.length > 0) return;
      try {
        const idea = await getIdea(ideaId);
        dropCards();
        const cards = restoreCards(idea, get().timezone);
        const postIds = Object.fromEntries(cards.map((c, i) => [c.getState().slot.requestId, idea.drafts[i]!.postId]));
        set({ ideaId, cards, postIds, run: cards.some(active) ? 'drafting' : 'idle' });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not open the idea: ${errorMessage(error)}` });
      }
    },

    newIdea: () => {
      if (get().run !== 'idle') return;
      dropCards();
      set({ ideaId: null, cards: [], postIds: {} });
    },
  };
});

/** A refused draft-idea call as form errors: field issues where they belong, the rest for the form. */
function errorsFrom(error: unknown): Record<string, string> {
  if (isContractError(error, 'VALIDATION_FAILED')) {
    const errors: Record<string, string> = {};
    for (const issue of fieldIssuesOf(error)) {
      const field = issue.path[0] === 'source' ? 'value' : String(issue.path[0] ?? 'form');
      errors[field] ??= issue.message;
    }
    if (Object.keys(errors).length > 0) return errors;
  }
  return { form: errorMessage(error) };
}
