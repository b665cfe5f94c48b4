import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../shared/contract/errors';
import {
  CHECKSUM_MISMATCH,
  checkDownloadForm,
  downloadErrorMessage,
  fileNameFromUrl,
  successMessage,
} from './embedded-download';

const SHA = 'AB'.repeat(32);

describe('embedded model download', () => {
  it('suggests the file name from a URL ending in .gguf', () => {
    expect(
      fileNameFromUrl('https://huggingface.co/x/y/resolve/main/Llama-3.2-3B-Instruct-Q4_K_M.gguf?download=true'),
    ).toBe('Llama-3.2-3B-Instruct-Q4_K_M.gguf');
    expect(fileNameFromUrl(' http://host/models/tiny.GGUF ')).toBe('tiny.GGUF');
    expect(fileNameFromUrl('https://host/models/readme.md')).toBeNull();
    expect(fileNameFromUrl('https://host/')).toBeNull();
    expect(fileNameFromUrl('https://host/a%20b.gguf')).toBeNull();
    expect(fileNameFromUrl('not a url')).toBeNull();
  });

  it('checks the form and sends a trimmed, lower-case checksum or null', () => {
    expect(checkDownloadForm({ url: ' https://h/m.gguf ', fileName: 'm.gguf ', sha256: ` ${SHA} ` })).toEqual({
      ok: true,
      url: 'https://h/m.gguf',
      fileName: 'm.gguf',
      sha256: SHA.toLowerCase(),
    });
    expect(checkDownloadForm({ url: 'https://h/m.gguf', fileName: 'm.gguf', sha256: '' })).toMatchObject({
      sha256: null,
    });
  });

  it('names each bad field', () => {
    const result = checkDownloadForm({ url: 'ftp://h/m.gguf', fileName: '../m.bin', sha256: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['fileName', 'sha256', 'url']);
    expect(checkDownloadForm({ url: '', fileName: '', sha256: '' })).toMatchObject({
      ok: false,
      errors: { url: expect.stringMatching(/Paste/), fileName: expect.stringMatching(/\.gguf/) },
    });
  });

  it('puts failures in plain words', () => {
    expect(downloadErrorMessage(new ContractError('CONFLICT', 'x', { kind: 'checksum', status: null }))).toBe(
      CHECKSUM_MISMATCH,
    );
    expect(downloadErrorMessage(new ContractError('NOT_FOUND', 'x', { kind: 'not_found', status: 404 }))).toMatch(
      /404/,
    );
    expect(downloadErrorMessage(new ContractError('UNAVAILABLE', 'The connection dropped', { kind: 'network' }))).toBe(
      'The download stopped: The connection dropped. Download again to resume.',
    );
    expect(downloadErrorMessage(new ContractError('UNAVAILABLE', 'x', { kind: 'disk_full' }))).toMatch(/disk space/);
    expect(downloadErrorMessage(new Error('boom'))).toBe('The download failed: boom');
  });

  it('says what was downloaded, whether it resumed and whether it was verified', () => {
    const result = { fileName: 'm.gguf', sizeBytes: 2 * 1024 ** 3, resumedFromBytes: 0 };
    expect(successMessage(result, true)).toBe('Downloaded m.gguf (2.0 GB). Its SHA-256 matches.');
    expect(successMessage({ ...result, resumedFromBytes: 512 * 1024 ** 2 }, false)).toBe(
      'Downloaded m.gguf (2.0 GB), resumed from 512 MB. No SHA-256 was given, so the file was not verified.',
    );
  });
});
