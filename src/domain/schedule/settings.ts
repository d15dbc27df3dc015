import type { Kind } from './status.js';

/** Per-clinic schedule settings (clinics.settings_json); missing keys take these defaults. */
export interface ScheduleSettings {
  /** Grid step and slot alignment, minutes. */
  slotStepMin: number;
  /** How long the two proposed options stay held for the patient to choose, minutes. */
  holdMinutes: number;
  /** The shortest idle gap worth a call to fill it (SCH-7), minutes. */
  gapMinMinutes: number;
  /** Usual length of a visit by type, minutes. */
  durationByKind: Record<Kind, number>;
  /** «Не пришёл» is refused until this many minutes after the start: till then the patient is late, not missing. */
  noShowGraceMin: number;
}

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = {
  slotStepMin: 15,
  holdMinutes: 5,
  gapMinMinutes: 30,
  durationByKind: { primary: 30, repeat: 60, checkup: 30, urgent: 30 },
  noShowGraceMin: 15,
};

/** Steps of offered start times a clinic may choose: they divide an hour, so every hour is a candidate. */
export const SLOT_STEPS = [5, 10, 15, 20, 30, 60] as const;
/** Bounds the settings page and the API enforce alike. */
export const SCHEDULE_BOUNDS = {
  holdMinutes: { min: 1, max: 30 },
  gapMinMinutes: { min: 10, max: 240 },
  duration: { min: 5, max: 480, multipleOf: 5 },
  noShowGraceMin: { min: 0, max: 120 },
} as const;

/** Settings from stored JSON, tolerant of missing or unknown keys. */
export function scheduleSettings(json: string | null | undefined): ScheduleSettings {
  let raw: Partial<ScheduleSettings> = {};
  try {
    raw = JSON.parse(json || '{}') as Partial<ScheduleSettings>;
  } catch {
    raw = {};
  }
  return {
    ...DEFAULT_SCHEDULE_SETTINGS,
    ...raw,
    durationByKind: { ...DEFAULT_SCHEDULE_SETTINGS.durationByKind, ...(raw.durationByKind ?? {}) },
  };
}

/** The length of a booking into a gap: the clinic's usual length for the type, cut to the gap (5 minutes at least). */
export function durationForGap(kind: Kind, gapMinutes: number, settings: ScheduleSettings): number {
  return Math.max(5, Math.min(gapMinutes, settings.durationByKind[kind]));
}
