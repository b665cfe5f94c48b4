import { PLATFORM_PATTERN } from './platforms';
import { whole, type LanguageGrammar } from './grammar-types';

const P = PLATFORM_PATTERN;
/** What "it" can be called. */
// Longest first: "this post" must not match as "this" leaving "post" behind.
const IT = `(?:${[
  'this draft',
  'the thread',
  'this post',
  'that post',
  'the draft',
  'the post',
  'my draft',
  'the text',
  'my post',
  'this',
  'that',
  'it',
].join('|')})`;
const CREATE = '(?:create|write|make|draft|start|compose|add|prepare|give me|do|begin|put together|whip up|new|i need)';
const NOUN = '(?<noun>posts?|drafts?|thread|tweet|caption|update|article)';
const ABOUT = '(?:about|on|regarding|around|covering|on the topic of|for the topic)';

export const ENGLISH: LanguageGrammar = {
  language: 'en',
  fixed: [
    {
      intent: { action: 'voice.answer', answer: 'yes' },
      patterns: [
        whole(
          'yes|yeah|yep|yup|yes please|sure|sure thing|ok|okay|confirm|confirmed|i confirm|do it|go ahead|go for it|' +
            'correct|right|absolutely|affirmative|thats right|yes do it|yes go ahead|of course|sounds good|' +
            `yes (?:post|publish|delete|schedule) ${IT}|(?:yes|yeah|yep|sure|ok|okay) (?:go ahead|do it|sure|confirm)`,
        ),
      ],
    },
    {
      intent: { action: 'voice.answer', answer: 'no' },
      patterns: [
        whole(
          'no|nope|nah|no thanks|no thank you|cancel|cancel (?:it|that)|stop|dont|dont do it|no dont|never mind|' +
            'nevermind|abort|forget it|no way|not now|hold on|wait|no no',
        ),
      ],
    },
    {
      intent: { action: 'voice.help' },
      patterns: [
        whole(
          'help|help me|i need help|what can i say|what can you do|what do you understand|what (?:can i|should i) say|' +
            'what commands (?:are there|do you know|can i use)|(?:list|show)(?: me)?(?: the| all)?(?: voice)? commands|' +
            'commands|how does this work',
        ),
      ],
    },
    {
      intent: { action: 'post.publish-now' },
      patterns: [
        whole(
          `(?:post|publish|send|share|push) ${IT}(?: out)?(?: live)?(?: (?:right )?now| immediately| right away| straight away)?`,
        ),
        whole('(?:post|publish)(?: right)? now|publish|go live(?: now)?|publish immediately'),
      ],
    },
    {
      intent: { action: 'post.delete' },
      patterns: [whole(`(?:delete|remove|trash|discard|erase|scrap|bin|get rid of|throw away|throw out) ${IT}`)],
    },
    {
      intent: { action: 'draft.shorten' },
      patterns: [
        whole(
          `(?:make|get|keep) ${IT} (?:a (?:bit|little|lot) |much |way |even )?` +
            '(?:shorter|more concise|tighter|briefer|less wordy|more compact)',
        ),
        whole(
          `(?:shorten|trim|tighten|condense|cut down|cut|shrink|abbreviate)(?: ${IT})?(?: down)?(?: a (?:bit|little))?`,
        ),
        whole('shorter|too long|its too long|thats too long|it is too long|make it short|cut it short'),
      ],
    },
    {
      intent: { action: 'draft.read-back' },
      patterns: [
        whole(
          `read(?: me)?(?: ${IT})?(?: (?:back|out|out loud|aloud|to me|again|back to me))?|` +
            'read back(?: the post)?|what does it say|what did you write|let me hear it|play it back',
        ),
      ],
    },
    {
      intent: { action: 'analytics.last-post' },
      patterns: [
        whole(
          '(?:what|how) (?:did|does|has|is|was) (?:my|the) (?:last|latest|most recent|previous|newest) ' +
            '(?:post|tweet|thread|publication)(?: (?:do|done|doing|perform|performed|performing|go|gone|going|get))?',
        ),
        whole(
          '(?:hows|whats) (?:my|the) (?:last|latest|most recent) (?:post|tweet)(?: (?:doing|performance|going|stats))?',
        ),
        whole(
          '(?:show me |give me |tell me |what are )?(?:the )?(?:stats|statistics|numbers|results|analytics|performance|metrics) ' +
            '(?:for|of|on) (?:my|the) (?:last|latest|most recent) (?:post|tweet)',
        ),
        whole('(?:my )?(?:last|latest) post (?:stats|performance|numbers|results)'),
        whole('how many (?:likes|views|comments|clicks) did (?:my|the) (?:last|latest) post get'),
      ],
    },
    {
      intent: { action: 'coach.goal-status' },
      patterns: [
        whole(
          'how (?:am i|im|are we) (?:doing|going|tracking|progressing)(?: on| with| toward| towards| against| for)? ' +
            '(?:my|the|our) (?:goals?|targets?)',
        ),
        whole(
          '(?:hows|how is|whats|what is) (?:my|the) (?:goal|target|progress)(?: going| doing| coming along| status)?',
        ),
        whole('(?:am i|are we) on track(?: (?:for|with) (?:my|the) goal)?'),
        whole('(?:my )?goals? (?:status|progress|update|check)'),
        whole('(?:check|show me) (?:on )?my (?:goals?|progress)'),
        whole('how close am i to (?:my|the) goal'),
      ],
    },
  ],
  schedule: [
    {
      pattern: whole(
        `(?:schedule|plan|queue|book|set)(?: up)?(?: ${IT})?(?: up)?(?: to (?:go out|publish|post|go live))? (?<time>.+)`,
      ),
      strict: true,
    },
    { pattern: whole(`(?:post|publish|send|share) ${IT}(?: out)? (?<time>.+)`), strict: false },
  ],
  navigate: [
    whole(
      // Longer verbs first: "show me my drafts" must not read as "show" + "me my drafts".
      '(?:show me|take me to|go to|goto|switch to|bring up|navigate to|jump to|pull up|open|show|go|display|view)' +
        '(?: up)?(?: the| my)? (?<page>.+?)(?: (?:page|tab|screen|view|section))?',
    ),
    whole('(?:the )?(?<page>.+?)(?: (?:page|tab|screen))?'),
  ],
  pages: {
    dashboard: ['dashboard', 'home', 'home page', 'homepage', 'overview', 'start page', 'main page'],
    compose: ['compose', 'composer', 'editor', 'compose page', 'post editor'],
    studio: ['studio', 'content studio', 'creative studio'],
    library: ['library', 'posts', 'my posts', 'content library', 'drafts', 'my drafts', 'archive'],
    calendar: ['calendar', 'schedule', 'content calendar', 'planner', 'agenda'],
    bulk: ['bulk', 'bulk editor', 'bulk posts', 'bulk upload', 'batch', 'bulk scheduling', 'bulk schedule'],
    templates: ['templates', 'template', 'template library'],
    'brand-voice': ['brand voice', 'brand', 'voice profile', 'tone of voice', 'brand tone'],
    analytics: ['analytics', 'stats', 'statistics', 'insights', 'metrics', 'numbers', 'reports', 'performance'],
    coach: ['coach', 'goals', 'goal', 'coaching', 'my goals'],
    accounts: ['accounts', 'connected accounts', 'connections', 'social accounts', 'profiles', 'integrations'],
    ai: ['ai', 'a i', 'ai settings', 'models', 'ai models', 'assistant', 'language models', 'llm'],
    settings: ['settings', 'preferences', 'options', 'configuration'],
    diagnostics: ['diagnostics', 'diagnostic', 'logs', 'system health', 'debug'],
    talk: ['talk', 'voice', 'voice commands', 'commands page', 'voice control'],
  },
  draft: [
    whole(
      `(?:${CREATE} )?(?:me )?(?:a |an |one |another )?(?:new |quick |short )?(?:(?<p1>${P}) )?${NOUN}` +
        `(?: (?:for|on|to) (?:my )?(?<p2>${P}))? ${ABOUT} (?<topic>.+)`,
    ),
    whole(`(?:write|draft|tweet|post)(?: something)?(?: (?:for|on) (?<p2>${P}))? about (?<topic>.+)`),
  ],
  trailingPlatform: new RegExp(`^(?<topic>.+?) (?:for|on|to) (?:my )?(?<p3>${P})(?: (?:post|account))?$`),
  nounPlatforms: { tweet: 'x' },
  emptyTopics: new Set(['it', 'this', 'that', 'something', 'anything', 'stuff', 'things', 'the', 'a', 'my']),
  nearMisses: [
    { action: 'post.schedule', pattern: /^(?:schedule|plan|queue|book)\b/ },
    {
      action: 'draft.create',
      pattern: /^(?:create|write|make|draft|new|compose|start)\b.*\b(?:post|draft|thread|tweet)s?\b/,
    },
    { action: 'draft.create', pattern: /^(?:new|another) (?:post|draft|thread|tweet)\b/ },
    { action: 'app.navigate', pattern: /^(?:open|go to|take me to|show me the|switch to|navigate to|bring up)\b/ },
    { action: 'post.delete', pattern: /^(?:delete|remove|trash|erase|discard)\b/ },
    { action: 'post.publish-now', pattern: /^(?:publish|post it|post this)\b/ },
    { action: 'draft.read-back', pattern: /^read\b/ },
    { action: 'draft.shorten', pattern: /\b(?:shorter|shorten|longer|too long)\b/ },
    { action: 'analytics.last-post', pattern: /\b(?:last|latest|first|previous) (?:post|tweet)\b/ },
    { action: 'coach.goal-status', pattern: /\bgoals?\b/ },
  ],
};
