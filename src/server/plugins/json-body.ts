import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.js';

/** No request of this API nests deeper than a few levels; 32 leaves room and stops stack-eating bodies. */
export const MAX_JSON_DEPTH = 32;

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without parsing and
 * without recursion (brackets inside strings do not count). Stops counting once past `limit`.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * JSON bodies are checked for depth before anything parses or walks them: a body like
 * `[[[[…]]]]` five thousand deep would otherwise overflow the stack of every recursive walker
 * (the NUL guard, validation) and answer 500. Parsing itself stays Fastify's own (prototype
 * poisoning checks included).
 */
export function installJsonBodyParser(app: FastifyInstance) {
  // Fastify's defaults: a body with __proto__ or constructor.prototype is refused.
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body: string, done) => {
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      done(
        new DomainError(
          'validation_failed',
          { ru: `Слишком глубокая вложенность JSON (не более ${MAX_JSON_DEPTH} уровней)`, en: `JSON nested too deeply (at most ${MAX_JSON_DEPTH} levels)` },
          [{ field: 'body', message: { ru: 'Слишком глубокая вложенность', en: 'Nested too deeply' } }],
        ),
        undefined,
      );
      return;
    }
    parse(req, body, done);
  });
}
