import { create } from 'zustand';
import type { CloudProviderInfo } from '../../../shared/contract/llm-admin';
import { errorMessage, fieldIssuesOf, isContractError } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { type CloudProviderId, listCloudProviders, removeApiKey, saveApiKey } from './queries';

const CLOUD_IDS: readonly string[] = ['openai', 'anthropic', 'groq', 'perplexity', 'meta'] satisfies CloudProviderId[];

export function isCloudId(id: string): id is CloudProviderId {
  return CLOUD_IDS.includes(id);
}

interface CloudState {
  status: 'loading' | 'ready' | 'error';
  providers: CloudProviderInfo[];
  error: string | null;
  /** What is typed in each provider's key field (never read back from the core). */
  keys: Partial<Record<CloudProviderId, string>>;
  keyErrors: Partial<Record<CloudProviderId, string>>;
  busy: Partial<Record<CloudProviderId, 'saving' | 'removing'>>;
  load: () => Promise<void>;
  setKey: (id: CloudProviderId, value: string) => void;
  save: (id: CloudProviderId) => Promise<void>;
  remove: (id: CloudProviderId) => Promise<void>;
}

/** Cloud providers and their API keys (kept in the OS keychain by the core). */
export const useCloud = create<CloudState>()((set, get) => {
  const setBusy = (id: CloudProviderId, value: 'saving' | 'removing' | undefined) => {
    const { [id]: _dropped, ...rest } = get().busy;
    set({ busy: value ? { ...rest, [id]: value } : rest });
  };
  const setKeyError = (id: CloudProviderId, message: string | undefined) => {
    const { [id]: _dropped, ...rest } = get().keyErrors;
    set({ keyErrors: message ? { ...rest, [id]: message } : rest });
  };

  return {
    status: 'loading',
    providers: [],
    error: null,
    keys: {},
    keyErrors: {},
    busy: {},

    load: async () => {
      try {
        set({ status: 'ready', providers: await listCloudProviders(), error: null });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      }
    },

    setKey: (id, value) => {
      set({ keys: { ...get().keys, [id]: value } });
      setKeyError(id, undefined);
    },

    save: async (id) => {
      const apiKey = (get().keys[id] ?? '').trim();
      if (!apiKey) return setKeyError(id, 'Paste a key first');
      setBusy(id, 'saving');
      try {
        await saveApiKey(id, apiKey);
        set({ keys: { ...get().keys, [id]: '' } });
        showToast({ kind: 'success', message: 'Key checked and saved' });
        await get().load();
      } catch (error) {
        // A refused key comes back as VALIDATION_FAILED; its message belongs under the field.
        const message = isContractError(error, 'VALIDATION_FAILED')
          ? (fieldIssuesOf(error)[0]?.message ?? errorMessage(error))
          : errorMessage(error);
        setKeyError(id, message);
      } finally {
        setBusy(id, undefined);
      }
    },

    remove: async (id) => {
      setBusy(id, 'removing');
      try {
        await removeApiKey(id);
        showToast({ kind: 'info', message: 'Key removed' });
        await get().load();
      } catch (error) {
        showToast({ kind: 'error', message: `Could not remove the key: ${errorMessage(error)}` });
      } finally {
        setBusy(id, undefined);
      }
    },
  };
});
