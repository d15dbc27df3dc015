import { v7 } from 'uuid';

/** A new UUID v7: time-ordered (good for indexes) and not guessable. */
export function newId(): string {
  return v7();
}
