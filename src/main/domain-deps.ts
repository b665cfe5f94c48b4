import type { EventBus } from './contract/event-bus';
import type { AppDatabase } from './db/database';
import type { LlmService } from './llm/llm.service';
import type { CorePorts } from './ports';
import type { PostsService } from './posts/posts.service';
import type { ProfileService } from './profile/profile.service';

/** What every feature domain built on the foundation gets from the core. */
export interface DomainDeps {
  ports: CorePorts;
  database: AppDatabase;
  events: EventBus;
  llm: LlmService;
  posts: PostsService;
  profile: ProfileService;
}
