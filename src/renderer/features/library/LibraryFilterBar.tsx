import { POST_STATUSES } from '../../../shared/domain/post';
import type { Platform } from '../../../shared/domain/platform';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { ALL_PLATFORMS, platformLabel } from '../../ui/platforms';
import { STATUS_LABELS } from '../../ui/postStatus';
import { hasActiveFilters, type LibraryFilters } from './library-filters';
import { useLibrary } from './library.store';

const compact = `${inputClass} h-9 py-1.5`;

/** Status, platform, tag and date-range filters; each change fetches page one again. */
export function LibraryFilterBar() {
  const filters = useLibrary((state) => state.filters);
  const problem = useLibrary((state) => state.problem);
  const setFilters = useLibrary((state) => state.setFilters);
  const resetFilters = useLibrary((state) => state.resetFilters);
  return (
    <div className="flex flex-wrap items-start gap-3" role="group" aria-label="Filters">
      <Field id="library-status" label="Status" className="w-40">
        {(control) => (
          <select
            {...control}
            className={compact}
            value={filters.status}
            onChange={(event) => setFilters({ status: event.target.value as LibraryFilters['status'] })}
          >
            <option value="active">All but archived</option>
            <option value="all">Any status</option>
            {POST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="library-platform" label="Platform" className="w-40">
        {(control) => (
          <select
            {...control}
            className={compact}
            value={filters.platform}
            onChange={(event) => setFilters({ platform: event.target.value as Platform | 'all' })}
          >
            <option value="all">Any platform</option>
            {ALL_PLATFORMS.map((platform) => (
              <option key={platform} value={platform}>
                {platformLabel(platform)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="library-tag"
        label="Tag"
        className="w-40"
        error={problem?.field === 'tag' ? problem.message : undefined}
      >
        {(control) => (
          <input
            {...control}
            className={compact}
            placeholder="e.g. tips"
            value={filters.tag}
            onChange={(event) => setFilters({ tag: event.target.value })}
          />
        )}
      </Field>
      <Field id="library-from" label="From date" className="w-40">
        {(control) => (
          <input
            {...control}
            type="date"
            className={`${compact} dark:scheme-dark`}
            value={filters.from}
            onChange={(event) => setFilters({ from: event.target.value })}
          />
        )}
      </Field>
      <Field
        id="library-to"
        label="To date"
        className="w-40"
        error={problem?.field === 'to' ? problem.message : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            className={`${compact} dark:scheme-dark`}
            value={filters.to}
            onChange={(event) => setFilters({ to: event.target.value })}
          />
        )}
      </Field>
      {hasActiveFilters(filters) && (
        <Button variant="ghost" size="sm" className="mt-7" onClick={resetFilters}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
