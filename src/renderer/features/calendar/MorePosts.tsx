/** "+3 more" under a full day or hour slot. */
export function MorePosts({ count, onClick, title }: { count: number; onClick: () => void; title: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={title}
      className="self-start rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300 dark:hover:bg-indigo-950"
    >
      +{count} more
    </button>
  );
}
