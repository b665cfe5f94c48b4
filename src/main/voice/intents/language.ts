import type { VoiceLanguage } from '../../../shared/domain/voice';
import { normalizePhrase } from './normalize';

/** Words (normalised) that belong to one language's commands and hardly ever to the other's. */
const MARKERS: Record<VoiceLanguage, ReadonlySet<string>> = {
  en: new Set(
    (
      'the it this that my about make shorter schedule tomorrow at next in hours now publish delete what did how ' +
      'am i doing on goal open read back help can say yes yeah yep sure cancel please hey create write new draft ' +
      'thread for last show go to settings calendar it s is was do does'
    ).split(' '),
  ),
  es: new Set(
    (
      'el la los las mi mis un una sobre de para publicacion hazlo mas corto programalo programa manana las dentro ' +
      'horas ahora publicalo borralo borra elimina que como le fue ultima ultimo voy con meta objetivo abre calendario ' +
      'leelo lee dice ayuda puedo decir si vale claro cancela crea escribe nueva nuevo borrador hilo del al ve ' +
      'ajustes proximo lunes tarde noche por favor oye acortalo estadisticas dime muestrame'
    ).split(' '),
  ),
};

/**
 * The language when the words clearly say so (at least two marker words and twice as many as the
 * other language's, or one marker against none), else null: "no", "ok" or a bare platform name
 * could be either, and the caller keeps its setting.
 */
export function detectLanguage(text: string): VoiceLanguage | null {
  const words = normalizePhrase(text).split(' ').filter(Boolean);
  const score = { en: 0, es: 0 };
  for (const w of words) {
    if (MARKERS.en.has(w)) score.en += 1;
    if (MARKERS.es.has(w)) score.es += 1;
  }
  if (score.en > 0 && score.es === 0) return 'en';
  if (score.es > 0 && score.en === 0) return 'es';
  if (score.en >= 2 && score.en >= 2 * score.es) return 'en';
  if (score.es >= 2 && score.es >= 2 * score.en) return 'es';
  return null;
}
