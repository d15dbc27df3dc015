/** Booleans are 0/1 integers on both engines. */
export type Bool = 0 | 1;
