export { parseCommand, type CommandContext, type ParseResult } from './parse-command';
export { normalizePhrase } from './normalize';
export { detectLanguage } from './language';
export { ACTION_EXAMPLES, ACTION_LABELS } from './action-examples';
export { commandJsgf, type JsgfOptions } from './jsgf';
export { DEFAULT_TOPIC_WORDS } from './topic-words';
export { loadDictionaryWords } from './dictionary';
