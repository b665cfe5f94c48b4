import type { ReactNode } from 'react';

/** A two-column table of names and values, with a caption for screen readers. */
export function InfoTable({ caption, rows }: { caption: string; rows: [string, ReactNode][] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row" className="w-44 py-2 pr-4 align-top font-medium text-zinc-500 dark:text-zinc-400">
              {name}
            </th>
            <td className="py-2 break-all text-zinc-900 dark:text-zinc-100">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
