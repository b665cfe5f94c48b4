import { z } from 'zod';
import type { OwnApp } from '../../shared/domain/accounts';
import { CONFIDENTIAL_PLATFORMS, type ConfidentialPlatform } from '../../shared/sync-api/oauth';
import type { SecretsPort } from '../platform/secrets/types';
import type { AppCredentials } from './token-exchange/confidential-exchange';

const storedAppSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), savedAt: z.string() });

/**
 * The creator's own platform apps (client id + secret), one per confidential platform, kept whole in
 * the secrets port (`own-app:<platform>`): the secret never reaches SQLite, logs or exports, and
 * `list` hands out client ids only.
 */
export class OwnAppStore {
  constructor(private readonly secrets: SecretsPort) {}

  async list(): Promise<OwnApp[]> {
    const apps: OwnApp[] = [];
    for (const platform of CONFIDENTIAL_PLATFORMS) {
      const app = await this.read(platform);
      if (app) apps.push({ platform, clientId: app.clientId, savedAt: app.savedAt });
    }
    return apps;
  }

  /** The credentials for a token call, or null when the creator has no app for the platform. */
  async credentials(platform: ConfidentialPlatform): Promise<AppCredentials | null> {
    const app = await this.read(platform);
    return app ? { clientId: app.clientId, clientSecret: app.clientSecret } : null;
  }

  async save(platform: ConfidentialPlatform, app: AppCredentials, now: Date): Promise<OwnApp> {
    const savedAt = now.toISOString();
    await this.secrets.set(key(platform), JSON.stringify({ ...app, savedAt }));
    return { platform, clientId: app.clientId, savedAt };
  }

  async remove(platform: ConfidentialPlatform): Promise<boolean> {
    return this.secrets.delete(key(platform));
  }

  private async read(platform: ConfidentialPlatform): Promise<z.infer<typeof storedAppSchema> | null> {
    const raw = await this.secrets.get(key(platform));
    if (raw === null) return null;
    try {
      const parsed = storedAppSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

const key = (platform: ConfidentialPlatform) => `own-app:${platform}`;
