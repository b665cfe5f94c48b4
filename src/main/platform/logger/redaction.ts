/**
 * Log fields that may hold secrets. pino replaces their values with [Redacted]; the list is
 * shared by every logger so a new secret-bearing field is added in one place.
 */
export const REDACTED_PATHS = [
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'password',
  'passphrase',
  'secret',
  'authorization',
  'cookie',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
  '*.password',
  '*.passphrase',
  '*.secret',
  '*.authorization',
  '*.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
];
