import type { DayKind } from '../../../../src/domain/calendar/production-calendar.js';

/** Kinds a day can be set to (an override); 'workday' and 'weekend' are what is left without one. */
export const OVERRIDE_KINDS = ['holiday', 'day_off', 'working', 'short'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

export const ALL_KINDS: DayKind[] = ['workday', 'weekend', 'holiday', 'day_off', 'working', 'short'];
