import { Button } from '../ui/Button';
import { Spinner } from '../ui/Spinner';
import { Brand } from './Brand';

/** While app:get-info answers, or when it cannot be reached. */
export function StartupScreen({ error, onRetry }: { error: string | null; onRetry: () => void }) {
  return (
    <div className="flex min-h-screen items-center justify-center bg-zinc-50 p-6 dark:bg-zinc-950">
      <div className="w-full max-w-sm space-y-6 text-center">
        <div className="flex justify-center">
          <Brand />
        </div>
        {error ? (
          <div role="alert" className="space-y-4">
            <p className="text-sm text-zinc-700 dark:text-zinc-300">Cadence could not start: {error}</p>
            <Button variant="primary" onClick={onRetry}>
              Try again
            </Button>
          </div>
        ) : (
          <div className="flex justify-center">
            <Spinner label="Starting Cadence…" />
          </div>
        )}
      </div>
    </div>
  );
}
