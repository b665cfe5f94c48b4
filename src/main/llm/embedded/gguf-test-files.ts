import { readFile, writeFile } from 'node:fs/promises';
import { readGgufFileInfo } from 'node-llama-cpp';

/**
 * Test fixtures made from a real GGUF. stories260K has no chat template, so the chat path is
 * tested on a copy with one added: the new key goes at the end of the metadata, and the tensor
 * data is re-aligned, since its offsets are relative to the (aligned) start of the data section.
 */
export async function writeWithChatTemplate(source: string, target: string, template: string): Promise<void> {
  const info = await readGgufFileInfo(source, { readTensorInfo: true });
  const first = info.tensorInfo?.[0];
  if (!first || info.tensorInfoSize === undefined) throw new Error(`${source} has no tensor info`);
  const bytes = await readFile(source);
  // node-llama-cpp's metadataSize counts from the start of the file (header included).
  const metadataEnd = info.metadataSize;
  const tensorInfoEnd = metadataEnd + info.tensorInfoSize;
  const dataStart = Number(first.fileOffset) - Number(first.offset);
  const alignment = Number(info.metadata.general.alignment ?? 32);
  if (dataStart !== Math.ceil(tensorInfoEnd / alignment) * alignment) {
    throw new Error(
      `Unexpected GGUF layout in ${source}: tensor data at ${dataStart}, header ends at ${tensorInfoEnd}`,
    );
  }

  const header = Buffer.from(bytes.subarray(0, 24));
  header.writeBigUInt64LE(header.readBigUInt64LE(16) + 1n, 16); // one more key-value pair
  const prefix = Buffer.concat([
    header,
    bytes.subarray(24, metadataEnd),
    stringKeyValue('tokenizer.chat_template', template),
    bytes.subarray(metadataEnd, tensorInfoEnd),
  ]);
  const padding = Buffer.alloc((alignment - (prefix.length % alignment)) % alignment);
  await writeFile(target, Buffer.concat([prefix, padding, bytes.subarray(dataStart)]));
}

/** A GGUF cut short, as an interrupted copy would leave it. */
export async function writeTruncated(source: string, target: string, keepBytes: number): Promise<void> {
  await writeFile(target, (await readFile(source)).subarray(0, keepBytes));
}

/** GGUF key-value pair of type string (8): u64 length + key, u32 type, u64 length + value. */
function stringKeyValue(key: string, value: string): Buffer {
  const ggufString = (text: string): Buffer => {
    const utf8 = Buffer.from(text, 'utf8');
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(utf8.length));
    return Buffer.concat([length, utf8]);
  };
  const type = Buffer.alloc(4);
  type.writeUInt32LE(8);
  return Buffer.concat([ggufString(key), type, ggufString(value)]);
}

/** A ChatML template, the most common one in published GGUFs. */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
