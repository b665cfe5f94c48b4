/** One voice command in the history; JSON columns hold the shapes of src/shared/domain/voice.ts. */
export interface VoiceCommandsTable {
  id: string;
  seq: number;
  created_at: string;
  source: string;
  language: string;
  transcript: string;
  intents: string;
  understood_by: string | null;
  status: string;
  reply: string;
  suggestions: string;
  result: string;
  timings: string;
  corrected_to: string | null;
  /** JSON `{ step, expiresAt }` while the command waits for a yes or no; null otherwise. */
  pending: string | null;
}

/** A phrase (normalised, unique per language) mapped to one intent or a macro. */
export interface VoiceCustomCommandsTable {
  id: string;
  phrase: string;
  language: string;
  intents: string;
  origin: string;
  created_at: string;
}
