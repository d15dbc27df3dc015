import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { MESSAGES, type MessageKey } from '../../contracts/common.js';
import { DomainError, type Bilingual, type ErrorCode, type FieldError } from '../../domain/errors.js';

/** The one place where domain error codes become HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  slot_taken: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  uri_too_long: 414,
  password_policy: 422,
  too_many_attempts: 429,
  internal_error: 500,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error',
};

function lang(req: FastifyRequest): 'ru' | 'en' {
  const al = String(req.headers['accept-language'] ?? 'ru').toLowerCase();
  return al.startsWith('en') ? 'en' : 'ru';
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: DomainError) {
  const status = STATUS[err.code];
  const l = lang(req);
  if (err.code === 'too_many_attempts' && typeof err.extra.retryAfter === 'number') reply.header('retry-after', String(err.extra.retryAfter));
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://vizit.local/problems/${err.code}`,
      title: TITLES[status] ?? 'Error',
      status,
      code: err.code,
      detail: err.detail[l],
      detail_ru: err.detail.ru,
      detail_en: err.detail.en,
      errors: err.errors.map((e) => ({ field: e.field, message: e.message[l], message_ru: e.message.ru, message_en: e.message.en })),
      ...Object.fromEntries(Object.entries(err.extra).filter(([k]) => k !== 'retryAfter')),
    });
}

const CHECK: Bilingual = { ru: 'Проверьте введённые данные', en: 'Please check the entered data' };

/** zod issue → a human message in both languages. */
function issueMessage(keyword: string, message: string, params: Record<string, unknown>): Bilingual {
  if (message in MESSAGES) return MESSAGES[message as MessageKey];
  const origin = params.origin;
  switch (keyword) {
    case 'invalid_type':
      if (/received undefined/.test(message)) return { ru: 'Обязательное поле', en: 'Required' };
      return { ru: `Неверный тип значения (ожидается ${typeRu(String(params.expected))})`, en: `Wrong type (expected ${String(params.expected)})` };
    case 'too_big':
      if (origin === 'string') return { ru: `Не более ${count(params.maximum, SYMBOLS)}`, en: `At most ${params.maximum} characters` };
      if (origin === 'array') return { ru: `Не более ${count(params.maximum, ITEMS)}`, en: `At most ${params.maximum} items` };
      return { ru: `Не больше ${params.maximum}`, en: `At most ${params.maximum}` };
    case 'too_small':
      if (origin === 'string') return Number(params.minimum) <= 1 ? { ru: 'Поле не может быть пустым', en: 'Must not be empty' } : { ru: `Не менее ${count(params.minimum, SYMBOLS)}`, en: `At least ${params.minimum} characters` };
      if (origin === 'array') return Number(params.minimum) <= 1 ? { ru: 'Выберите или добавьте хотя бы одно значение', en: 'Add at least one item' } : { ru: `Не менее ${count(params.minimum, ITEMS)}`, en: `At least ${params.minimum} items` };
      return { ru: `Не меньше ${params.minimum}`, en: `At least ${params.minimum}` };
    case 'invalid_format':
      return { ru: 'Неверный формат значения', en: 'Invalid format' };
    case 'invalid_value':
      return { ru: 'Недопустимое значение', en: 'Value not allowed' };
    case 'not_multiple_of':
      return { ru: `Значение должно быть кратно ${params.divisor}`, en: `Must be a multiple of ${params.divisor}` };
    case 'unrecognized_keys':
      return { ru: 'Неизвестное поле', en: 'Unknown field' };
    default:
      return { ru: 'Недопустимое значение', en: 'Invalid value' };
  }
}

const SYMBOLS = ['символа', 'символов', 'символов'] as const;
const ITEMS = ['элемента', 'элементов', 'элементов'] as const;

/** «не более 1 символа / 3 символов / 100 символов»: the genitive after «не более/не менее». */
function count(n: unknown, forms: readonly [string, string, string]): string {
  const v = Number(n);
  return `${v} ${v % 10 === 1 && v % 100 !== 11 ? forms[0] : forms[1]}`;
}

function typeRu(t: string): string {
  return ({ string: 'строка', number: 'число', boolean: 'да/нет', object: 'объект', array: 'список' } as Record<string, string>)[t] ?? t;
}

function fromValidation(err: FastifyError & { validation: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }[] }): DomainError {
  const errors: FieldError[] = [];
  for (const v of err.validation) {
    const base = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys)) {
      for (const k of v.params.keys as string[]) errors.push({ field: base ? `${base}.${k}` : k, message: issueMessage(v.keyword, '', v.params) });
    } else {
      errors.push({ field: base || String(err.validationContext ?? 'body'), message: issueMessage(v.keyword, v.message ?? '', v.params) });
    }
  }
  return new DomainError('validation_failed', CHECK, errors);
}

/** Errors the router raises before any route runs (too long or malformed URLs). */
export function frameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(req, reply, new DomainError('uri_too_long', { ru: 'Слишком длинный адрес запроса', en: 'The request address is too long' }));
  }
  return sendProblem(req, reply, new DomainError('validation_failed', { ru: 'Некорректный адрес запроса', en: 'Malformed request address' }));
}

/** PostgreSQL cannot store U+0000 in text, and no clinic text needs it: refuse it with the field, before any handler. */
export function installNulGuard(app: FastifyInstance) {
  const find = (v: unknown, path: string): string | null => {
    if (typeof v === 'string') return v.includes('\u0000') ? path : null;
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const hit = find(x, path ? `${path}.${k}` : k);
        if (hit) return hit;
      }
    }
    return null;
  };
  app.addHook('preValidation', async (req) => {
    const field = find(req.body, '') ?? find(req.query, '') ?? find(req.params, '');
    if (field !== null) {
      throw new DomainError('validation_failed', CHECK, [{ field: field || 'body', message: { ru: 'Недопустимый символ (NUL)', en: 'Forbidden character (NUL)' } }]);
    }
  });
}

/** Every error leaves as application/problem+json; nothing else (and no stack) reaches the client. */
export function installErrors(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof DomainError) return sendProblem(req, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) return sendProblem(req, reply, fromValidation(error as never));
    const code = error.code ?? '';
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(req, reply, new DomainError('payload_too_large', { ru: 'Слишком большой запрос', en: 'Request too large' }));
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(req, reply, new DomainError('unsupported_media_type', { ru: 'Ожидается JSON (application/json)', en: 'JSON (application/json) expected' }));
    if (code.startsWith('FST_ERR_CTP_') || (error as { statusCode?: number }).statusCode === 400) {
      return sendProblem(req, reply, new DomainError('validation_failed', { ru: 'Некорректный JSON в запросе', en: 'Malformed JSON in the request' }, [{ field: 'body', message: { ru: 'Некорректный JSON', en: 'Malformed JSON' } }]));
    }
    if (error.statusCode === 429) return sendProblem(req, reply, new DomainError('too_many_attempts', { ru: 'Слишком много запросов, повторите позже', en: 'Too many requests, try again later' }));
    if (error.statusCode === 403) return sendProblem(req, reply, new DomainError('forbidden', { ru: 'Доступ запрещён', en: 'Forbidden' }));
    if (error.statusCode === 404) return sendProblem(req, reply, new DomainError('not_found', { ru: 'Не найдено', en: 'Not found' }));
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, new DomainError('internal_error', { ru: 'Внутренняя ошибка сервера. Данные не сохранены, повторите попытку', en: 'Internal server error. Nothing was saved, please retry' }));
  });
}
