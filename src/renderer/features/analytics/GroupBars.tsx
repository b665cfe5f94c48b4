import type { GroupEngagement } from '../../../shared/domain/analytics';
import { SectionCard, EmptyNote } from '../../ui/SectionCard';
import { formatRate, plural } from './analytics-format';
import { BarList } from './BarList';

/** Mean engagement rate per group (formats, hashtags) as bars, with how many posts each holds. */
export function GroupBars({
  title,
  description,
  groups,
  empty,
  keyLabel = (key) => key,
}: {
  title: string;
  description: string;
  groups: readonly GroupEngagement[];
  empty: string;
  keyLabel?: (key: string) => string;
}) {
  return (
    <SectionCard title={title} description={description}>
      {groups.length === 0 ? (
        <EmptyNote>{empty}</EmptyNote>
      ) : (
        <BarList
          label={title}
          empty={empty}
          bars={groups.map((g) => ({
            key: g.key,
            label: keyLabel(g.key),
            value: g.meanRate,
            display: formatRate(g.meanRate),
            note: plural(g.posts, 'post'),
          }))}
        />
      )}
    </SectionCard>
  );
}
