import { create } from 'zustand';
import type { LocalModel, ModelRecommendation } from '../../../shared/contract/llm-admin';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { deleteModel, getRecommendations, listLocalModels } from './queries';

interface ModelsState {
  status: 'loading' | 'ready' | 'error';
  models: LocalModel[];
  recommendations: ModelRecommendation[];
  error: string | null;
  /** The Ollama model whose Delete waits for a confirmation. */
  confirming: string | null;
  deleting: string | null;
  load: () => Promise<void>;
  askDelete: (model: string | null) => void;
  confirmDelete: (model: string) => Promise<void>;
}

/** Installed models (Ollama and embedded) and the recommended model per task. */
export const useModels = create<ModelsState>()((set, get) => ({
  status: 'loading',
  models: [],
  recommendations: [],
  error: null,
  confirming: null,
  deleting: null,
  load: async () => {
    if (get().models.length === 0) set({ status: 'loading' });
    try {
      const [models, recommendations] = await Promise.all([listLocalModels(), getRecommendations()]);
      set({ status: 'ready', models, recommendations, error: null });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  askDelete: (model) => set({ confirming: model }),
  confirmDelete: async (model) => {
    set({ deleting: model });
    try {
      await deleteModel(model);
      showToast({ kind: 'success', message: `Deleted ${model}` });
      await get().load();
    } catch (error) {
      showToast({ kind: 'error', message: `Could not delete ${model}: ${errorMessage(error)}` });
    } finally {
      set({ deleting: null, confirming: null });
    }
  },
}));
