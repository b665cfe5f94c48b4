import { create } from 'zustand';
import { errorMessage, fieldIssuesOf } from '../../ui/errors';
import { useModels } from './models.store';
import { getEmbeddedModelFile, setEmbeddedModelFile } from './queries';

interface LocalModelFileState {
  /** The file the embedded engine uses from outside the data folder, as saved. */
  saved: string | null;
  input: string;
  error: string | null;
  saving: boolean;
  load: () => Promise<void>;
  setInput: (value: string) => void;
  /** Saves the typed path (the core checks it is a GGUF file), or forgets the file with null. */
  save: (path: string | null) => Promise<void>;
}

export const useLocalModelFile = create<LocalModelFileState>()((set, get) => ({
  saved: null,
  input: '',
  error: null,
  saving: false,
  load: async () => {
    try {
      const { path } = await getEmbeddedModelFile();
      set({ saved: path, input: get().input || (path ?? '') });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  setInput: (value) => set({ input: value, error: null }),
  save: async (path) => {
    set({ saving: true, error: null });
    try {
      const result = await setEmbeddedModelFile(path === null ? null : path.trim());
      set({ saved: result.path, input: result.path ?? '', saving: false });
      void useModels.getState().load();
    } catch (error) {
      set({ saving: false, error: fieldIssuesOf(error)[0]?.message ?? errorMessage(error) });
    }
  },
}));
