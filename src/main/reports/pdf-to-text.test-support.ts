import { execFileSync } from 'node:child_process';

/** The text of a PDF as poppler's pdftotext reads it (installed locally and in CI). */
export function pdfToText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
}
