import { ContractError } from '../../shared/contract/errors';
import type {
  Critique,
  CritiqueInput,
  FixedText,
  FixFindingInput,
  ScorePostInput,
} from '../../shared/contract/quality';
import type { Platform } from '../../shared/domain/platform';
import type { Finding, QualityReport } from '../../shared/quality/finding';
import { applyAutoFix } from '../../shared/quality/fixes';
import { scorePost } from '../../shared/quality/score';
import type { DomainDeps } from '../domain-deps';
import { CRITIQUE_JSON_SCHEMA, CRITIQUE_SYSTEM, critiquePrompt, parseCritique } from './critique';
import { DuplicateIndex } from './duplicate-index';
import { cleanRewrite, REWRITE_SYSTEM, rewritePrompt } from './rewrite-prompts';

interface Subject {
  text: string;
  platform: Platform;
  /** The saved post the text belongs to, left out of the duplicate comparison. */
  postId: string | undefined;
}

/**
 * Post quality: the shared deterministic checks (src/shared/quality) plus what only main can do —
 * the duplicate comparison with the creator's other posts, the AI critique and AI rewrites.
 * Nothing here saves a post: fixes return text for the caller to apply.
 */
export class QualityService {
  readonly duplicates: DuplicateIndex;

  constructor(private readonly deps: DomainDeps) {
    this.duplicates = new DuplicateIndex(deps.database.db);
  }

  async score(input: ScorePostInput): Promise<QualityReport> {
    return this.report(await this.subject(input));
  }

  async critique(input: CritiqueInput): Promise<Critique> {
    const { text, platform } = await this.subject(input);
    const generation = await this.deps.llm.generate({
      ...(input.requestId === undefined ? {} : { requestId: input.requestId }),
      task: 'classification',
      system: CRITIQUE_SYSTEM,
      prompt: critiquePrompt(text, platform),
      maxTokens: 700,
      temperature: 0.2,
      jsonSchema: CRITIQUE_JSON_SCHEMA,
    });
    if (generation.finishReason === 'cancelled') {
      throw new ContractError('UNAVAILABLE', 'The critique was cancelled');
    }
    const critique = parseCritique(generation.text);
    if (!critique) {
      this.deps.ports.logger.warn({ provider: generation.provider, model: generation.model }, 'unreadable critique');
      throw new ContractError('UNAVAILABLE', "The model's critique could not be read");
    }
    return { ...critique, provider: generation.provider, model: generation.model };
  }

  async fix(input: FixFindingInput): Promise<FixedText> {
    const subject = await this.subject(input);
    const report = await this.report(subject);
    const finding = report.findings.find((f) => f.id === input.findingId);
    if (!finding) throw new ContractError('NOT_FOUND', 'That finding no longer applies to this text');
    switch (finding.fix.kind) {
      case 'auto':
        return { text: applyAutoFix(subject.text, subject.platform, finding.id), kind: 'auto' };
      case 'ai':
        return { text: await this.rewrite(subject, finding, input.requestId), kind: 'ai' };
      case 'none':
        throw new ContractError(
          'VALIDATION_FAILED',
          `This one has no one-click fix: ${finding.fix.label.toLowerCase()}`,
        );
    }
  }

  private async report(subject: Subject): Promise<QualityReport> {
    const duplicateCandidates = await this.duplicates.nearDuplicates(subject.text, subject.postId);
    return scorePost({ text: subject.text, platform: subject.platform, duplicateCandidates });
  }

  private async rewrite(subject: Subject, finding: Finding, requestId: string | undefined): Promise<string> {
    const generation = await this.deps.llm.generate({
      ...(requestId === undefined ? {} : { requestId }),
      task: 'rewriting',
      system: REWRITE_SYSTEM,
      prompt: rewritePrompt(subject.text, subject.platform, finding),
      maxTokens: 1200,
    });
    if (generation.finishReason === 'cancelled') throw new ContractError('UNAVAILABLE', 'The rewrite was cancelled');
    const text = cleanRewrite(generation.text);
    if (text === '') throw new ContractError('UNAVAILABLE', 'The model returned no text');
    return text;
  }

  /** The text and platform to check: the given text, or the post's body and its first platform. */
  private async subject(input: {
    postId?: string | undefined;
    text?: string | undefined;
    platform?: Platform | undefined;
  }): Promise<Subject> {
    if (input.text !== undefined && input.platform !== undefined) {
      return { text: input.text, platform: input.platform, postId: input.postId };
    }
    const post = await this.deps.posts.get(input.postId as string);
    const platform = input.platform ?? post.platforms[0];
    if (!platform) {
      throw new ContractError('VALIDATION_FAILED', 'This post has no platform yet; pick one to check it for', {
        issues: [{ path: ['platform'], message: 'Pick a platform' }],
      });
    }
    return { text: input.text ?? post.body, platform, postId: post.id };
  }
}
