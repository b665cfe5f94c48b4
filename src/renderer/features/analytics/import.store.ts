import { create } from 'zustand';
import type { Progress } from '../../../shared/contract/events';
import { IMPORT_MAX_CHARS } from '../../../shared/contract/imports';
import type { ImportPreview, ImportReport } from '../../../shared/domain/imports';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { reportSummary } from './import-text';
import { importFile, onJobProgress, previewFile } from './queries';

interface ImportState {
  fileName: string | null;
  content: string | null;
  /** Reading the file or asking the core for the preview. */
  previewing: boolean;
  preview: ImportPreview | null;
  /** A problem with the file as a whole (unreadable, too large, not a history file). */
  fileError: string | null;
  importing: { jobId: string; progress: Progress | null } | null;
  report: ImportReport | null;
  /** Bumped after each import, so the file input is cleared and the same file can be picked again. */
  finishedImports: number;
  chooseFile: (file: File | null) => Promise<void>;
  runImport: () => Promise<void>;
  reset: () => void;
}

/** Ignores a preview for a file the user has since replaced. */
let latestPick = 0;

/** Importing history: pick a file, see what Cadence understood, import the good rows, read the report. */
export const useImport = create<ImportState>()((set, get) => ({
  fileName: null,
  content: null,
  previewing: false,
  preview: null,
  fileError: null,
  importing: null,
  report: null,
  finishedImports: 0,

  chooseFile: async (file) => {
    const mine = ++latestPick;
    set({ fileName: file?.name ?? null, content: null, preview: null, fileError: null, report: null });
    if (!file) return;
    set({ previewing: true });
    try {
      const content = await file.text();
      if (content.length > IMPORT_MAX_CHARS)
        throw new Error('The file is larger than 20 MB; split it into smaller files and import each');
      const preview = await previewFile(file.name, content);
      if (mine === latestPick) set({ content, preview });
    } catch (error) {
      if (mine === latestPick) set({ fileError: errorMessage(error) });
    } finally {
      if (mine === latestPick) set({ previewing: false });
    }
  },

  runImport: async () => {
    const { fileName, content, preview, importing } = get();
    if (!fileName || !content || !preview || importing) return;
    const jobId = `import-${crypto.randomUUID()}`;
    set({ importing: { jobId, progress: null }, fileError: null });
    const stop = onJobProgress(jobId, (progress) => {
      if (get().importing?.jobId === jobId) set({ importing: { jobId, progress } });
    });
    try {
      const report = await importFile(fileName, content, jobId);
      // The file is done with: the report replaces the preview, and a second click cannot re-import it.
      set({ report, preview: null, content: null, finishedImports: get().finishedImports + 1 });
      showToast({ kind: 'success', message: `Import finished: ${reportSummary(report)}` });
    } catch (error) {
      set({ fileError: `Import failed, nothing was written: ${errorMessage(error)}` });
    } finally {
      stop();
      set({ importing: null });
    }
  },

  reset: () => {
    latestPick += 1;
    set({ fileName: null, content: null, preview: null, fileError: null, report: null, previewing: false });
  },
}));
