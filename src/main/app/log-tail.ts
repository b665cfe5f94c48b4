import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The last `lines` lines of a text file, reading only its end (logs can be large). */
export function readLogTail(path: string, lines: number, maxBytes = 256 * 1024): string[] {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    const all = text.split('\n').filter((line) => line.length > 0);
    if (length < size) all.shift();
    return all.slice(-lines);
  } finally {
    closeSync(fd);
  }
}
