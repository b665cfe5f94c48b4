/** Adds a draft to the post: as the body when it is empty, else after a blank line. */
export function insertDraft(body: string, draft: string): string {
  const text = draft.trim();
  if (!text) return body;
  const kept = body.replace(/\s+$/, '');
  return kept ? `${kept}\n\n${text}` : text;
}
