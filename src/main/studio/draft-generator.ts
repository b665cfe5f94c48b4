import { ContractError } from '../../shared/contract/errors';
import type { DraftProgress } from '../../shared/domain/studio';
import type { EventBus } from '../contract/event-bus';
import type { LlmService } from '../llm/llm.service';
import type { Logger } from '../platform/logger/logger';
import type { PostsService } from '../posts/posts.service';
import type { DraftJob } from './draft-queue';
import { buildDraftPrompt, draftMaxTokens, type SourceMaterial } from './prompt';
import { type ShapedDraft, shapeDraft } from './shape-draft';
import type { StudioBrand, TemplateForPrompt } from './studio.ports';

export interface DraftGeneratorDeps {
  llm: LlmService;
  posts: PostsService;
  events: EventBus;
  logger: Logger;
  brand: StudioBrand;
}

/** Generates one draft: prompt, stream, shape, and save it unless the creator has started writing. */
export class DraftGenerator {
  constructor(private readonly deps: DraftGeneratorDeps) {}

  /** Emits this job's state as studio:draft-progress. */
  report(job: DraftJob, extra: Pick<DraftProgress, 'text' | 'saved'> = {}): void {
    this.deps.events.emit('studio:draft-progress', {
      ideaId: job.ideaId,
      postId: job.postId,
      requestId: job.requestId,
      status: job.status,
      ...extra,
      ...(job.warnings.length > 0 ? { warnings: [...job.warnings] } : {}),
      ...(job.error ? { error: job.error } : {}),
    });
  }

  /** Never throws: a failure becomes the job's `failed` status with a plain message. */
  async run(job: DraftJob, source: SourceMaterial, template: TemplateForPrompt | null): Promise<void> {
    const { signal } = job.controller;
    if (signal.aborted) return;
    job.status = 'streaming';
    this.report(job);
    try {
      const voice = await this.voiceFor(source, job);
      const generation = await this.deps.llm.generate(
        {
          requestId: job.requestId,
          task: 'drafting',
          messages: buildDraftPrompt({ platform: job.platform, variant: job.variant, source, template, voice }),
          maxTokens: draftMaxTokens(job.platform, job.variant),
        },
        signal,
      );
      const shaped = shapeDraft(generation.text, job.platform);
      job.warnings.push(...shaped.warnings);
      const saved = shaped.text.length > 0 && (await this.saveIfUntouched(job, shaped));
      if (!saved && shaped.text.length > 0) job.suggestion = shaped.text;
      job.status = generation.finishReason === 'cancelled' ? 'cancelled' : 'done';
      this.report(job, { text: shaped.text, saved });
    } catch (error) {
      if (signal.aborted) {
        job.status = 'cancelled';
      } else {
        job.status = 'failed';
        job.error = failureMessage(error);
        this.deps.logger.warn({ err: error, postId: job.postId, platform: job.platform }, 'studio: draft failed');
      }
      this.report(job);
    }
  }

  /** The brand voice for this draft; a broken voice profile must not stop drafting, so it is only logged. */
  private async voiceFor(source: SourceMaterial, job: DraftJob) {
    try {
      return await this.deps.brand.voiceGuide(source.text, job.platform);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'studio: no brand voice for this draft');
      return null;
    }
  }

  /**
   * Writes the draft into the post only while its body is empty. The update names the version just
   * read, so an edit saved in between makes it a CONFLICT and the creator's text wins. A YouTube
   * title replaces the post title only while it is still the one the idea gave it.
   */
  private async saveIfUntouched(job: DraftJob, shaped: ShapedDraft): Promise<boolean> {
    const post = await this.deps.posts.repository.findById(job.postId);
    if (!post || post.body.trim() !== '') return false;
    const title = shaped.title && post.title === job.placeholderTitle ? { title: shaped.title } : {};
    try {
      await this.deps.posts.update(job.postId, post.version, { body: shaped.text, ...title });
      return true;
    } catch (error) {
      if (error instanceof ContractError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) return false;
      throw error;
    }
  }
}

function failureMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `This draft could not be written: ${reason}`;
}
