import { bytesToBase64, dataUrlPayload } from '../base64';
import type { NewMediaFile } from './tool-queries';

/** Where in a video the thumbnail frame is taken: 1 s in, or the middle of a shorter clip. */
export function frameTime(durationSeconds: number): number {
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) return 0;
  return Math.min(1, durationSeconds / 2);
}

/** Width and height scaled to fit `max` on the long side (thumbnails stay small). */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

const once = (target: EventTarget, ok: string) =>
  new Promise<void>((resolve, reject) => {
    const done = () => {
      target.removeEventListener(ok, done);
      target.removeEventListener('error', fail);
      resolve();
    };
    const fail = () => {
      target.removeEventListener(ok, done);
      target.removeEventListener('error', fail);
      reject(new Error('This video cannot be read by the browser'));
    };
    target.addEventListener(ok, done);
    target.addEventListener('error', fail);
  });

/** A frame of the video as a JPEG, with its length and size (the main process cannot decode video). */
async function videoDetails(
  file: File,
): Promise<Pick<NewMediaFile, 'thumbnailBase64' | 'durationMs' | 'width' | 'height'>> {
  const url = URL.createObjectURL(file);
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    video.src = url;
    await once(video, 'loadeddata');
    const seek = once(video, 'seeked');
    video.currentTime = frameTime(video.duration);
    await seek;
    const size = fitWithin(video.videoWidth, video.videoHeight, 640);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')?.drawImage(video, 0, 0, size.width, size.height);
    const thumbnail = dataUrlPayload(canvas.toDataURL('image/jpeg', 0.8));
    return {
      ...(thumbnail ? { thumbnailBase64: thumbnail } : {}),
      ...(Number.isFinite(video.duration) && video.duration > 0
        ? { durationMs: Math.round(video.duration * 1000) }
        : {}),
      ...(video.videoWidth > 0 ? { width: video.videoWidth, height: video.videoHeight } : {}),
    };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A picked or dropped file as media:add-file wants it: base64 bytes, and for videos a frame and sizes. */
export async function readMediaFile(file: File): Promise<NewMediaFile> {
  const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  const base = { fileName: file.name || 'file', mime: file.type, base64 };
  if (!file.type.startsWith('video/')) return base;
  try {
    return { ...base, ...(await videoDetails(file)) };
  } catch {
    // The core still stores the video; it just has no thumbnail or sizes.
    return base;
  }
}
