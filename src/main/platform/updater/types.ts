export type UpdateState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'available'; version: string }
  | { status: 'not-available' }
  | { status: 'downloading'; percent: number; bytesPerSecond: number }
  | { status: 'downloaded'; version: string }
  | { status: 'error'; message: string };

/** Auto-update: check a feed, download with progress, install on quit. Desktop only. */
export interface UpdaterPort {
  check(): Promise<void>;
  onState(listener: (state: UpdateState) => void): () => void;
  installOnQuit(): void;
}
