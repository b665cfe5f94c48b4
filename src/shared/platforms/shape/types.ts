/** What shaping may be told beyond the text. */
export interface ShapeOptions {
  /** Replaces the primary field's limit: a Mastodon server's max_characters, an X Premium account. */
  limit?: number;
  /** Number thread parts "1/n" (only when there are two or more). Default: on for X, off elsewhere. */
  numbered?: boolean;
  /** Hashtags to add (with or without `#`); ones already in the text are not repeated. */
  hashtags?: readonly string[];
  /** YouTube: the video title; taken from the text's first line when absent. */
  title?: string;
}

/** A text shaped for one platform. */
export interface ShapeResult {
  /** The body to store: thread parts joined by `---` lines (see ../thread.ts), else the one post. */
  text: string;
  /** The posts as they will go out, in order (one for single-post platforms; none for empty text). */
  parts: string[];
  /** YouTube: the video title. */
  title?: string;
  /** YouTube: the video's tags (from the hashtags), without `#`. */
  tags?: string[];
  /** What shaping had to change or could not fix, in plain sentences. */
  warnings: string[];
}
