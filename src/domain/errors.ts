/**
 * The closed set of domain error codes. Each maps to one HTTP status in
 * src/server/plugins/errors.ts; the web app shows `detail` in the user's language.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'slot_taken',
  'invalid_transition',
  'too_many_attempts',
  'csrf_failed',
  'invalid_credentials',
  'password_policy',
  'payload_too_large',
  'unsupported_media_type',
  'uri_too_long',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A message in both shipped languages: Russian first. */
export interface Bilingual {
  ru: string;
  en: string;
}

export interface FieldError {
  /** Dotted path of the field in the request, e.g. `body.phones.0.number`. */
  field: string;
  message: Bilingual;
}

/**
 * The one error type of the domain and services. Routes never build HTTP errors
 * themselves: they throw this and the error plugin renders problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: Bilingual,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail.en);
    this.name = 'DomainError';
  }
}

/** Shorthand for a not-found error naming the kind of object in both languages. */
export function notFound(what: Bilingual): DomainError {
  return new DomainError('not_found', {
    ru: `${what.ru}: не найдено`,
    en: `${what.en} not found`,
  });
}

/** Shorthand for a single-field validation error raised by a rule (not by the schema). */
export function fieldError(field: string, message: Bilingual): DomainError {
  return new DomainError(
    'validation_failed',
    { ru: 'Проверьте введённые данные', en: 'Please check the entered data' },
    [{ field, message }],
  );
}
