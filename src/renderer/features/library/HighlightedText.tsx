import type { SnippetPart } from './snippet-marks';

/** Text with search matches in <mark>, built as React text nodes (never innerHTML). */
export function HighlightedText({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.marked ? (
          <mark
            key={index}
            className="rounded-sm bg-amber-200/70 px-0.5 text-inherit dark:bg-amber-400/30 dark:text-amber-50"
          >
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
