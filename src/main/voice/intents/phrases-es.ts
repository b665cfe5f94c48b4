import { PLATFORM_PATTERN } from './platforms';
import { whole, type LanguageGrammar } from './grammar-types';

const P = PLATFORM_PATTERN;
/** What "it" can be called; enclitic forms ("publícalo") are listed with each verb. */
// Longest first: "this post" must not match as "this" leaving "post" behind.
const IT = `(?:${[
  'esta publicacion',
  'la publicacion',
  'mi publicacion',
  'este borrador',
  'el borrador',
  'la entrada',
  'este post',
  'el texto',
  'el post',
  'el hilo',
  'mi post',
  'esto',
  'eso',
].join('|')})`;
const CREATE =
  '(?:crea|crear|creame|escribe|escribir|escribeme|redacta|redactame|haz|hazme|prepara|preparame|genera|generame|' +
  'empieza|inicia|quiero|necesito|dame)';
const NOUN = '(?<noun>publicacion|publicaciones|post|borrador|hilo|tuit|tweet|entrada|articulo|mensaje)';
const ABOUT = '(?:sobre|acerca de|de|del tema|con el tema|hablando de|que hable de|que trate de)';

export const SPANISH: LanguageGrammar = {
  language: 'es',
  fixed: [
    {
      intent: { action: 'voice.answer', answer: 'yes' },
      patterns: [
        whole(
          'si|vale|claro|de acuerdo|confirmo|confirma|confirmar|hazlo|adelante|dale|correcto|por supuesto|ok|okay|' +
            'venga|si hazlo|si adelante|si claro|si vale|claro que si|exacto|perfecto|si publicalo|si borralo|si programalo',
        ),
      ],
    },
    {
      intent: { action: 'voice.answer', answer: 'no' },
      patterns: [
        whole(
          'no|no gracias|cancela|cancelalo|cancelar|para|detente|olvidalo|dejalo|mejor no|no lo hagas|ni hablar|' +
            'espera|todavia no|aun no|no no|nada',
        ),
      ],
    },
    {
      intent: { action: 'voice.help' },
      patterns: [
        whole(
          'ayuda|ayudame|necesito ayuda|que puedo decir|que puedes hacer|que sabes hacer|que entiendes|comandos|' +
            'lista de comandos|(?:muestrame|dime) (?:los|que) comandos(?: hay)?|como funciona esto',
        ),
      ],
    },
    {
      intent: { action: 'post.publish-now' },
      patterns: [
        whole(
          `(?:publicalo|publicala|publicar|publica|envialo|enviala|compartelo|compartela|subelo|subela)` +
            `(?: ${IT})?(?: (?:ahora|ya|ahora mismo|de inmediato|inmediatamente|enseguida))?`,
        ),
        whole(`(?:publica|envia|comparte|sube) ${IT}(?: (?:ahora|ya|ahora mismo|de inmediato))?`),
        whole('publicar ahora|publica ya|publica ahora'),
      ],
    },
    {
      intent: { action: 'post.delete' },
      patterns: [
        whole('(?:borralo|borrala|eliminalo|eliminala|descartalo|descartala|quitalo|quitala|tiralo|tirala)'),
        whole(`(?:borra|elimina|descarta|quita|tira|borrar|eliminar) ${IT}`),
      ],
    },
    {
      intent: { action: 'draft.shorten' },
      patterns: [
        whole(
          '(?:hazlo|hazla|ponlo|ponla|dejalo|dejala)(?: un poco| mucho| algo)? mas (?:corto|corta|breve|conciso|concisa)',
        ),
        whole(
          `(?:acortalo|acortala|acorta|resumelo|resumela|resume|recortalo|recortala|recorta|abrevialo|abreviala|abrevia)` +
            `(?: ${IT})?(?: un poco)?`,
        ),
        whole(`(?:haz|pon|deja) ${IT} mas (?:corto|corta|breve)`),
        whole('mas corto|mas corta|mas breve|es muy largo|es demasiado largo|demasiado largo'),
      ],
    },
    {
      intent: { action: 'draft.read-back' },
      patterns: [
        whole(
          `(?:leelo|leela|leemelo|leemela|lee|leeme|leer)(?: ${IT})?(?: (?:en voz alta|otra vez|de nuevo))?|` +
            'que dice|que has escrito|que escribiste|dejame oirlo',
        ),
      ],
    },
    {
      intent: { action: 'analytics.last-post' },
      patterns: [
        whole(
          '(?:como|que tal)(?: le)?(?: (?:fue|va|ha ido|funciono|ha funcionado|esta|resulto|salio|le fue|le va))?' +
            '(?: a| con)? (?:mi|la|el) (?:ultima|ultimo) (?:publicacion|post|tuit|entrada|hilo)',
        ),
        whole(
          '(?:(?:muestrame|dame|dime) )?(?:las |los )?(?:estadisticas|resultados|numeros|metricas|rendimiento|datos)' +
            '(?: de| del)? (?:mi|la|el) (?:ultima|ultimo) (?:publicacion|post|tuit)',
        ),
        whole('que tal (?:mi|la|el) (?:ultima|ultimo) (?:publicacion|post)'),
      ],
    },
    {
      intent: { action: 'coach.goal-status' },
      patterns: [
        whole(
          'como (?:voy|vamos|va|llevo)(?: con| en)? (?:mi|mis|la|el|las) (?:meta|metas|objetivo|objetivos|progreso)',
        ),
        whole('(?:como va|que tal va|que tal) (?:mi|la|el) (?:meta|objetivo|progreso)'),
        whole('(?:estado|progreso)(?: de| del)? (?:mi|mis|la) (?:meta|metas|objetivo|objetivos)'),
        whole('voy bien(?: con (?:mi|la) (?:meta|objetivo))?|cuanto me falta para (?:mi|la) (?:meta|objetivo)'),
      ],
    },
  ],
  schedule: [
    {
      pattern: whole(
        `(?:programa|programalo|programala|programar|agenda|agendalo|agendala|planifica|planificalo|planificala)` +
          `(?: ${IT})? (?<time>.+)`,
      ),
      strict: true,
    },
    {
      pattern: whole(`(?:publicalo|publicala|publica ${IT}|envialo|enviala|ponlo|ponla) (?<time>.+)`),
      strict: false,
    },
  ],
  navigate: [
    whole(
      '(?:abre|abrir|abreme|muestra|muestrame|mostrar|ensename|ve a|ve al|ir a|ir al|vamos a|vamos al|llevame a|' +
        'llevame al|cambia a|pasa a|entra en|entra a)(?: el| la| los| las| mi| mis)?' +
        '(?: (?:pagina|seccion|pantalla|pestana) de)?(?: el| la| los| las| mis| mi)? (?<page>.+?)',
    ),
    whole('(?:el |la |los |las )?(?<page>.+?)'),
  ],
  pages: {
    dashboard: ['inicio', 'panel', 'tablero', 'resumen', 'pagina principal', 'portada', 'dashboard'],
    compose: ['redactar', 'editor', 'redaccion', 'componer', 'compose'],
    studio: ['estudio', 'studio'],
    library: [
      'biblioteca',
      'publicaciones',
      'mis publicaciones',
      'contenido',
      'borradores',
      'mis borradores',
      'archivo',
    ],
    calendar: ['calendario', 'agenda', 'programacion', 'planificador'],
    bulk: ['masivo', 'edicion masiva', 'carga masiva', 'lote', 'lotes', 'publicacion masiva', 'programacion masiva'],
    templates: ['plantillas', 'plantilla'],
    'brand-voice': ['voz de marca', 'marca', 'tono de marca', 'tono de voz'],
    analytics: [
      'analiticas',
      'analitica',
      'estadisticas',
      'metricas',
      'numeros',
      'informes',
      'rendimiento',
      'analytics',
    ],
    coach: ['coach', 'entrenador', 'metas', 'objetivos', 'mis metas', 'mis objetivos'],
    accounts: ['cuentas', 'conexiones', 'cuentas conectadas', 'perfiles', 'redes sociales'],
    ai: ['ia', 'i a', 'inteligencia artificial', 'modelos', 'asistente', 'ajustes de ia'],
    settings: ['ajustes', 'configuracion', 'preferencias', 'opciones'],
    diagnostics: ['diagnostico', 'diagnosticos', 'registros', 'logs', 'salud del sistema'],
    talk: ['hablar', 'voz', 'comandos de voz', 'control por voz'],
  },
  draft: [
    whole(
      `(?:${CREATE} )?(?:un |una |otro |otra )?(?:nuevo |nueva )?(?:(?<p1>${P}) )?${NOUN}(?: nuevo| nueva)?` +
        `(?: (?:de|para|en) (?<p2>${P}))? ${ABOUT} (?<topic>.+)`,
    ),
    whole(
      `(?:escribe|redacta|escribir|tuitea|publica algo)(?: algo)?(?: (?:para|en) (?<p2>${P}))? (?:sobre|acerca de) (?<topic>.+)`,
    ),
  ],
  trailingPlatform: new RegExp(`^(?<topic>.+?) (?:para|en|de) (?:mi )?(?<p3>${P})$`),
  nounPlatforms: { tuit: 'x', tweet: 'x' },
  emptyTopics: new Set(['esto', 'eso', 'algo', 'lo', 'la', 'el', 'mi', 'un', 'una', 'cosas']),
  nearMisses: [
    { action: 'post.schedule', pattern: /^(?:programa|programalo|programala|agenda|agendalo|planifica)\b/ },
    {
      action: 'draft.create',
      pattern: /^(?:crea|escribe|redacta|haz|hazme|nueva|nuevo)\b.*\b(?:publicacion|post|borrador|hilo|tuit)\b/,
    },
    { action: 'app.navigate', pattern: /^(?:abre|ve a|ve al|ir a|llevame|muestrame el|muestrame la)\b/ },
    { action: 'post.delete', pattern: /^(?:borra|elimina|descarta)\b/ },
    { action: 'post.publish-now', pattern: /^(?:publica|publicalo|publicala)\b/ },
    { action: 'draft.read-back', pattern: /^(?:lee|leelo)\b/ },
    { action: 'draft.shorten', pattern: /\b(?:corto|corta|largo|larga|acorta)\b/ },
    { action: 'analytics.last-post', pattern: /\b(?:ultima|ultimo|primera|primer) (?:publicacion|post)\b/ },
    { action: 'coach.goal-status', pattern: /\b(?:meta|metas|objetivo|objetivos)\b/ },
  ],
};
