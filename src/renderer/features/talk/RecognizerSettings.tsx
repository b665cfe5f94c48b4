import type { VoiceStatus } from '../../../shared/contract/voice';
import type { VoiceSettings } from '../../../shared/domain/voice';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { checkboxClass, inputClass } from '../../ui/controls';
import { formatBytes } from '../../ui/format';
import { SectionCard } from '../../ui/SectionCard';
import { useTalk } from './talk.store';

/** Which engine turns speech into text, and the Whisper models (downloaded with progress). */
export function RecognizerSettings({ settings, status }: { settings: VoiceSettings; status: VoiceStatus | null }) {
  const downloads = useTalk((state) => state.downloads);
  const { updateSettings, downloadModel, cancelDownload } = useTalk.getState();
  return (
    <SectionCard
      title="Speech recognition"
      description="Everything runs on this computer; the model stays loaded between commands."
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="talk-recognizer" label="Recognizer">
          {(control) => (
            <select
              {...control}
              className={inputClass}
              value={settings.recognizer}
              onChange={(e) => void updateSettings({ recognizer: e.target.value as VoiceSettings['recognizer'] })}
            >
              <option value="whisper">Whisper (recommended)</option>
              <option value="pocketsphinx">pocketsphinx (English, system package)</option>
            </select>
          )}
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input
            type="checkbox"
            className={checkboxClass}
            checked={settings.useGpu}
            onChange={(e) => void updateSettings({ useGpu: e.target.checked })}
          />
          Use the GPU when there is one
        </label>
      </div>
      {settings.recognizer === 'whisper' && (
        <table className="mt-4 w-full text-sm">
          <caption className="sr-only">Whisper models</caption>
          <thead>
            <tr className="text-left text-xs text-zinc-500">
              <th className="py-1 font-medium">Model</th>
              <th className="py-1 font-medium">Size</th>
              <th className="py-1 font-medium">State</th>
              <th className="py-1" />
            </tr>
          </thead>
          <tbody>
            {(status?.models ?? []).map((model) => {
              const download = downloads[model.id];
              const chosen = settings.whisperModel === model.id;
              return (
                <tr key={model.id} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-2">
                    <label className="flex items-center gap-2">
                      <input
                        type="radio"
                        name="whisper-model"
                        checked={chosen}
                        onChange={() => void updateSettings({ whisperModel: model.id })}
                      />
                      {model.label}
                      {model.multilingual ? ' · multilingual' : ' · English'}
                    </label>
                  </td>
                  <td className="py-2">{formatBytes(model.bytes)}</td>
                  <td className="py-2">
                    {download ? (
                      <span className="flex items-center gap-2">
                        <progress
                          max={100}
                          value={download.percent ?? undefined}
                          aria-label={`Downloading ${model.label}`}
                          className="w-28"
                        />
                        {download.percent !== null ? `${Math.round(download.percent)}%` : download.status}
                      </span>
                    ) : model.installed ? (
                      'Installed'
                    ) : (
                      'Not downloaded'
                    )}
                  </td>
                  <td className="py-2 text-right">
                    {download ? (
                      <Button size="sm" onClick={() => void cancelDownload(model.id)}>
                        Stop
                      </Button>
                    ) : (
                      !model.installed && (
                        <Button size="sm" onClick={() => void downloadModel(model.id)}>
                          Download
                        </Button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </SectionCard>
  );
}
