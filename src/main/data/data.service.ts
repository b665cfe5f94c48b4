import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError } from '../../shared/contract/errors';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  type ImportResult,
  MEDIA_NOTE,
} from '../../shared/contract/data';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase, Tx } from '../db/database';
import type { ClockPort } from '../platform/clock/types';
import type { PostsRepository } from '../posts/posts.repository';
import type { ProfileRepository } from '../profile/profile.repository';
import { danglingReferences, exportCreatorTables, wipeCreatorTables } from './creator-tables';
import { importCreatorTables } from './creator-tables.import';
import { danglingStudioReferences, exportStudioTables, wipeStudioTables } from './studio-tables';
import { importStudioTables } from './studio-tables.import';

/**
 * Export everything the creator owns as one JSON document, and import it back with ids kept.
 * Secrets are never part of an export: they live only in the secrets port.
 */
export class DataService {
  constructor(
    private readonly database: AppDatabase,
    private readonly posts: PostsRepository,
    private readonly profile: ProfileRepository,
    private readonly clock: ClockPort,
    private readonly events: EventBus,
    private readonly appVersion: string,
    private readonly backupDir: string,
  ) {}

  async exportAll(): Promise<ExportDocument> {
    return this.database.db.transaction().execute(async (tx) => {
      const { posts, revisions } = await this.posts.all(tx);
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: this.clock.now().toISOString(),
        appVersion: this.appVersion,
        profile: await this.profile.get(tx),
        posts,
        revisions,
        ...(await exportCreatorTables(tx)),
        ...(await exportStudioTables(tx)),
        mediaNote: MEDIA_NOTE,
      };
    });
  }

  /**
   * replace: the database becomes exactly the document. merge: posts missing here are added,
   * posts with a higher version in the document replace ours, others stay; revisions are added
   * unless already present. Either way the database is copied aside first and the import is one
   * transaction.
   */
  async importAll(document: ExportDocument, mode: 'merge' | 'replace'): Promise<ImportResult> {
    assertRevisionsHavePosts(document);
    assertLinksResolve(document);
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    this.database.backupTo(freeBackupPath(this.backupDir, `before-import-${stamp}`));
    const jobId = `import-${stamp}`;
    const total = document.posts.length + document.revisions.length;
    this.events.emit('job:progress', { jobId, phase: 'importing', done: 0, total, cancellable: false });

    const result = await this.database.transaction(async (tx, onCommit) => {
      const counts: ImportResult = {
        mode,
        profileImported: false,
        postsAdded: 0,
        postsUpdated: 0,
        postsSkipped: 0,
        revisionsAdded: 0,
        rowsAdded: {},
      };
      if (mode === 'replace') {
        await wipeStudioTables(tx);
        await wipeCreatorTables(tx);
        await this.posts.deleteAll(tx);
        await this.profile.delete(tx);
      }
      if (document.profile && (mode === 'replace' || !(await this.profile.get(tx)))) {
        await this.profile.save(document.profile, this.clock.now().toISOString(), tx);
        counts.profileImported = true;
      }
      for (const post of document.posts) {
        const local = await this.posts.findById(post.id, tx);
        if (!local) {
          await this.posts.insert(post, tx);
          counts.postsAdded++;
        } else if (post.version > local.version) {
          await this.posts.update(post, tx);
          counts.postsUpdated++;
        } else {
          counts.postsSkipped++;
        }
      }
      counts.revisionsAdded = await this.importRevisions(document, tx);
      counts.rowsAdded = { ...(await importCreatorTables(tx, document)), ...(await importStudioTables(tx, document)) };
      onCommit(() => {
        this.events.emit('posts:changed', { ids: document.posts.map((p) => p.id), reason: 'imported' });
        this.events.emit('profile:changed', {});
        this.events.emit('analytics:changed', { reason: 'data-import' });
        this.events.emit('coach:changed', { reason: 'data-import' });
        for (const job of document.bulkJobs) this.events.emit('bulk:changed', { jobId: job.id });
      });
      return counts;
    });
    this.events.emit('job:progress', { jobId, phase: 'done', done: total, total, cancellable: false });
    return result;
  }

  /** Keeps revision ids where they are free; a revision already here (same post, version, time) is not doubled. */
  private async importRevisions(document: ExportDocument, tx: Tx): Promise<number> {
    let added = 0;
    for (const revision of document.revisions) {
      const duplicate = await tx
        .selectFrom('post_revisions')
        .select('id')
        .where('post_id', '=', revision.postId)
        .where('version', '=', revision.version)
        .where('created_at', '=', revision.createdAt)
        .executeTakeFirst();
      if (duplicate) continue;
      const idTaken = await tx
        .selectFrom('post_revisions')
        .select('id')
        .where('id', '=', revision.id)
        .executeTakeFirst();
      await this.posts.insertRevision(idTaken ? { ...revision, id: undefined } : revision, tx);
      added++;
    }
    return added;
  }
}

/** A backup file name not used yet (two imports within one millisecond must not collide). */
function freeBackupPath(dir: string, base: string): string {
  let path = join(dir, `${base}.db`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${base}-${n}.db`);
  return path;
}

/** Publications, snapshots, A/B pairs, revenue, origins, post media and bulk items must link to rows in the file. */
function assertLinksResolve(document: ExportDocument): void {
  const postIds = new Set(document.posts.map((post) => post.id));
  const problems = [...danglingReferences(document, postIds), ...danglingStudioReferences(document, postIds)];
  if (problems.length === 0) return;
  const message = `This file is damaged: ${problems.join('; ')}; nothing was imported`;
  throw new ContractError('VALIDATION_FAILED', message, { issues: [{ path: ['document'], message }] });
}

/** An export always carries the posts its revisions belong to; a file that does not is damaged. */
function assertRevisionsHavePosts(document: ExportDocument): void {
  const ids = new Set(document.posts.map((post) => post.id));
  const orphans = document.revisions.filter((revision) => !ids.has(revision.postId));
  if (orphans.length === 0) return;
  const message = `This file is damaged: ${orphans.length} revision(s) belong to posts it does not contain; nothing was imported`;
  throw new ContractError('VALIDATION_FAILED', message, {
    issues: [{ path: ['document', 'revisions'], message }],
    postIds: [...new Set(orphans.map((revision) => revision.postId))].slice(0, 20),
  });
}
