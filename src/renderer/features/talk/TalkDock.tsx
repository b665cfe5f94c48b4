import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Icon } from '../../ui/icons';
import { CommandPanel } from './CommandPanel';
import { HoldToTalkButton } from './HoldToTalkButton';
import { LevelMeter } from './LevelMeter';
import { useTalk } from './talk.store';
import { useTalkEvents } from './use-talk-events';
import { routeAfterCommand } from './voice-routes';

/**
 * Always in the header: the hold button, the level meter while listening, and a small panel with
 * the last command's transcript, reply and yes/no. Commands that open a page or make a draft go there.
 */
export function TalkDock() {
  useTalkEvents();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const phase = useTalk((state) => state.phase);
  const level = useTalk((state) => state.level);
  const stage = useTalk((state) => state.stage);
  const last = useTalk((state) => state.last);
  const error = useTalk((state) => state.error);
  const notice = useTalk((state) => state.notice);
  const handled = useRef<string | null>(null);

  useEffect(() => useTalk.getState().setPathname(pathname), [pathname]);

  useEffect(() => {
    if (!last) return;
    const key = `${last.id}:${last.status}`;
    if (handled.current === key) return;
    handled.current = key;
    const route = routeAfterCommand(last);
    if (route && route !== window.location.pathname) void navigate(route);
  }, [last, navigate]);

  const open = phase !== 'idle' || last !== null || error !== null || notice !== null;
  return (
    <div className="relative flex items-center gap-2">
      {phase === 'listening' && <LevelMeter level={level} />}
      <HoldToTalkButton />
      {open && (
        <section
          aria-label="Voice command"
          aria-live="polite"
          className="absolute top-11 right-0 z-40 w-96 rounded-lg border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <div className="flex items-start justify-between gap-2">
            <div className="min-w-0 flex-1 space-y-2">
              {phase === 'starting' && <p className="text-sm">Opening the microphone…</p>}
              {phase === 'listening' && <p className="text-sm">Listening… release to send, Escape to cancel.</p>}
              {phase === 'processing' && <p className="text-sm">{stage ?? 'Working on it…'}</p>}
              {error && (
                <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                  {error}
                </p>
              )}
              {notice && <p className="text-xs text-zinc-500 dark:text-zinc-400">{notice}</p>}
              {phase === 'idle' && last && <CommandPanel command={last} />}
            </div>
            {phase === 'idle' && (
              <button
                type="button"
                aria-label="Close"
                onClick={() => useTalk.getState().dismiss()}
                className="rounded p-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                <Icon name="plus" className="size-4 rotate-45" />
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
