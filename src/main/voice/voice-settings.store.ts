import type { Kysely } from 'kysely';
import type { VoiceSettingsUpdate } from '../../shared/contract/voice';
import { DEFAULT_VOICE_SETTINGS, type VoiceSettings, voiceSettingsSchema } from '../../shared/domain/voice';
import type { Database } from '../db/schema';
import type { Logger } from '../platform/logger/logger';

export const VOICE_SETTINGS_KEY = 'voice.settings';

/**
 * Voice settings in the shared `settings` table, merged over the defaults. Kept in memory after
 * the first read: the recognizer asks for them on every utterance, so a change made through
 * update() is seen by the next utterance without a reload.
 */
export class VoiceSettingsStore {
  private cached: VoiceSettings | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  /** The settings as last loaded or saved (defaults before load()). */
  current(): VoiceSettings {
    return this.cached ?? DEFAULT_VOICE_SETTINGS;
  }

  async load(): Promise<VoiceSettings> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', VOICE_SETTINGS_KEY)
      .executeTakeFirst();
    this.cached = row ? this.parse(row.value) : DEFAULT_VOICE_SETTINGS;
    return this.cached;
  }

  async update(patch: VoiceSettingsUpdate): Promise<VoiceSettings> {
    const base = await this.load();
    const next = voiceSettingsSchema.parse({ ...base, ...patch });
    const value = JSON.stringify(next);
    const updatedAt = this.now().toISOString();
    await this.db
      .insertInto('settings')
      .values({ key: VOICE_SETTINGS_KEY, value, updated_at: updatedAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
      .execute();
    this.cached = next;
    return next;
  }

  /** A stored value from an older or broken version falls back field by field to the defaults. */
  private parse(raw: string): VoiceSettings {
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch {
      stored = null;
    }
    const whole = voiceSettingsSchema.safeParse(stored);
    if (whole.success) return whole.data;
    const merged: Record<string, unknown> = { ...DEFAULT_VOICE_SETTINGS };
    if (stored && typeof stored === 'object') {
      for (const [key, value] of Object.entries(stored)) {
        if (!(key in DEFAULT_VOICE_SETTINGS)) continue;
        const field = voiceSettingsSchema.shape[key as keyof VoiceSettings].safeParse(value);
        if (field.success) merged[key] = field.data;
      }
    }
    this.logger.warn(
      { key: VOICE_SETTINGS_KEY },
      'stored voice settings were not all valid; defaults used for the rest',
    );
    return voiceSettingsSchema.parse(merged);
  }
}
