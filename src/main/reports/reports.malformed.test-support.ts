import type { MalformedRows } from '../contract/malformed-rows';

const UUID = '3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b';
const custom = { kind: 'custom', from: '2026-11-01', to: '2026-11-30', metrics: ['likes'] };

/** Inputs each reports channel must refuse before any service runs (read by dispatcher.test.ts). */
export const reportsMalformedInputs: MalformedRows<'reports'> = {
  'reports:generate-report': [
    {},
    { kind: 'monthly' },
    { kind: 'weekly', from: '2026-11-01' },
    { ...custom, metrics: [] },
    { ...custom, metrics: ['likes', 'vibes'] },
    { ...custom, from: '2026-12-01' },
    { ...custom, from: '1 Nov 2026' },
    { ...custom, platforms: ['myspace'] },
    { ...custom, platforms: [] },
    { ...custom, sections: ['appendix'] },
    { ...custom, from: '2000-01-01' },
    { kind: 'custom', from: '2026-11-01', to: '2026-11-30' },
  ],
  'reports:list-reports': [{ newest: true }, []],
  'reports:get-report-file': [
    {},
    { id: UUID },
    { id: UUID, format: 'docx' },
    { id: '../../etc/passwd', format: 'pdf' },
  ],
  'reports:delete-report': [{}, { id: 'abc' }, { id: UUID, files: false }],
  'reports:get-schedule': [{ weekday: 'mon' }],
  'reports:save-schedule': [
    {},
    { enabled: 'yes', weekday: 'mon', hour: 8 },
    { enabled: true, weekday: 'monday', hour: 8 },
    { enabled: true, weekday: 'mon', hour: 24 },
    { enabled: true, weekday: 'mon', hour: 7.5 },
    { enabled: true, weekday: 'mon', hour: -1 },
    { enabled: true, weekday: 'mon', hour: 8, minute: 30 },
  ],
};
