import { randomUUID } from 'node:crypto';
import type { DraftIdeaInput, DraftIdeaOutput } from '../../shared/contract/studio';
import { ContractError } from '../../shared/contract/errors';
import type { AbPair } from '../../shared/domain/analytics';
import type { Post } from '../../shared/domain/post';
import type { Idea, IdeaDraft, IdeaSummary } from '../../shared/domain/studio';
import type { DomainDeps } from '../domain-deps';
import { DraftGenerator } from './draft-generator';
import { type DraftJob, DraftQueue } from './draft-queue';
import type { FetchPage } from './link/fetch-page';
import type { SourceMaterial } from './prompt';
import type { StudioAbPairs, StudioBrand, StudioTemplates, TemplateForPrompt } from './studio.ports';
import { type IdeaRow, StudioRepository } from './studio.repository';

export interface StudioServiceDeps extends Omit<DomainDeps, 'profile'> {
  templates: StudioTemplates;
  brand: StudioBrand;
  abPairs: StudioAbPairs;
  fetchPage: FetchPage;
  /** Generations at once (default 2). */
  concurrency?: number;
}

const TITLE_CHARS = 80;

/** Idea → one draft post per platform and variant, generated in the background; A/B pairs of variants. */
export class StudioService {
  readonly repository: StudioRepository;
  private readonly queue: DraftQueue;
  private readonly generator: DraftGenerator;
  private readonly preparing = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly deps: StudioServiceDeps) {
    this.repository = new StudioRepository(deps.database.db);
    this.queue = new DraftQueue(deps.concurrency ?? 2);
    this.generator = new DraftGenerator({ ...deps, logger: deps.ports.logger });
  }

  /** Creates the idea and its empty drafts in one transaction, returns them, then generates in the background. */
  async draftIdea(input: DraftIdeaInput): Promise<DraftIdeaOutput> {
    if (this.closed)
      throw new ContractError('UNAVAILABLE', 'The app is closing; draft this idea again after it restarts');
    const sourcePost = input.source.kind === 'post' ? await this.requireSourcePost(input.source.value) : null;
    const template = input.templateId
      ? await this.deps.templates.renderForPrompt(input.templateId, input.templateValues ?? {})
      : null;
    const idea: IdeaRow = {
      id: randomUUID(),
      topic: clip(sourcePost ? sourcePost.title || firstLine(sourcePost.body) : firstLine(input.source.value)),
      sourceKind: input.source.kind,
      sourceText: sourcePost ? '' : input.source.value,
      sourcePostId: sourcePost?.id ?? null,
      platforms: input.platforms,
      templateId: input.templateId ?? null,
      createdAt: this.deps.ports.clock.now().toISOString(),
    };
    const drafts = input.drafts.map((d) => ({
      ...d,
      postId: randomUUID(),
      title: input.variants > 1 ? `${idea.topic} (${d.variant})` : idea.topic,
    }));
    await this.deps.database.transaction(async (tx, onCommit) => {
      await this.repository.insertIdea(idea, tx);
      for (const draft of drafts) {
        const post = emptyDraftPost(draft.postId, draft.title, draft.platform, idea.createdAt);
        // The posts repository inside this transaction: the same rows and revision PostsService.create writes.
        await this.deps.posts.repository.insert(post, tx);
        await this.deps.posts.repository.addRevision(post, tx);
        await this.repository.insertOrigin(
          { postId: post.id, ideaId: idea.id, variant: draft.variant, templateId: idea.templateId },
          tx,
        );
      }
      onCommit(() => this.deps.events.emit('posts:changed', { ids: drafts.map((d) => d.postId), reason: 'created' }));
    });

    const jobs = drafts.map((d) => newJob(idea.id, d));
    for (const job of jobs) {
      this.queue.register(job);
      this.generator.report(job);
    }
    const source: SourceMaterial = {
      kind: idea.sourceKind,
      text: sourcePost ? sourcePost.body || sourcePost.title : idea.sourceText,
    };
    this.track(this.startGenerations(jobs, source, template));
    return {
      ideaId: idea.id,
      drafts: drafts.map(({ postId, platform, variant, requestId }) => ({ postId, platform, variant, requestId })),
    };
  }

  /** Stops every queued and streaming draft of the idea; what was written stays. */
  async cancelDrafts(ideaId: string): Promise<{ cancelled: number }> {
    await this.requireIdea(ideaId);
    let cancelled = 0;
    for (const job of this.queue.jobsOf(ideaId)) if (this.cancelJob(job)) cancelled += 1;
    return { cancelled };
  }

  async getIdea(ideaId: string): Promise<Idea> {
    const idea = await this.requireIdea(ideaId);
    const rows = await this.repository.draftsOf(idea);
    const drafts = rows.map((row): IdeaDraft => {
      const job = this.queue.jobs.get(row.postId);
      const base = { postId: row.postId, platform: row.platform, variant: row.variant, body: row.body };
      if (job)
        return {
          ...base,
          requestId: job.requestId,
          status: job.status,
          warnings: [...job.warnings],
          error: job.error,
          suggestion: job.suggestion,
        };
      // Generated before this app session: only the saved text tells what happened.
      return row.body.trim()
        ? { ...base, requestId: null, status: 'done', warnings: [], error: null, suggestion: null }
        : {
            ...base,
            requestId: null,
            status: 'failed',
            warnings: [],
            error: 'This draft was not written before the app closed; draft the idea again.',
            suggestion: null,
          };
    });
    return {
      id: idea.id,
      topic: idea.topic,
      source: {
        kind: idea.sourceKind,
        value: idea.sourceKind === 'post' ? (idea.sourcePostId ?? '') : idea.sourceText,
      },
      platforms: idea.platforms,
      templateId: idea.templateId,
      createdAt: idea.createdAt,
      drafts,
    };
  }

  async listIdeas(limit: number): Promise<IdeaSummary[]> {
    const ideas = await this.repository.listIdeas(limit);
    return ideas.map((idea) => ({
      id: idea.id,
      topic: idea.topic,
      sourceKind: idea.sourceKind,
      platforms: idea.platforms,
      createdAt: idea.createdAt,
      draftCount: idea.draftCount,
      active: this.queue.jobsOf(idea.id).some((job) => job.status === 'queued' || job.status === 'streaming'),
    }));
  }

  /** Stores two variants of one idea on one platform as an A/B pair (through analytics). */
  async markAbPair(input: { postA: string; postB: string; label?: string | undefined }): Promise<AbPair> {
    const [a, b] = await Promise.all([input.postA, input.postB].map((id) => this.variantOf(id)));
    if (!a || !b) throw new ContractError('NOT_FOUND', 'One of these posts no longer exists');
    if (!a.ideaId || a.ideaId !== b.ideaId) {
      throw invalid(['postB'], 'Only two variants of the same idea can be an A/B pair');
    }
    if (!a.platform || a.platform !== b.platform)
      throw invalid(['postB'], 'Both variants must be drafts for the same platform');
    return this.deps.abPairs.createAbPair({
      postA: input.postA,
      postB: input.postB,
      platform: a.platform,
      label: input.label,
    });
  }

  /** Cancels everything and waits for running generations, so nothing writes after the database closes. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.jobs.values()) this.cancelJob(job);
    while (this.preparing.size > 0) await Promise.allSettled([...this.preparing]);
    await this.queue.drained();
  }

  private cancelJob(job: DraftJob): boolean {
    if (job.status !== 'queued' && job.status !== 'streaming') return false;
    job.controller.abort();
    this.deps.llm.cancel(job.requestId);
    if (job.status === 'queued') {
      job.status = 'cancelled';
      this.generator.report(job);
    }
    return true;
  }

  /** Reads a link's page once for all the idea's drafts, then queues them. */
  private async startGenerations(
    jobs: DraftJob[],
    source: SourceMaterial,
    template: TemplateForPrompt | null,
  ): Promise<void> {
    let material = source;
    if (source.kind === 'link') {
      const signal = AbortSignal.any(jobs.map((j) => j.controller.signal));
      try {
        material = { ...source, page: await this.deps.fetchPage(source.text, signal) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        material = { ...source, page: null };
        for (const job of jobs)
          job.warnings.push(
            `The link could not be read (${reason}), so this draft was written from the address alone.`,
          );
      }
    }
    for (const job of jobs) this.queue.enqueue(job, () => this.generator.run(job, material, template));
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) =>
      this.deps.ports.logger.error({ err: error }, 'studio: drafting stopped'),
    );
    this.preparing.add(tracked);
    void tracked.finally(() => this.preparing.delete(tracked));
  }

  private async variantOf(postId: string) {
    const [post, origin] = await Promise.all([
      this.deps.posts.repository.findById(postId),
      this.repository.originOf(postId),
    ]);
    if (!post) return null;
    return { ideaId: origin?.ideaId ?? null, platform: post.platforms[0] ?? null };
  }

  private async requireSourcePost(id: string): Promise<Post> {
    const post = await this.deps.posts.repository.findById(id);
    if (!post || post.deletedAt)
      throw new ContractError('NOT_FOUND', 'The post to draft from does not exist (it may have been deleted)');
    return post;
  }

  private async requireIdea(id: string): Promise<IdeaRow> {
    const idea = await this.repository.findIdea(id);
    if (!idea) throw new ContractError('NOT_FOUND', 'That idea does not exist');
    return idea;
  }
}

/** An empty draft post, as PostsService.create makes one; the generation fills its body later. */
function emptyDraftPost(id: string, title: string, platform: Post['platforms'][number], now: string): Post {
  return {
    id,
    title,
    body: '',
    status: 'draft',
    tags: [],
    platforms: [platform],
    scheduledAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    deletedAt: null,
  };
}

function newJob(ideaId: string, draft: DraftIdeaOutput['drafts'][number] & { title: string }): DraftJob {
  const { title, ...ids } = draft;
  return {
    ideaId,
    ...ids,
    placeholderTitle: title,
    status: 'queued',
    warnings: [],
    error: null,
    suggestion: null,
    controller: new AbortController(),
  };
}

function invalid(path: string[], message: string): ContractError {
  return new ContractError('VALIDATION_FAILED', message, { issues: [{ path, message }] });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() ?? '';
}

function clip(text: string): string {
  return text.length <= TITLE_CHARS ? text : `${text.slice(0, TITLE_CHARS - 1).trimEnd()}…`;
}
