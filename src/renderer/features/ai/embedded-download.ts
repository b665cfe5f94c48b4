/** Pure pieces of the embedded-engine download form: suggested names, checks, outcome wording. */
import { formatBytes } from '../../ui/format';
import { isContractError } from '../../ui/errors';

export interface EmbeddedDownloadForm {
  url: string;
  fileName: string;
  sha256: string;
}

export type EmbeddedDownloadField = keyof EmbeddedDownloadForm;
export type EmbeddedDownloadErrors = Partial<Record<EmbeddedDownloadField, string>>;

const FILE_NAME = /^[\w.-]+\.gguf$/i;
const SHA256 = /^[0-9a-f]{64}$/i;

export const CHECKSUM_MISMATCH = "The file's SHA-256 does not match: it was deleted. Check the checksum or the URL.";
export const PAUSED = 'Paused — download again to resume';

/** The URL's last path segment when it names a .gguf file ("…/model-Q4_K_M.gguf?download=true"), else null. */
export function fileNameFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  const last = parsed.pathname.split('/').filter(Boolean).at(-1);
  if (!last) return null;
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    return null;
  }
  return FILE_NAME.test(name) ? name : null;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The request to send, or an error per field. The server checks again. */
export function checkDownloadForm(
  form: EmbeddedDownloadForm,
): { ok: true; url: string; fileName: string; sha256: string | null } | { ok: false; errors: EmbeddedDownloadErrors } {
  const url = form.url.trim();
  const fileName = form.fileName.trim();
  const sha256 = form.sha256.trim().toLowerCase();
  const errors: EmbeddedDownloadErrors = {};
  if (!url) errors.url = 'Paste the address of a .gguf file';
  else if (!isHttpUrl(url)) errors.url = 'Give an http(s) address of a .gguf file';
  if (!fileName) errors.fileName = 'Name the file, ending in .gguf';
  else if (!FILE_NAME.test(fileName)) {
    errors.fileName = 'A plain file name ending in .gguf, like Llama-3.2-3B-Instruct-Q4_K_M.gguf';
  }
  if (sha256 && !SHA256.test(sha256)) errors.sha256 = 'A SHA-256 is 64 hexadecimal characters';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, url, fileName, sha256: sha256 || null };
}

/** A failed download in plain words. */
export function downloadErrorMessage(error: unknown): string {
  if (isContractError(error, 'CONFLICT')) {
    const kind = (error.details as { kind?: unknown } | null | undefined)?.kind;
    if (kind === 'checksum') return CHECKSUM_MISMATCH;
  }
  if (isContractError(error, 'NOT_FOUND')) {
    return 'Nothing was found at that address (404). Check the URL.';
  }
  if (isContractError(error, 'UNAVAILABLE')) {
    const kind = (error.details as { kind?: unknown } | null | undefined)?.kind;
    if (kind === 'disk_full')
      return 'There is not enough disk space for this file. Free some space and download again to resume.';
    return `The download stopped: ${error.message}. Download again to resume.`;
  }
  if (isContractError(error, 'VALIDATION_FAILED')) return 'Check the fields above.';
  if (error instanceof Error && error.message) return `The download failed: ${error.message}`;
  return 'The download failed.';
}

/** "Downloaded model.gguf (2.0 GB), SHA-256 checked." with a word on a resume or a missing checksum. */
export function successMessage(
  result: { fileName: string; sizeBytes: number; resumedFromBytes: number },
  checked: boolean,
): string {
  const parts = [`Downloaded ${result.fileName} (${formatBytes(result.sizeBytes)})`];
  if (result.resumedFromBytes > 0) parts.push(`resumed from ${formatBytes(result.resumedFromBytes)}`);
  const sentence = `${parts.join(', ')}.`;
  return checked
    ? `${sentence} Its SHA-256 matches.`
    : `${sentence} No SHA-256 was given, so the file was not verified.`;
}
