import type { Generated } from 'kysely';

/** What the creator started from: a topic, a link, pasted text, a voice transcript or a post. */
export interface IdeasTable {
  id: string;
  topic: string;
  /** 'topic' | 'link' | 'text' | 'transcript' | 'post' */
  source_kind: string;
  source_text: string;
  source_post_id: string | null;
  /** JSON array of platforms. */
  platforms: string;
  template_id: string | null;
  created_at: string;
}

/** Where a post came from (absent for posts written by hand). */
export interface PostOriginsTable {
  post_id: string;
  idea_id: string | null;
  /** 'A', 'B', ... when the post is one of several variants of an idea. */
  variant_label: string | null;
  template_id: string | null;
  bulk_item_id: number | null;
}

/** User templates and edited copies of bundled ones (resources/post-templates.json). */
export interface TemplatesTable {
  id: string;
  name: string;
  description: string;
  structure: string;
  /** JSON array of { name, label, example }. */
  variables: string;
  format: string;
  /** 1 hides a bundled template the user removed. */
  hidden: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** The creator's brand voice (id 1), learned from their posts and editable. */
export interface VoiceProfileTable {
  id: number;
  profile: string;
  learned_at: string | null;
  edited_at: string | null;
}

/** A media file copied into <data>/media/ and named by its SHA-256 (the id). */
export interface MediaTable {
  id: string;
  /** 'image' | 'video' */
  kind: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  /** Relative to the data folder. */
  file: string;
  thumb_file: string | null;
  original_name: string;
  created_at: string;
}

export interface PostMediaTable {
  post_id: string;
  media_id: string;
  position: number;
  alt_text: Generated<string>;
}

/** A bulk generation ("a month of posts ..."): its request and state. */
export interface BulkJobsTable {
  id: string;
  request: string;
  /** 'planned' | 'running' | 'paused' | 'cancelled' | 'done' | 'failed' */
  status: string;
  concurrency: number;
  created_at: string;
  updated_at: string;
}

/** One planned post of a bulk job; post_id is set in the same transaction that creates the post. */
export interface BulkItemsTable {
  id: Generated<number>;
  job_id: string;
  position: number;
  platform: string;
  topic: string;
  format: string;
  template_id: string | null;
  due_at: string;
  /** 'pending' | 'generating' | 'done' | 'failed' | 'cancelled' */
  status: string;
  attempts: Generated<number>;
  post_id: string | null;
  error: string | null;
  /** The engine's own generation time for this item (for the overhead benchmark). */
  generation_ms: number | null;
  started_at: string | null;
  finished_at: string | null;
}

/** A post's embedding for semantic search (Float32 little-endian), redone when its text changes. */
export interface PostEmbeddingsTable {
  post_id: string;
  model: string;
  content_hash: string;
  dims: number;
  vector: Buffer;
  updated_at: string;
}

/** Hashtag trend data from any source the creator adds; recommendations use it when present. */
export interface HashtagTrendsTable {
  tag: string;
  platform: string;
  score: number;
  source: string;
  observed_at: string;
}
