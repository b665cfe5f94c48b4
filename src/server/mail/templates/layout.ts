/** Escapes text for HTML bodies and attributes: mail and pages never interpolate raw input. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The plain, single-column HTML every Cadence email shares (a text part is always sent too). */
export function mailHtml(heading: string, paragraphs: string[], action: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; max-width: 560px; margin: 24px auto; color: #1d1d1f">
<h1 style="font-size: 20px">${escapeHtml(heading)}</h1>
${body}
<p><a href="${escapeHtml(action.url)}" style="display: inline-block; padding: 10px 16px; background: #4f46e5; color: #fff; border-radius: 6px; text-decoration: none">${escapeHtml(action.label)}</a></p>
<p style="color: #6e6e73; font-size: 13px">Or open this address: ${escapeHtml(action.url)}</p>
</body></html>`;
}
