import { open, stat } from 'node:fs/promises';
import { ContractError } from '../../../shared/contract/errors';

/** whisper.cpp's file magic 0x67676d6c ("ggml"), stored little-endian: the bytes "lmgg". */
const GGML_MAGIC = 0x67676d6c;
/** Smaller than any real model (whisper.cpp's weightless test model is 575 KB, Silero VAD 885 KB). */
const MIN_BYTES = 64 * 1024;

export interface ModelFileExpectation {
  /** "The Whisper model base.en" / "The voice activity model" — the start of every message. */
  what: string;
  /** How to get a good copy, e.g. "Download it again in Settings → Voice." */
  remedy: string;
  /** The catalog size, when known: a shorter file is an interrupted copy. */
  bytes?: number;
}

/**
 * Checks a model file before handing it to whisper.cpp, whose own failure for a bad file is a
 * bare "failed to load model" (or worse, a crash): missing, truncated and not-ggml files each
 * get a message that names the file and says what to do.
 */
export async function checkModelFile(path: string, expect: ModelFileExpectation): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) {
    throw new ContractError('NOT_FOUND', `${expect.what} is missing: ${path} does not exist. ${expect.remedy}`);
  }
  if (info.size < MIN_BYTES || (expect.bytes !== undefined && info.size !== expect.bytes)) {
    const wanted = expect.bytes === undefined ? '' : ` (it should be ${expect.bytes} bytes)`;
    throw new ContractError(
      'UNAVAILABLE',
      `${expect.what} is damaged: ${path} is ${info.size} bytes${wanted}, so the copy is incomplete. ${expect.remedy}`,
    );
  }
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head.readUInt32LE(0) !== GGML_MAGIC) {
      throw new ContractError(
        'UNAVAILABLE',
        `${expect.what} is damaged: ${path} is not a whisper.cpp (ggml) model file — it starts with ` +
          `${head.toString('hex')} instead of the ggml signature. ${expect.remedy}`,
      );
    }
  } finally {
    await handle.close();
  }
}
