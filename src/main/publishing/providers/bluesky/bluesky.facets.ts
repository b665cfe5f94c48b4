import { RichText } from '@atproto/api';

/** A `app.bsky.richtext.facet`: a UTF-8 byte range of the text and what it is. */
export interface BlueskyFacet {
  index: { byteStart: number; byteEnd: number };
  features: FacetFeature[];
}

export type FacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };

/** A facet found in the text before mentions are resolved: a mention still carries its handle. */
export type FacetDraft =
  | { kind: 'link'; byteStart: number; byteEnd: number; uri: string }
  | { kind: 'mention'; byteStart: number; byteEnd: number; handle: string }
  | { kind: 'tag'; byteStart: number; byteEnd: number; tag: string };

/**
 * Links, @mentions and #tags in `text` with UTF-8 byte offsets (what the lexicon wants; not
 * UTF-16 indices, not graphemes). Pure: detection is `RichText.detectFacetsWithoutResolution`
 * from @atproto/api, the same rules the Bluesky app uses (bare domains become https:// links,
 * trailing punctuation is left out, tags need a space or the start before `#`).
 */
export function detectFacetDrafts(text: string): FacetDraft[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  const drafts: FacetDraft[] = [];
  for (const facet of rich.facets ?? []) {
    const { byteStart, byteEnd } = facet.index;
    for (const feature of facet.features) {
      const record = feature as { $type?: string; uri?: unknown; did?: unknown; tag?: unknown };
      if (record.$type === 'app.bsky.richtext.facet#link' && typeof record.uri === 'string') {
        drafts.push({ kind: 'link', byteStart, byteEnd, uri: record.uri });
      } else if (record.$type === 'app.bsky.richtext.facet#mention' && typeof record.did === 'string') {
        // Without resolution RichText leaves the handle where the DID goes.
        drafts.push({ kind: 'mention', byteStart, byteEnd, handle: record.did });
      } else if (record.$type === 'app.bsky.richtext.facet#tag' && typeof record.tag === 'string') {
        drafts.push({ kind: 'tag', byteStart, byteEnd, tag: record.tag });
      }
    }
  }
  return drafts;
}

/**
 * The record's facets: mentions whose handle resolved (handle → DID in `dids`) and every link
 * and tag. An unresolved mention stays plain text, as in the Bluesky app.
 */
export function buildFacets(drafts: FacetDraft[], dids: ReadonlyMap<string, string>): BlueskyFacet[] {
  const facets: BlueskyFacet[] = [];
  for (const draft of drafts) {
    const index = { byteStart: draft.byteStart, byteEnd: draft.byteEnd };
    if (draft.kind === 'link') {
      facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: draft.uri }] });
    } else if (draft.kind === 'tag') {
      facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: draft.tag }] });
    } else {
      const did = dids.get(draft.handle.toLowerCase());
      if (did) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
    }
  }
  return facets;
}

/** The handles mentioned (lower-cased, unique), to resolve before `buildFacets`. */
export function mentionedHandles(drafts: FacetDraft[]): string[] {
  return [...new Set(drafts.flatMap((d) => (d.kind === 'mention' ? [d.handle.toLowerCase()] : [])))];
}

/** The text a facet covers, read back by its byte range (tests and checks). */
export function facetText(text: string, index: { byteStart: number; byteEnd: number }): string {
  return Buffer.from(text, 'utf8').subarray(index.byteStart, index.byteEnd).toString('utf8');
}
