import type { AppInfo, Diagnostics } from '../../shared/contract/app';
import type { AppDatabase } from '../db/database';
import { listAppliedMigrations } from '../db/migrate';
import type { PostsRepository } from '../posts/posts.repository';
import type { ProfileRepository } from '../profile/profile.repository';
import { readLogTail } from './log-tail';

export interface AppIdentity {
  name: string;
  version: string;
  mode: 'desktop' | 'browser';
  dataDir: string;
  logFile: string;
  versions: Record<string, string>;
}

/** What the app is and how it is doing: the Diagnostics page and first-launch routing. */
export class AppService {
  constructor(
    private readonly identity: AppIdentity,
    private readonly database: AppDatabase,
    private readonly profile: ProfileRepository,
    private readonly posts: PostsRepository,
  ) {}

  async info(): Promise<AppInfo> {
    const { name, version, mode, dataDir } = this.identity;
    return { name, version, mode, dataDir, onboarded: (await this.profile.get()) !== null };
  }

  async diagnostics(logLines: number): Promise<Diagnostics> {
    const sqlite = this.database.raw.prepare('select sqlite_version() as v').get() as { v: string };
    return {
      versions: {
        cadence: this.identity.version,
        node: process.versions.node,
        sqlite: sqlite.v,
        ...this.identity.versions,
      },
      dataDir: this.identity.dataDir,
      databasePath: this.database.path,
      databaseBytes: this.database.sizeBytes(),
      migrationsApplied: listAppliedMigrations(this.database),
      postCount: await this.posts.count(),
      logFile: this.identity.logFile,
      logTail: readLogTail(this.identity.logFile, logLines),
    };
  }
}
