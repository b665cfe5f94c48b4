import type { WEEKDAYS } from '../../../shared/domain/profile';

/** A weekday as the profile and the report schedule spell it ("mon" … "sun"). */
export type Weekday = (typeof WEEKDAYS)[number];
