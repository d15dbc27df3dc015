import { addDays } from '../dates.js';

/**
 * Recall (a check-up is due): the patient's last finished visit lies between about 13 months
 * and half a year before the date. One rule for the desk's call list (SCH-7) and the owner's
 * statistics, so the two never count different patients.
 */
export const RECALL_WINDOW = { oldestDaysAgo: 400, latestDaysAgo: 182 } as const;

/** The clinic-local dates [oldest, latest] the last finished visit must fall in for recall to be due on `date`. */
export function recallWindow(date: string): { oldest: string; latest: string } {
  return { oldest: addDays(date, -RECALL_WINDOW.oldestDaysAgo), latest: addDays(date, -RECALL_WINDOW.latestDaysAgo) };
}
