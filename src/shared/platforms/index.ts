export { countAllPlatforms, countText } from './count';
export type { CountOptions, CountResult, LimitOverrides } from './count';
export { getFieldLimit, getPlatformLimit, PLATFORM_LIMITS } from './limits';
export { COUNTING_METHODS } from './schema';
export type { CountingMethod, FieldLimit, PlatformLimit } from './schema';
