import type { SVGProps } from 'react';

/** A handful of 24px stroke icons drawn inline, so no icon package is needed. */
export type IconName =
  | 'dashboard'
  | 'compose'
  | 'library'
  | 'calendar'
  | 'settings'
  | 'diagnostics'
  | 'sparkles'
  | 'sun'
  | 'moon'
  | 'plus'
  | 'history'
  | 'chart'
  | 'target'
  | 'layers'
  | 'template'
  | 'voice';

const PATHS: Record<IconName, string[]> = {
  dashboard: ['M3 12l9-8 9 8', 'M5 10v10h5v-6h4v6h5V10'],
  compose: ['M4 20h4L19 9l-4-4L4 16v4z', 'M13.5 6.5l4 4'],
  library: ['M4 5h16v4H4z', 'M5 9v10h14V9', 'M10 13h4'],
  calendar: ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v4', 'M16 3v4'],
  settings: [
    'M12 15a3 3 0 100-6 3 3 0 000 6z',
    'M19 12a7 7 0 00-.1-1.2l2-1.6-2-3.4-2.4 1a7 7 0 00-2-1.2L14 3h-4l-.5 2.6a7 7 0 00-2 1.2l-2.4-1-2 3.4 2 1.6a7 7 0 000 2.4l-2 1.6 2 3.4 2.4-1a7 7 0 002 1.2L10 21h4l.5-2.6a7 7 0 002-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z',
  ],
  diagnostics: ['M3 12h4l3-7 4 14 3-7h4'],
  chart: ['M4 20V4', 'M4 20h16', 'M8 16v-5', 'M12 16V8', 'M16 16v-3'],
  target: ['M12 21a9 9 0 100-18 9 9 0 000 18z', 'M12 16a4 4 0 100-8 4 4 0 000 8z', 'M12 12h.01'],
  // A large four-point star, a small one above right, and a glint below right.
  sparkles: [
    'M10 4l1.8 5.2L17 11l-5.2 1.8L10 18l-1.8-5.2L3 11l5.2-1.8z',
    'M18 2l.8 2.2L21 5l-2.2.8L18 8l-.8-2.2L15 5l2.2-.8z',
    'M18 17v4',
    'M16 19h4',
  ],
  sun: [
    'M12 16a4 4 0 100-8 4 4 0 000 8z',
    'M12 2v2',
    'M12 20v2',
    'M4.9 4.9l1.4 1.4',
    'M17.7 17.7l1.4 1.4',
    'M2 12h2',
    'M20 12h2',
    'M4.9 19.1l1.4-1.4',
    'M17.7 6.3l1.4-1.4',
  ],
  moon: ['M20 14.5A8 8 0 019.5 4a8 8 0 1010.5 10.5z'],
  plus: ['M12 5v14', 'M5 12h14'],
  history: ['M3 12a9 9 0 103-6.7L3 8', 'M3 3v5h5', 'M12 7v5l3 3'],
  layers: ['M12 3l9 5-9 5-9-5 9-5z', 'M3 13l9 5 9-5', 'M3 17.5l9 5 9-5'],
  template: ['M4 4h16v5H4z', 'M4 13h7v7H4z', 'M15 13h5', 'M15 17h5', 'M15 20h3'],
  voice: ['M12 3a3 3 0 00-3 3v6a3 3 0 006 0V6a3 3 0 00-3-3z', 'M5 11a7 7 0 0014 0', 'M12 18v3'],
};

export function Icon({ name, className = 'size-5', ...rest }: { name: IconName } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
      {...rest}
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
