import type { Problem } from '../../../src/contracts/common.js';

/** One per-field message of a problem+json answer, in both languages. */
export type FieldProblem = Problem['errors'][number];

/**
 * An error answer of the API (application/problem+json), or a network failure
 * (status 0, code 'network'). Carries both languages so the UI can re-render on a switch.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detailRu: string;
  readonly detailEn: string;
  readonly errors: FieldProblem[];

  constructor(p: { status: number; code: string; detail_ru: string; detail_en: string; errors?: FieldProblem[] }) {
    super(p.detail_en || p.code);
    this.name = 'ApiError';
    this.status = p.status;
    this.code = p.code;
    this.detailRu = p.detail_ru;
    this.detailEn = p.detail_en;
    this.errors = p.errors ?? [];
  }

  /** The human message in the given UI language. */
  detailIn(lang: string): string {
    return lang.startsWith('en') ? this.detailEn || this.detailRu : this.detailRu || this.detailEn;
  }
}

let csrfToken: string | null = null;
let language = 'ru';
let onUnauthorized: (() => void) | null = null;

/** The header a hand-made write (e.g. a fetch answered with a PDF) carries, like every api() write. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** Remember the token from GET /auth/session or the login answer; sent on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as Accept-Language so server messages match the screen. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called on any 401 outside the auth endpoints themselves: the session is gone. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** '?a=1&b=x' from the defined, non-empty values of `query` ('' when none). */
export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Calls the API under /api. Resolves with the parsed JSON body (undefined for 204);
 * rejects with ApiError for any non-2xx answer or a network failure.
 */
export async function api<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`/api${path}${toQueryString(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network',
      detail_ru: 'Нет связи с сервером. Проверьте сеть и повторите.',
      detail_en: 'No connection to the server. Check the network and try again.',
    });
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;

  const error = toApiError(res.status, data);
  // A wrong current password (invalid_credentials) is not a lost session.
  const isAuthCall = path.startsWith('/auth/me') || path.startsWith('/auth/login');
  if (res.status === 401 && !isAuthCall && error.code !== 'invalid_credentials') onUnauthorized?.();
  throw error;
}

function toApiError(status: number, data: unknown): ApiError {
  const p = (data ?? {}) as Partial<Problem>;
  const fallbackRu = `Ошибка сервера (${status}). Повторите попытку или обратитесь к администратору системы.`;
  const fallbackEn = `Server error (${status}). Try again or contact the system administrator.`;
  return new ApiError({
    status,
    code: p.code ?? `http_${status}`,
    detail_ru: p.detail_ru ?? p.detail ?? fallbackRu,
    detail_en: p.detail_en ?? p.detail ?? fallbackEn,
    // Paths are relative to the body or query ('phones.0.number'); drop a 'body.' prefix if any.
    errors: Array.isArray(p.errors)
      ? p.errors.map((e) => ({ ...e, field: String(e.field ?? '').replace(/^(body|querystring|query|params)\./, '') }))
      : [],
  });
}
