import { PageHeader } from '../../ui/PageHeader';

/** The analytics page (issue #8); its owner replaces this placeholder. */
export default function AnalyticsPage() {
  return <PageHeader title="Analytics" />;
}
