import { type FormEvent, useState } from 'react';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { useTalk } from './talk.store';

/** For when there is no microphone (or a quiet office): type the command, it runs exactly as if spoken. */
export function TypedCommand() {
  const [text, setText] = useState('');
  const running = useTalk((state) => state.running);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    if (await useTalk.getState().runText(text.trim())) setText('');
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="flex gap-2">
      <label htmlFor="typed-command" className="sr-only">
        Type a command
      </label>
      <input
        id="typed-command"
        className={inputClass}
        placeholder="e.g. write a LinkedIn post about morning routines"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <Button type="submit" variant="primary" disabled={running || text.trim() === ''}>
        Run
      </Button>
    </form>
  );
}
