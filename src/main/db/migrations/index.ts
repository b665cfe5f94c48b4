import type { Kysely } from 'kysely';
import * as m001 from './001-create-profile';
import * as m002 from './002-create-posts';
import * as m003 from './003-add-post-search';
import * as m004 from './004-create-llm-usage';
import * as m005 from './005-add-search-prefixes';
import * as m006 from './006-create-analytics';
import * as m007 from './007-create-coach';
import * as m008 from './008-create-reports';
import * as m009 from './009-create-content-studio';
import * as m010 from './010-create-publishing';
import * as m011 from './011-add-publish-job-indexes';
import * as m012 from './012-create-voice';
import * as m013 from './013-create-sync';
import * as m014 from './014-add-publish-relay';
import * as m015 from './015-add-publish-job-slot';

/** One schema step; runs inside the transaction that applies every pending step. */
export interface Migration {
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Every migration, in order. Registered in code (not read from a folder) so they survive
 * bundling. Names are NNN-verb-noun; never rename or edit one that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '001-create-profile': m001,
  '002-create-posts': m002,
  '003-add-post-search': m003,
  '004-create-llm-usage': m004,
  '005-add-search-prefixes': m005,
  '006-create-analytics': m006,
  '007-create-coach': m007,
  '008-create-reports': m008,
  '009-create-content-studio': m009,
  '010-create-publishing': m010,
  '011-add-publish-job-indexes': m011,
  '012-create-voice': m012,
  '013-create-sync': m013,
  '014-add-publish-relay': m014,
  '015-add-publish-job-slot': m015,
};
