import { describe, expect, it } from 'vitest';
import { SIGNED_OUT_ENGINE_STATE, type SyncStatus } from '../../../shared/domain/sync';
import { conflictsText, errorFix, pendingText, phaseLabel, retryText } from './sync-text';

const ACCOUNT = {
  serverUrl: 'https://sync.example.com',
  userId: '3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b',
  deviceId: '0b6f3c8e-2d7a-4c1e-9f3b-5a6d7e8f9a0b',
  email: 'ada@example.com',
};

function status(over: Partial<SyncStatus> = {}, engine: Partial<SyncStatus['engine']> = {}): SyncStatus {
  return {
    serverUrl: ACCOUNT.serverUrl,
    account: ACCOUNT,
    signedOutReason: null,
    keyring: 'ready',
    engine: { ...SIGNED_OUT_ENGINE_STATE, phase: 'idle', ...engine },
    clockWarning: null,
    ...over,
  };
}

describe('sync status words', () => {
  it('says "Synced" only when idle, unlocked, synced once and nothing is waiting', () => {
    expect(phaseLabel(status({}, { lastSyncedAt: '2026-11-25T10:00:00Z' }))).toEqual({ label: 'Synced', tone: 'good' });
    expect(phaseLabel(status({}, { lastSyncedAt: '2026-11-25T10:00:00Z', pending: 2 })).label).toBe('Changes waiting');
    expect(phaseLabel(status({}, { lastSyncedAt: null })).label).toBe('Not synced yet');
    expect(phaseLabel(status({ keyring: 'unlock' }, { lastSyncedAt: '2026-11-25T10:00:00Z' })).label).toBe('Locked');
    expect(phaseLabel(status({}, { phase: 'offline' })).label).toBe('Offline');
    expect(phaseLabel(status({}, { phase: 'error' }))).toEqual({ label: 'Needs attention', tone: 'bad' });
    expect(phaseLabel(status({ account: null, keyring: null })).label).toBe('Not signed in');
  });

  it('counts pending changes and merges in words', () => {
    expect(pendingText(0)).toBe('Everything here is synced');
    expect(pendingText(1)).toBe('1 change waiting to sync');
    expect(pendingText(1200)).toMatch(/^1.200 changes waiting to sync$/);
    expect(conflictsText(0)).toBe('No edits had to be merged');
    expect(conflictsText(3)).toMatch(/^3 edits made on two devices were merged/);
  });

  it('gives a fix for each kind of error', () => {
    expect(errorFix({ code: 'network', message: 'x' })).toMatch(/tries again on its own/);
    expect(errorFix({ code: 'clock_skew', message: 'x' })).toMatch(/date and time/);
    expect(errorFix({ code: 'device_revoked', message: 'x' })).toBe('Sign in again to keep syncing.');
    expect(errorFix({ code: 'something_new', message: 'x' })).toMatch(/Diagnostics/);
  });

  it('says when the next attempt is', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(retryText(null, now)).toBeNull();
    expect(retryText('2026-11-25T10:00:02Z', now)).toBe('Trying again now');
    expect(retryText('2026-11-25T10:00:30Z', now)).toBe('Trying again in 30 seconds');
    expect(retryText('2026-11-25T10:05:00Z', now)).toBe('Trying again in 5 minutes');
  });
});
