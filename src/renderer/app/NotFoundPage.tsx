import { Link } from 'react-router';
import { buttonClass } from '../ui/Button';

export function NotFoundPage() {
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <h1 className="text-2xl font-semibold text-zinc-900 dark:text-zinc-50">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">There is nothing at this address.</p>
      <Link to="/" className={buttonClass('primary', 'md', 'mt-6')}>
        Go to the dashboard
      </Link>
    </div>
  );
}
