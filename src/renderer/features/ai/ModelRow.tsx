import { useEffect, useRef } from 'react';
import type { LocalModel } from '../../../shared/contract/llm-admin';
import { Button, buttonClass } from '../../ui/Button';
import { formatBytes, formatNumber } from '../../ui/format';
import { FitBadge } from './Badges';
import { providerLabel } from './labels';
import { useModels } from './models.store';

const TD = 'px-3 py-2.5 align-middle text-zinc-700 dark:text-zinc-300';

/** One installed model; Delete asks for a confirmation in place before it removes an Ollama model. */
export function ModelRow({ model }: { model: LocalModel }) {
  const confirming = useModels((s) => s.confirming === model.id);
  const deleting = useModels((s) => s.deleting === model.id);
  const { askDelete, confirmDelete } = useModels.getState();
  const deletable = model.provider === 'ollama';
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // "Keep" closes the confirmation: focus goes back to Delete rather than to the page.
  useEffect(() => {
    if (wasConfirming.current && !confirming) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <tr>
      <td className={TD}>{providerLabel(model.provider)}</td>
      <th scope="row" className={`${TD} text-left font-mono text-xs font-medium text-zinc-900 dark:text-zinc-100`}>
        {model.id}
        {model.parameterSize && (
          <span className="ml-2 font-sans text-xs font-normal text-zinc-500">{model.parameterSize}</span>
        )}
      </th>
      <td className={`${TD} text-right tabular-nums`}>
        {model.sizeBytes === null ? '—' : formatBytes(model.sizeBytes)}
      </td>
      <td className={`${TD} text-right tabular-nums`}>
        {model.contextLength === null ? '—' : formatNumber(model.contextLength)}
      </td>
      <td className={TD}>{model.quantization ?? '—'}</td>
      <td className={TD}>
        <FitBadge fit={model.fit} reason={model.fitReason} />
      </td>
      <td className={`${TD} text-right whitespace-nowrap`}>
        {deletable && !confirming && (
          <button
            ref={deleteButton}
            type="button"
            className={buttonClass('ghost', 'sm')}
            onClick={() => askDelete(model.id)}
            aria-label={`Delete ${model.id}`}
          >
            Delete
          </button>
        )}
        {deletable && confirming && (
          <span
            role="group"
            aria-label={`Delete ${model.id}?`}
            className="inline-flex items-center gap-2"
            onKeyDown={(event) => event.key === 'Escape' && !deleting && askDelete(null)}
          >
            <span className="text-xs text-zinc-600 dark:text-zinc-400">Delete?</span>
            <Button
              size="sm"
              variant="danger"
              autoFocus
              disabled={deleting}
              onClick={() => void confirmDelete(model.id)}
            >
              {deleting ? 'Deleting…' : 'Yes, delete'}
            </Button>
            <Button size="sm" variant="ghost" disabled={deleting} onClick={() => askDelete(null)}>
              Keep
            </Button>
          </span>
        )}
      </td>
    </tr>
  );
}
