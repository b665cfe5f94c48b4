import type { GoalStatus } from '../../../shared/domain/coach';
import type { Platform } from '../../../shared/domain/platform';
import type { PublishedPost } from '../../../shared/domain/analytics';
import type { ActionRisk, VoiceAction, VoiceIntent, VoiceLanguage, VoicePage } from '../../../shared/domain/voice';
import type { LlmService } from '../../llm/llm.service';
import type { PostsService } from '../../posts/posts.service';

/** What an action needs from the other domains (wired in voice.setup.ts from the core's services). */
export interface ActionPorts {
  posts: PostsService;
  llm: LlmService;
  /** The publishing domain's publish-now: one queued job per platform of the post. */
  publishNow(postId: string): Promise<{ id: string }[]>;
  /** The publishing jobs of a post (a scheduled post's jobs are queued when the post is scheduled). */
  jobsOf(postId: string): Promise<{ id: string; status: string }[]>;
  /** Platforms with an account Cadence can post to. */
  connectedPlatforms(): Promise<Platform[]>;
  /** The most recently published post with its latest counts, or null. */
  lastPublished(): Promise<PublishedPost | null>;
  /** The coach's goal status; NOT_FOUND before onboarding. */
  goalStatus(): Promise<GoalStatus>;
  /** The creator's first platform from the profile (for "a new post" without one), or null. */
  defaultPlatform(): Promise<Platform | null>;
}

export interface ActionContext {
  language: VoiceLanguage;
  /** The post "it" means: the one open in Compose, else the one the last command created or touched. */
  postId: string | null;
  now: Date;
  timeZone: string;
  signal?: AbortSignal | undefined;
}

export interface ActionOutcome {
  /** 'failed' when the action could not do what was asked (the reply says why). */
  status: 'done' | 'failed';
  reply: string;
  postId: string | null;
  navigateTo: VoicePage | null;
  jobIds: string[];
}

export type IntentOf<A extends VoiceAction> = Extract<VoiceIntent, { action: A }>;

/** One action a command can run. */
export interface ActionDefinition<A extends VoiceAction = VoiceAction> {
  action: A;
  label: string;
  risk: ActionRisk;
  run(intent: IntentOf<A>, ctx: ActionContext): Promise<ActionOutcome>;
  /**
   * For risky actions: the question asked before running, or the outcome to report at once when
   * there is nothing to act on (no post, no connected account).
   */
  question?(intent: IntentOf<A>, ctx: ActionContext): Promise<{ ask: string } | { miss: ActionOutcome }>;
}

/** Actions the registry runs; "yes"/"no" answers are handled by the command runner itself. */
export type RunnableAction = Exclude<VoiceAction, 'voice.answer'>;

export function outcome(reply: string, extra: Partial<Omit<ActionOutcome, 'reply'>> = {}): ActionOutcome {
  return { status: 'done', reply, postId: null, navigateTo: null, jobIds: [], ...extra };
}

export function failed(reply: string, postId: string | null = null): ActionOutcome {
  return { status: 'failed', reply, postId, navigateTo: null, jobIds: [] };
}

/** The reply in the command's language. */
export function say(language: VoiceLanguage, en: string, es: string): string {
  return language === 'es' ? es : en;
}
