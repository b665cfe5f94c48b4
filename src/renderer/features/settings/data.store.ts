import { create } from 'zustand';
import type { ExportDocument, ImportResult } from '../../../shared/contract/data';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { downloadJson } from '../../ui/download';
import { exportFileName, parseExportFile } from './exportFile';
import { exportAll, importAll } from './queries';

export type ImportMode = 'merge' | 'replace';

interface DataState {
  exporting: boolean;
  fileName: string | null;
  document: ExportDocument | null;
  fileError: string | null;
  mode: ImportMode;
  /** Replace deletes local data, so it asks once more before running. */
  confirmingReplace: boolean;
  importing: boolean;
  result: ImportResult | null;
  exportNow: () => Promise<void>;
  chooseFile: (file: File | null) => Promise<void>;
  setMode: (mode: ImportMode) => void;
  startImport: () => Promise<ImportResult | null>;
  cancelReplace: () => void;
}

/** Export to a JSON file and import one back (merge or replace). */
export const useDataTransfer = create<DataState>()((set, get) => ({
  exporting: false,
  fileName: null,
  document: null,
  fileError: null,
  mode: 'merge',
  confirmingReplace: false,
  importing: false,
  result: null,

  exportNow: async () => {
    set({ exporting: true });
    try {
      const document = await exportAll();
      const name = exportFileName(new Date());
      downloadJson(document, name);
      showToast({ kind: 'success', message: `Exported ${document.posts.length} posts to ${name}` });
    } catch (error) {
      showToast({ kind: 'error', message: `Export failed: ${errorMessage(error)}` });
    } finally {
      set({ exporting: false });
    }
  },

  chooseFile: async (file) => {
    set({ fileName: file?.name ?? null, document: null, fileError: null, result: null, confirmingReplace: false });
    if (!file) return;
    try {
      const parsed = parseExportFile(await file.text());
      set(parsed.ok ? { document: parsed.document } : { fileError: parsed.message });
    } catch (error) {
      set({ fileError: `Could not read the file: ${errorMessage(error)}` });
    }
  },

  setMode: (mode) => set({ mode, confirmingReplace: false }),

  startImport: async () => {
    const { document, mode, confirmingReplace } = get();
    if (!document) return null;
    if (mode === 'replace' && !confirmingReplace) {
      set({ confirmingReplace: true });
      return null;
    }
    set({ importing: true, confirmingReplace: false });
    try {
      const result = await importAll(document, mode);
      set({ result, importing: false });
      showToast({
        kind: 'success',
        message: `Import finished: ${result.postsAdded} added, ${result.postsUpdated} updated, ${result.postsSkipped} skipped`,
      });
      return result;
    } catch (error) {
      set({ importing: false, fileError: `Import failed: ${errorMessage(error)}` });
      return null;
    }
  },

  cancelReplace: () => set({ confirmingReplace: false }),
}));
