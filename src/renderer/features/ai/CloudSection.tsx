import { Spinner } from '../../ui/Spinner';
import { SectionCard, EmptyNote, SectionError } from '../../ui/SectionCard';
import { useCloud } from './cloud.store';
import { CloudProviderRow } from './CloudProviderRow';

/** Cloud providers: whether a key is saved, and where to save or remove one. */
export function CloudSection() {
  const status = useCloud((s) => s.status);
  const providers = useCloud((s) => s.providers);
  const error = useCloud((s) => s.error);

  return (
    <SectionCard
      title="Cloud providers"
      description="Optional. Keys are checked with the provider, then kept in your system keychain."
    >
      {status === 'error' && error && <SectionError message={`Could not list the providers: ${error}`} />}
      {status === 'loading' && <Spinner label="Listing providers…" />}
      {status === 'ready' && providers.length === 0 && <EmptyNote>No cloud providers are available.</EmptyNote>}
      {providers.length > 0 && (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {providers.map((provider) => (
            <CloudProviderRow key={provider.id} provider={provider} />
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
