import { ContractError } from '../../../shared/contract/errors';
import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import type { VoiceLanguage, VoicePage } from '../../../shared/domain/voice';
import { ACTION_EXAMPLES } from '../intents';
import { type ActionDefinition, type ActionPorts, failed, outcome, say } from './action-types';

function count(n: number | null, language: VoiceLanguage): string | null {
  return n === null ? null : n.toLocaleString(language === 'es' ? 'es-ES' : 'en-GB');
}

/** "What did my last post do": the latest publication's counts, as analytics has them. */
export function analyticsLastPost(ports: ActionPorts): ActionDefinition<'analytics.last-post'> {
  return {
    action: 'analytics.last-post',
    label: 'How the last post did',
    risk: 'safe',
    run: async (_intent, ctx) => {
      const last = await ports.lastPublished();
      if (!last) {
        return outcome(
          say(
            ctx.language,
            'No published posts with numbers yet. Import your analytics or connect an account first.',
            'Aún no hay publicaciones con datos. Importa tus estadísticas o conecta una cuenta.',
          ),
          { navigateTo: 'analytics' },
        );
      }
      const l = ctx.language;
      const parts = [
        last.impressions !== null
          ? say(l, `${count(last.impressions, l)} impressions`, `${count(last.impressions, l)} impresiones`)
          : null,
        last.views !== null ? say(l, `${count(last.views, l)} views`, `${count(last.views, l)} visualizaciones`) : null,
        say(l, `${count(last.engagements, l)} engagements`, `${count(last.engagements, l)} interacciones`),
        last.engagementRate !== null
          ? say(
              l,
              `an engagement rate of ${(last.engagementRate * 100).toFixed(1)}%`,
              `una tasa de interacción del ${(last.engagementRate * 100).toFixed(1)} %`,
            )
          : null,
      ].filter((p): p is string => p !== null);
      const name = last.title || last.excerpt.slice(0, 60);
      return outcome(
        say(
          l,
          `Your last post, "${name}" on ${PLATFORM_LABELS[last.platform]}, has ${parts.join(', ')}.`,
          `Tu última publicación, "${name}" en ${PLATFORM_LABELS[last.platform]}, tiene ${parts.join(', ')}.`,
        ),
        { postId: last.postId },
      );
    },
  };
}

/** "How am I doing on my goal": the coach's status in one or two sentences. */
export function coachGoalStatus(ports: ActionPorts): ActionDefinition<'coach.goal-status'> {
  return {
    action: 'coach.goal-status',
    label: 'Progress on the goal',
    risk: 'safe',
    run: async (_intent, ctx) => {
      const l = ctx.language;
      let status;
      try {
        status = await ports.goalStatus();
      } catch (error) {
        if (error instanceof ContractError && error.code === 'NOT_FOUND') {
          return failed(say(l, 'Set a goal in your profile first.', 'Primero define un objetivo en tu perfil.'));
        }
        throw error;
      }
      const fmt = (v: number) =>
        status.unit === 'fraction' ? `${(v * 100).toFixed(1)}%` : (count(Math.round(v), l) ?? String(v));
      const progress =
        status.progressPercent === null
          ? ''
          : say(
              l,
              ` (${Math.round(status.progressPercent)}% of the way)`,
              ` (${Math.round(status.progressPercent)} % del camino)`,
            );
      const base = say(
        l,
        `You are at ${fmt(status.current)} of ${fmt(status.goal.target)}${progress}, with ${status.daysLeft} days left.`,
        `Vas por ${fmt(status.current)} de ${fmt(status.goal.target)}${progress}, con ${status.daysLeft} días por delante.`,
      );
      const onTrack = status.current >= status.neededToday;
      const pace = say(
        l,
        onTrack ? ' You are on track.' : ' You are behind the pace you need.',
        onTrack ? ' Vas al ritmo.' : ' Vas por detrás del ritmo necesario.',
      );
      const chance = status.forecast.available
        ? say(
            l,
            ` Chance of reaching it: ${Math.round(status.forecast.probability * 100)}%.`,
            ` Probabilidad de lograrlo: ${Math.round(status.forecast.probability * 100)} %.`,
          )
        : '';
      return outcome(base + pace + chance, { navigateTo: 'coach' });
    },
  };
}

const PAGE_NAMES: Record<VoicePage, [string, string]> = {
  dashboard: ['the dashboard', 'el panel'],
  compose: ['Compose', 'Redactar'],
  studio: ['the Studio', 'el Estudio'],
  library: ['the Library', 'la Biblioteca'],
  calendar: ['the calendar', 'el calendario'],
  bulk: ['bulk drafting', 'la creación en lote'],
  templates: ['the templates', 'las plantillas'],
  'brand-voice': ['the brand voice', 'la voz de marca'],
  analytics: ['analytics', 'las estadísticas'],
  coach: ['the coach', 'el coach'],
  accounts: ['the accounts', 'las cuentas'],
  ai: ['the AI settings', 'los ajustes de IA'],
  settings: ['the settings', 'los ajustes'],
  diagnostics: ['diagnostics', 'el diagnóstico'],
  talk: ['the Talk page', 'la página Hablar'],
};

/** "Open the calendar": the renderer goes to result.navigateTo. */
export function appNavigate(): ActionDefinition<'app.navigate'> {
  return {
    action: 'app.navigate',
    label: 'Open a page',
    risk: 'safe',
    run: async (intent, ctx) => {
      const [en, es] = PAGE_NAMES[intent.page];
      return outcome(say(ctx.language, `Opening ${en}.`, `Abriendo ${es}.`), { navigateTo: intent.page });
    },
  };
}

/** "What can I say": a few example commands in the command's language. */
export function voiceHelp(): ActionDefinition<'voice.help'> {
  return {
    action: 'voice.help',
    label: 'What you can say',
    risk: 'safe',
    run: async (_intent, ctx) => {
      const examples = helpExamples(ctx.language);
      return outcome(
        say(ctx.language, `You can say: ${examples.join('; ')}.`, `Puedes decir: ${examples.join('; ')}.`),
        { navigateTo: 'talk' },
      );
    },
  };
}

/** The first example of each action, in the language (help and the not-understood fallback). */
export function helpExamples(language: VoiceLanguage): string[] {
  return Object.entries(ACTION_EXAMPLES)
    .filter(([action]) => action !== 'voice.answer' && action !== 'voice.help')
    .map(([, examples]) => examples[language]?.[0])
    .filter((e): e is string => typeof e === 'string');
}
