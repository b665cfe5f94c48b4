import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
}

/**
 * A textarea that text keeps arriving in. Setting a textarea's value moves the caret to the end,
 * which would yank it away from someone editing the middle while tokens stream; the caret and
 * selection are put back where the creator left them (tokens only ever add at the end).
 */
export function StreamingTextarea({ value, onChange, ...rest }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const selection = useRef<{ start: number; end: number } | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    const kept = selection.current;
    if (!el || !kept || document.activeElement !== el) return;
    if (el.selectionStart !== kept.start || el.selectionEnd !== kept.end) el.setSelectionRange(kept.start, kept.end);
  }, [value]);

  const remember = () => {
    const el = ref.current;
    if (el) selection.current = { start: el.selectionStart, end: el.selectionEnd };
  };

  return (
    <textarea
      ref={ref}
      value={value}
      onChange={(e) => {
        onChange(e.target.value);
        selection.current = { start: e.target.selectionStart, end: e.target.selectionEnd };
      }}
      onSelect={remember}
      onKeyUp={remember}
      onMouseUp={remember}
      onFocus={remember}
      {...rest}
    />
  );
}
