import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ALL_PLATFORMS, PLATFORM_LABELS } from '../../ui/platforms';
import { toggleItem } from './profileForm';
import { useProfileForm } from './profileForm.store';

const OPTIONS = ALL_PLATFORMS.map((platform) => ({ value: platform, label: PLATFORM_LABELS[platform] }));

/** The platforms the creator posts to. */
export function PlatformFields() {
  const platforms = useProfileForm((s) => s.values.platforms);
  const error = useProfileForm((s) => s.errors.platforms);
  const setValue = useProfileForm((s) => s.setValue);
  return (
    <CheckboxGroup
      idPrefix="profile-platform"
      legend="Platforms"
      hint="Pick every platform you post to; you can change this later."
      options={OPTIONS}
      selected={platforms}
      onToggle={(platform) => setValue('platforms', toggleItem(platforms, platform))}
      error={error}
    />
  );
}
