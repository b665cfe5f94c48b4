import { PageHeader } from '../../ui/PageHeader';

/** The coach page (issue #8); its owner replaces this placeholder. */
export default function CoachPage() {
  return <PageHeader title="Coach" />;
}
