import { create } from 'zustand';
import type { Progress } from '../../../shared/contract/events';
import { fieldIssuesOf, issuesByField } from '../../ui/errors';
import {
  checkDownloadForm,
  downloadErrorMessage,
  type EmbeddedDownloadErrors,
  type EmbeddedDownloadField,
  type EmbeddedDownloadForm,
  fileNameFromUrl,
  PAUSED,
  successMessage,
} from './embedded-download';
import { useModels } from './models.store';
import { cancelActiveJob } from './cancel-job';
import { downloadEmbeddedModel, onJobProgress } from './queries';

export interface ActiveDownload {
  jobId: string;
  fileName: string;
  progress: Progress | null;
  cancelling: boolean;
}

export interface DownloadResult {
  kind: 'success' | 'paused' | 'error';
  message: string;
}

interface EmbeddedDownloadState extends EmbeddedDownloadForm {
  /** True once the user typed a file name, so the URL no longer fills it in. */
  fileNameEdited: boolean;
  errors: EmbeddedDownloadErrors;
  active: ActiveDownload | null;
  result: DownloadResult | null;
  setUrl: (url: string) => void;
  setFileName: (fileName: string) => void;
  setSha256: (sha256: string) => void;
  download: () => Promise<void>;
  cancel: () => Promise<void>;
}

const FIELDS = ['url', 'fileName', 'sha256'] as const;

function without(errors: EmbeddedDownloadErrors, ...fields: EmbeddedDownloadField[]): EmbeddedDownloadErrors {
  const rest = { ...errors };
  for (const field of fields) delete rest[field];
  return rest;
}

/** One GGUF download at a time into the data folder, for the embedded engine. */
export const useEmbeddedDownload = create<EmbeddedDownloadState>()((set, get) => ({
  url: '',
  fileName: '',
  sha256: '',
  fileNameEdited: false,
  errors: {},
  active: null,
  result: null,

  setUrl: (url) => {
    const { fileNameEdited, fileName, errors } = get();
    const suggested = fileNameEdited ? null : fileNameFromUrl(url);
    set({
      url,
      fileName: fileNameEdited ? fileName : (suggested ?? ''),
      errors: suggested ? without(errors, 'url', 'fileName') : without(errors, 'url'),
    });
  },
  setFileName: (fileName) =>
    set({ fileName, fileNameEdited: fileName.trim() !== '', errors: without(get().errors, 'fileName') }),
  setSha256: (sha256) => set({ sha256, errors: without(get().errors, 'sha256') }),

  download: async () => {
    if (get().active) return;
    const checked = checkDownloadForm(get());
    if (!checked.ok) return set({ errors: checked.errors, result: null });
    const { url, fileName, sha256 } = checked;
    const jobId = `gguf-${crypto.randomUUID()}`;
    set({ active: { jobId, fileName, progress: null, cancelling: false }, errors: {}, result: null });
    const stop = onJobProgress(jobId, (progress) => {
      const active = get().active;
      if (active?.jobId === jobId) set({ active: { ...active, progress } });
    });
    try {
      const outcome = await downloadEmbeddedModel({ url, fileName, sha256, jobId });
      if (outcome.outcome === 'success') {
        set({
          result: { kind: 'success', message: successMessage(outcome, sha256 !== null) },
          url: '',
          fileName: '',
          sha256: '',
          fileNameEdited: false,
        });
      } else {
        set({ result: { kind: 'paused', message: PAUSED } });
      }
    } catch (error) {
      const byField = issuesByField(fieldIssuesOf(error), 1);
      const errors: EmbeddedDownloadErrors = {};
      for (const field of FIELDS) if (byField[field]) errors[field] = byField[field];
      set({ errors, result: { kind: 'error', message: downloadErrorMessage(error) } });
    } finally {
      stop();
      set({ active: null });
      void useModels.getState().load();
    }
  },

  cancel: () =>
    cancelActiveJob(
      () => get().active,
      (active) => set({ active }),
      (error) => set({ result: { kind: 'error', message: `Could not cancel: ${downloadErrorMessage(error)}` } }),
    ),
}));
