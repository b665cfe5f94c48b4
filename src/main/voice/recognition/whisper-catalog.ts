import type { WhisperModelId } from '../../../shared/domain/voice';

export interface CatalogFile {
  fileName: string;
  bytes: number;
  sha256: string;
  url: string;
}

export interface WhisperCatalogEntry extends CatalogFile {
  id: WhisperModelId;
  label: string;
  multilingual: boolean;
}

/**
 * whisper.cpp's ggml conversions on Hugging Face. Sizes and sha256 are those of the files' Git LFS
 * pointers, pinned at a revision so a re-upload cannot change what a checksum was taken of.
 * Each value was matched in at least two independent public catalogs (see the stt report).
 */
const WHISPER_REVISION = '5359861c739e955e79d9a303bcbc70fb988958b1';
const WHISPER_BASE_URL = `https://huggingface.co/ggerganov/whisper.cpp/resolve/${WHISPER_REVISION}`;

const entry = (id: WhisperModelId, label: string, bytes: number, sha256: string): WhisperCatalogEntry => ({
  id,
  label,
  multilingual: !id.endsWith('.en'),
  fileName: `ggml-${id}.bin`,
  bytes,
  sha256,
  url: `${WHISPER_BASE_URL}/ggml-${id}.bin`,
});

export const WHISPER_CATALOG: readonly WhisperCatalogEntry[] = [
  entry(
    'tiny.en',
    'Tiny, English (fastest)',
    77_704_715,
    '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f',
  ),
  entry('tiny', 'Tiny, multilingual', 77_691_713, 'be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21'),
  entry(
    'base.en',
    'Base, English (recommended)',
    147_964_211,
    'a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002',
  ),
  entry('base', 'Base, multilingual', 147_951_465, '60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe'),
  entry(
    'small.en',
    'Small, English (most accurate, slower)',
    487_614_201,
    'c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d',
  ),
  entry(
    'small',
    'Small, multilingual (most accurate, slower)',
    487_601_967,
    '1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b',
  ),
];

/**
 * Silero VAD v6.2.0 converted by whisper.cpp (ggml-org/whisper-vad). About 1 MB: it downloads with
 * the first Whisper model rather than shipping in the installer, since a Whisper download is
 * needed anyway and a packaged copy would have to be refreshed with every VAD update.
 */
export const SILERO_VAD_FILE: CatalogFile = {
  fileName: 'ggml-silero-v6.2.0.bin',
  bytes: 885_098,
  sha256: '2aa269b785eeb53a82983a20501ddf7c1d9c48e33ab63a41391ac6c9f7fb6987',
  url: 'https://huggingface.co/ggml-org/whisper-vad/resolve/9ffd54a1e1ee413ddf265af9913beaf518d1639b/ggml-silero-v6.2.0.bin',
};

export function catalogEntry(id: WhisperModelId): WhisperCatalogEntry {
  const found = WHISPER_CATALOG.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No Whisper model "${id}" in the catalog`);
  return found;
}
