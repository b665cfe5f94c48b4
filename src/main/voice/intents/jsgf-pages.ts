import { VOICE_PAGES } from '../../../shared/domain/voice';
import { ENGLISH } from './phrases-en';

/** Every English page name, for the grammar's <page> rule (the same names the matcher accepts). */
export const PAGE_SYNONYMS_FOR_GRAMMAR: string[] = VOICE_PAGES.flatMap((page) => ENGLISH.pages[page]);
