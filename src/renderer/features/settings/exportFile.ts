import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportDocumentSchema,
  type ExportDocument,
} from '../../../shared/contract/data';

export type ParsedExport = { ok: true; document: ExportDocument } | { ok: false; message: string };

/** cadence-export-2026-11-25.json, dated by the local calendar day. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `cadence-export-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Reads a file's text as a Cadence export, with a message a person can act on when it is not one. */
export function parseExportFile(text: string): ParsedExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a Cadence export: it is not valid JSON.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, message: 'This file is not a Cadence export: it does not contain an export object.' };
  }
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== EXPORT_FORMAT) {
    return { ok: false, message: 'This file is not a Cadence export (it has no "cadence-export" format marker).' };
  }
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    return {
      ok: false,
      message: `This export was made by a newer version of Cadence (format ${version}); update Cadence to import it.`,
    };
  }
  const parsed = exportDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, message: `This Cadence export is damaged${where}: ${issue?.message ?? 'unknown problem'}.` };
  }
  return { ok: true, document: parsed.data };
}

/** "12 posts, 40 revisions and the profile". */
export function describeExport(document: ExportDocument): string {
  const parts = [
    `${document.posts.length} post${document.posts.length === 1 ? '' : 's'}`,
    `${document.revisions.length} revision${document.revisions.length === 1 ? '' : 's'}`,
  ];
  return document.profile ? `${parts.join(', ')} and the profile` : parts.join(' and ');
}
