import type { ExportDocument, ImportResult } from '../../../shared/contract/data';
import type { Profile } from '../../../shared/domain/profile';
import { getClient } from '../../client/client';

export function getProfile(): Promise<Profile | null> {
  return getClient().invoke('profile:get-profile', {});
}

export function exportAll(): Promise<ExportDocument> {
  return getClient().invoke('data:export-all', {});
}

export function importAll(document: ExportDocument, mode: 'merge' | 'replace'): Promise<ImportResult> {
  return getClient().invoke('data:import-all', { document, mode });
}
