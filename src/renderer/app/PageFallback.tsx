import { Spinner } from '../ui/Spinner';

/** Shown while a lazy page loads. */
export function PageFallback() {
  return (
    <div className="flex min-h-40 items-center justify-center">
      <Spinner label="Loading page…" />
    </div>
  );
}
