import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { ERROR_CODES } from '../../domain/errors.js';
import type { RouteAccess } from '../../domain/permissions.js';
import { SESSION_COOKIE } from './auth.js';

/** The body of every error answer (see sendProblem in errors.ts). */
const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; `detail` in the language of Accept-Language (Russian by default)',
  required: ['type', 'title', 'status', 'code', 'detail', 'detail_ru', 'detail_en', 'errors'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: [...ERROR_CODES] },
    detail: { type: 'string' },
    detail_ru: { type: 'string' },
    detail_en: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Per-field errors: `field` is the dotted path in the request',
      items: {
        type: 'object',
        required: ['field', 'message', 'message_ru', 'message_en'],
        properties: { field: { type: 'string' }, message: { type: 'string' }, message_ru: { type: 'string' }, message_en: { type: 'string' } },
      },
    },
  },
} as const;

const WHY: Record<number, string> = {
  400: 'Неверные данные запроса (поля в errors) / Invalid request data (fields in errors)',
  401: 'Нет сеанса или он истёк: войдите снова / No session or it has expired: sign in again',
  403: 'Нет права на действие, нет заголовка X-CSRF-Token или сначала нужно сменить временный пароль / No permission, missing X-CSRF-Token, or the temporary password must be changed first',
  404: 'Объект не найден (или принадлежит другой клинике) / Not found (or belongs to another clinic)',
  409: 'Конфликт с текущим состоянием (время занято, недопустимый переход, данные одновременно меняют другие) / Conflict with the current state (time taken, transition not allowed, concurrent change)',
  429: 'Слишком много попыток, повторите позже (Retry-After) / Too many attempts, retry later (Retry-After)',
};

/** What the central rules below cannot see from the route: failures a public route has. */
const EXTRA: Record<string, number[]> = {
  'POST /api/auth/login': [401, 429],
};

/**
 * The 4xx answers an operation can give, from what the app enforces for every route:
 * validation of body, query and path (400); the session check, the permission matrix and
 * CSRF on writes (401, 403; see plugins/auth.ts); an object named in the path (404); every
 * write transaction, which can meet a conflicting one (409).
 */
export function problemStatuses(r: { method: string; url: string; access: RouteAccess | undefined; schema: Record<string, unknown> }): number[] {
  const out = new Set<number>(EXTRA[`${r.method} ${r.url}`] ?? []);
  const writes = !['GET', 'HEAD', 'OPTIONS'].includes(r.method);
  if (r.schema.body || r.schema.querystring || r.schema.params) out.add(400);
  if (r.access !== 'public') {
    out.add(401);
    if (r.access !== 'authenticated' || writes) out.add(403);
  }
  if (r.url.includes(':')) out.add(404);
  if (writes) out.add(409);
  return [...out].sort();
}

const problemResponse = (status: number) => ({
  description: WHY[status],
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * Swagger options: the document states each operation's security (the session cookie, or none
 * for public routes) and its problem+json answers, derived centrally from the route's declared
 * access so that no route file has to repeat them.
 */
export function swaggerOptions(): SwaggerOptions {
  return {
    openapi: {
      info: { title: 'Vizit API', version: '0.1.0', description: 'Клиника от входа до выхода / The clinic from entry to exit' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
        schemas: { Problem: PROBLEM_SCHEMA as never },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const route = input.route;
      const access = route.config?.access as RouteAccess | undefined;
      const schema = (out.schema ?? {}) as Record<string, unknown>;
      const method = [route.method].flat()[0];
      const responses: Record<string, unknown> = { ...(schema.response as Record<string, unknown> | undefined) };
      for (const s of problemStatuses({ method, url: route.url, access, schema })) responses[s] ??= problemResponse(s);
      return { ...out, schema: { ...schema, security: access === 'public' ? [] : [{ session: [] }], response: responses } };
    },
  };
}
