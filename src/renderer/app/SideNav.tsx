import { NavLink } from 'react-router';
import { Icon } from '../ui/icons';
import { NAV_ITEMS } from './navigation';

const LINK =
  'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors ' +
  'focus-visible:outline-2 focus-visible:outline-indigo-500';
const IDLE =
  'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';
const ACTIVE = 'bg-indigo-50 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-200';

/** The main navigation; NavLink sets aria-current="page" on the current item. */
export function SideNav() {
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {NAV_ITEMS.map((item) => (
        <NavLink
          key={item.to}
          to={item.to}
          end={item.end}
          className={({ isActive }) => `${LINK} ${isActive ? ACTIVE : IDLE}`}
        >
          <Icon name={item.icon} className="size-5 shrink-0" />
          {item.label}
        </NavLink>
      ))}
    </nav>
  );
}
