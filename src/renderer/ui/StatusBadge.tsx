import type { PostStatus } from '../../shared/domain/post';
import { STATUS_CLASS, STATUS_LABELS } from './postStatus';

export function StatusBadge({ status }: { status: PostStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
