import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import { ContractError } from '../../shared/contract/errors';
import type { mediaChannels } from '../../shared/contract/media';
import { MEDIA_MAX_BYTES, type MediaCheck, type MediaRecord, type PostMediaItem } from '../../shared/domain/media';
import type { AppDatabase } from '../db/database';
import type { ClockPort } from '../platform/clock/types';
import type { Logger } from '../platform/logger/logger';
import type { PostsService } from '../posts/posts.service';
import { probeImage } from './image-probe';
import { checkPostMedia } from './media-check';
import { MEDIA_DIR, MediaFiles, THUMBS_DIR } from './media-files';
import { MEDIA_RULES, type MediaRulesTable } from './media-rules';
import { MediaRepository, publicRecord, type StoredMedia } from './media.repository';
import { isSupported, sniffMediaType } from './sniff';

export type AddMediaFileInput = z.output<(typeof mediaChannels)['media:add-file']['input']>;

export interface MediaServiceDeps {
  database: AppDatabase;
  clock: ClockPort;
  logger: Logger;
  dataDir: string;
  posts: PostsService;
  rules?: MediaRulesTable;
}

const SUPPORTED = 'JPEG, PNG, GIF, WebP, MP4, MOV or WebM';

/**
 * Images and videos for posts: files stored once by SHA-256 under <data>/media, thumbnails,
 * ordered attachments with alt text, and each platform's media rules.
 */
export class MediaService {
  readonly repository: MediaRepository;
  private readonly files: MediaFiles;
  private readonly rules: MediaRulesTable;

  constructor(private readonly deps: MediaServiceDeps) {
    this.repository = new MediaRepository(deps.database.db);
    this.files = new MediaFiles(deps.dataDir);
    this.rules = deps.rules ?? MEDIA_RULES;
  }

  /** Clears temp files a crash left mid-write. */
  async start(): Promise<void> {
    await this.files.removeLeftoverTemps();
  }

  /**
   * Stores a file: type sniffed from its bytes, images measured and thumbnailed with sharp,
   * videos with the frame, duration and size the renderer read. The file (then the thumbnail)
   * is written atomically before the row; if anything fails, neither is left behind.
   */
  async addFile(input: AddMediaFileInput): Promise<MediaRecord> {
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0) throw new ContractError('VALIDATION_FAILED', 'The file is empty');
    if (bytes.length > MEDIA_MAX_BYTES) {
      throw new ContractError('VALIDATION_FAILED', 'The file is larger than 100 MB; choose a smaller file');
    }
    const type = sniffMediaType(bytes);
    if (!isSupported(type)) {
      throw new ContractError(
        'VALIDATION_FAILED',
        type
          ? `${type.unsupported} files are not supported; save "${input.fileName}" as ${SUPPORTED}`
          : `"${input.fileName}" is not an image or video Cadence can use (${SUPPORTED})`,
      );
    }
    const id = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.repository.find(id);
    if (existing) return publicRecord(existing);

    const probed =
      type.kind === 'image'
        ? await probeImage(bytes)
        : { width: input.width ?? null, height: input.height ?? null, thumbnail: await this.videoFrame(input) };
    const stored: StoredMedia = {
      id,
      kind: type.kind,
      mime: type.mime,
      bytes: bytes.length,
      width: probed.width,
      height: probed.height,
      durationMs: type.kind === 'video' ? (input.durationMs ?? null) : null,
      originalName: input.fileName,
      hasThumbnail: probed.thumbnail !== null,
      createdAt: this.deps.clock.now().toISOString(),
      file: join(MEDIA_DIR, `${id}.${type.ext}`),
      thumbFile: probed.thumbnail ? join(THUMBS_DIR, `${id}.jpg`) : null,
    };
    if (type.mime !== input.mime)
      this.deps.logger.info({ declared: input.mime, sniffed: type.mime }, 'media type sniffed');
    return publicRecord(await this.store(stored, bytes, probed.thumbnail));
  }

  async listForPost(postId: string): Promise<PostMediaItem[]> {
    await this.deps.posts.get(postId);
    return this.repository.listForPost(postId);
  }

  /** Attaches after the post's other media. */
  async attach(input: { postId: string; mediaId: string; altText?: string }): Promise<PostMediaItem[]> {
    await this.deps.posts.get(input.postId);
    return this.deps.database.transaction(async (tx) => {
      if (!(await this.repository.find(input.mediaId, tx))) {
        throw new ContractError('NOT_FOUND', 'That file is not stored any more; add it again');
      }
      if ((await this.repository.attachedIds(input.postId, tx)).includes(input.mediaId)) {
        throw new ContractError('CONFLICT', 'This file is already attached to this post');
      }
      await this.repository.attach(input.postId, input.mediaId, input.altText ?? '', tx);
      return this.repository.listForPost(input.postId, tx);
    });
  }

  /** Takes media off a post. The file stays (other posts may use it) until purgeUnused. */
  async detach(input: { postId: string; mediaId: string }): Promise<PostMediaItem[]> {
    return this.deps.database.transaction(async (tx) => {
      if (!(await this.repository.detach(input.postId, input.mediaId, tx))) throw notAttached();
      return this.repository.listForPost(input.postId, tx);
    });
  }

  async reorder(input: { postId: string; mediaIds: string[] }): Promise<PostMediaItem[]> {
    return this.deps.database.transaction(async (tx) => {
      const attached = await this.repository.attachedIds(input.postId, tx);
      const same =
        input.mediaIds.length === attached.length &&
        new Set(input.mediaIds).size === attached.length &&
        input.mediaIds.every((id) => attached.includes(id));
      if (!same) {
        throw new ContractError('VALIDATION_FAILED', "The new order must list each of the post's files exactly once", {
          issues: [{ path: ['mediaIds'], message: 'List every attached file once' }],
        });
      }
      await this.repository.renumber(input.postId, input.mediaIds, tx);
      return this.repository.listForPost(input.postId, tx);
    });
  }

  async setAltText(input: { postId: string; mediaId: string; altText: string }): Promise<PostMediaItem[]> {
    return this.deps.database.transaction(async (tx) => {
      if (!(await this.repository.setAltText(input.postId, input.mediaId, input.altText, tx))) throw notAttached();
      return this.repository.listForPost(input.postId, tx);
    });
  }

  /** The JPEG thumbnail as base64; paths never leave main. */
  async thumbnail(mediaId: string): Promise<{ mime: string; base64: string }> {
    const media = await this.repository.find(mediaId);
    if (!media) throw new ContractError('NOT_FOUND', 'That file is not stored any more');
    if (!media.thumbFile) throw new ContractError('NOT_FOUND', 'This file has no thumbnail');
    const bytes = await this.files.read(media.thumbFile).catch(() => {
      throw new ContractError('NOT_FOUND', 'The thumbnail is missing from the data folder');
    });
    return { mime: 'image/jpeg', base64: bytes.toString('base64') };
  }

  /** Each of the post's platforms' media rules against its attachments. */
  async checkPost(postId: string): Promise<MediaCheck> {
    const post = await this.deps.posts.get(postId);
    const items = await this.repository.listForPost(postId);
    const findings = checkPostMedia(
      post.platforms,
      items.map((item) => item.media),
      this.rules,
    );
    return { postId, platforms: post.platforms, findings };
  }

  /** Removes files no post links to (a trashed post still holds its media, so undo keeps it). */
  async purgeUnused(): Promise<{ removed: number; bytesFreed: number }> {
    let removed = 0;
    let bytesFreed = 0;
    for (const media of await this.repository.unused()) {
      // Re-checked inside the transaction: a post may have linked it since the list was read.
      const deleted = await this.deps.database.transaction((tx) => this.repository.deleteIfUnused(media.id, tx));
      if (!deleted) continue;
      await this.files.remove(media.file);
      if (media.thumbFile) await this.files.remove(media.thumbFile);
      removed += 1;
      bytesFreed += media.bytes;
    }
    return { removed, bytesFreed };
  }

  /** A video's frame from the renderer, checked to be an image and made into the standard thumbnail. */
  private async videoFrame(input: AddMediaFileInput): Promise<Buffer | null> {
    if (!input.thumbnailBase64) return null;
    const frame = Buffer.from(input.thumbnailBase64, 'base64');
    const type = sniffMediaType(frame);
    if (!isSupported(type) || type.kind !== 'image') {
      throw new ContractError('VALIDATION_FAILED', 'The video thumbnail must be a JPEG, PNG or WebP image');
    }
    return (await probeImage(frame, 'video thumbnail')).thumbnail;
  }

  private async store(stored: StoredMedia, bytes: Buffer, thumbnail: Buffer | null): Promise<StoredMedia> {
    try {
      await this.files.writeAtomic(stored.file, bytes);
      if (stored.thumbFile && thumbnail) await this.files.writeAtomic(stored.thumbFile, thumbnail);
      await this.repository.insert(stored);
      return stored;
    } catch (error) {
      // The same file added at the same moment: the other add's row stands, and so do its files.
      const winner = await this.repository.find(stored.id);
      if (winner) return winner;
      await this.files.remove(stored.file);
      if (stored.thumbFile) await this.files.remove(stored.thumbFile);
      throw error;
    }
  }
}

function notAttached(): ContractError {
  return new ContractError('NOT_FOUND', 'That file is not attached to this post');
}
