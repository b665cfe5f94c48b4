import type { VoiceAction, VoiceLanguage } from '../../../shared/domain/voice';

/** Short label per action and language, for help and the Talk page. */
export const ACTION_LABELS: Record<VoiceAction, Record<VoiceLanguage, string>> = {
  'draft.create': { en: 'Draft a new post', es: 'Crear un borrador' },
  'draft.shorten': { en: 'Make the post shorter', es: 'Acortar la publicación' },
  'draft.read-back': { en: 'Read the post aloud', es: 'Leer la publicación' },
  'post.schedule': { en: 'Schedule the post', es: 'Programar la publicación' },
  'post.publish-now': { en: 'Publish the post now', es: 'Publicar ahora' },
  'post.delete': { en: 'Delete the post', es: 'Borrar la publicación' },
  'analytics.last-post': { en: 'How the last post did', es: 'Resultados de la última publicación' },
  'coach.goal-status': { en: 'Progress on your goal', es: 'Progreso de tu meta' },
  'app.navigate': { en: 'Open a page', es: 'Abrir una página' },
  'voice.help': { en: 'What you can say', es: 'Qué puedes decir' },
  'voice.answer': { en: 'Answer yes or no', es: 'Responder sí o no' },
};

/**
 * Example phrasings the grammar understands (a test parses every one), per action and language,
 * the most natural first: used by help, not-understood suggestions, the Talk page and the AI
 * fallback prompt. Written as a person would say them; matching normalises case and accents.
 */
export const ACTION_EXAMPLES: Record<VoiceAction, Record<VoiceLanguage, string[]>> = {
  'draft.create': {
    en: [
      'new post about morning routines for LinkedIn',
      'create a LinkedIn post about morning routines',
      'write a thread about remote work',
      'draft a tweet about coffee',
    ],
    es: [
      'nueva publicación sobre rutinas de mañana para LinkedIn',
      'crea un post de LinkedIn sobre rutinas de mañana',
      'escribe un hilo sobre trabajo remoto',
    ],
  },
  'draft.shorten': {
    en: ['make it shorter', 'shorten it', 'make it more concise'],
    es: ['hazlo más corto', 'acórtalo', 'resúmelo'],
  },
  'draft.read-back': {
    en: ['read it back', 'read it to me', 'what does it say'],
    es: ['léelo', 'léemelo en voz alta', 'qué dice'],
  },
  'post.schedule': {
    en: ['schedule it tomorrow at 9', 'schedule it next Monday at 3 pm', 'schedule it in two hours'],
    es: [
      'prográmalo para mañana a las 9',
      'prográmalo el próximo lunes a las 3 de la tarde',
      'prográmalo dentro de dos horas',
    ],
  },
  'post.publish-now': {
    en: ['post it now', 'publish it', 'publish it right now'],
    es: ['publícalo ahora', 'publícalo', 'publica la publicación ya'],
  },
  'post.delete': {
    en: ['delete it', 'delete the draft', 'remove this post'],
    es: ['bórralo', 'borra la publicación', 'elimina el borrador'],
  },
  'analytics.last-post': {
    en: ['what did my last post do', 'how did my last post perform', 'stats for my last post'],
    es: ['cómo le fue a mi última publicación', 'qué tal mi último post', 'estadísticas de mi última publicación'],
  },
  'coach.goal-status': {
    en: ['how am I doing on my goal', 'am I on track', "how's my goal going"],
    es: ['cómo voy con mi meta', 'cómo va mi objetivo', 'progreso de mi meta'],
  },
  'app.navigate': {
    en: ['open the calendar', 'go to analytics', 'show me my drafts', 'open settings'],
    es: ['abre el calendario', 've a estadísticas', 'muéstrame mis borradores', 'abre los ajustes'],
  },
  'voice.help': {
    en: ['what can I say', 'help', 'what can you do'],
    es: ['qué puedo decir', 'ayuda', 'qué puedes hacer'],
  },
  'voice.answer': {
    en: ['yes', 'no', 'go ahead', 'cancel'],
    es: ['sí', 'no', 'vale', 'cancela'],
  },
};
