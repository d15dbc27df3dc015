import { DIRECTIVES, PLACEHOLDERS } from '../domain/document-template-format.js';
import { defaultLegalReferences } from './legal-references.js';

/**
 * The template markup of src/domain/document-template-format.ts: parsed into blocks, validated (an
 * unknown placeholder or directive is refused with its name), and filled into the snapshot a
 * patient's document keeps for ever.
 */

export type Block =
  | { t: 'title'; text: string }
  | { t: 'heading'; text: string }
  | { t: 'para'; text: string }
  | { t: 'item'; text: string }
  | { t: 'directive'; name: 'signatures' | 'plan-table' | 'services-table' | 'questions' };

export interface TemplateProblem {
  line: number;
  ru: string;
  en: string;
}

/** Every placeholder name a template may use: the format's list plus every legal reference key. */
export function allowedPlaceholders(extraLawKeys: readonly string[] = []): Set<string> {
  return new Set([...Object.keys(PLACEHOLDERS), ...Object.keys(defaultLegalReferences).map((k) => `law.${k}`), ...extraLawKeys.map((k) => `law.${k}`)]);
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
const DIRECTIVE_LINE = /^\[\[\s*(.*?)\s*\]\]$/;

/** The problems of a body: unknown placeholders and directives, unbalanced conditions, a missing title. */
export function checkTemplate(body: string, extraLawKeys: readonly string[] = []): TemplateProblem[] {
  const allowed = allowedPlaceholders(extraLawKeys);
  const problems: TemplateProblem[] = [];
  let open: { cond: string; line: number } | null = null;
  body.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    for (const m of s.matchAll(PLACEHOLDER)) {
      if (!allowed.has(m[1])) problems.push({ line, ru: `Неизвестная подстановка {{${m[1]}}} (строка ${line})`, en: `Unknown placeholder {{${m[1]}}} (line ${line})` });
    }
    const d = DIRECTIVE_LINE.exec(s);
    if (d) {
      const name = d[1].replace(/\s+/g, ' ');
      if (!(DIRECTIVES as readonly string[]).includes(name)) {
        problems.push({ line, ru: `Неизвестная команда [[${name}]] (строка ${line})`, en: `Unknown directive [[${name}]] (line ${line})` });
      } else if (name.startsWith('if ')) {
        if (open) problems.push({ line, ru: `[[${name}]] внутри [[${open.cond}]] (строка ${line}): вложенные условия не поддерживаются`, en: `[[${name}]] inside [[${open.cond}]] (line ${line}): nested conditions are not supported` });
        open = { cond: name, line };
      } else if (name === 'endif') {
        if (!open) problems.push({ line, ru: `[[endif]] без [[if …]] (строка ${line})`, en: `[[endif]] without [[if …]] (line ${line})` });
        open = null;
      }
    } else if (s.includes('[[') && s.includes(']]')) {
      const name = /\[\[\s*(.*?)\s*\]\]/.exec(s)![1];
      problems.push({ line, ru: `Команда [[${name}]] должна стоять на отдельной строке (строка ${line})`, en: `Directive [[${name}]] must stand alone on its line (line ${line})` });
    }
  });
  if (open) {
    const o = open as { cond: string; line: number };
    problems.push({ line: o.line, ru: `[[${o.cond}]] (строка ${o.line}) не закрыто [[endif]]`, en: `[[${o.cond}]] (line ${o.line}) is not closed by [[endif]]` });
  }
  if (!body.split(/\r?\n/).some((l) => l.trim().startsWith('# '))) problems.push({ line: 1, ru: 'Нет заголовка документа (строка «# …»)', en: 'The document has no title (a «# …» line)' });
  return problems;
}

/** Fills placeholders: unknown or empty values print as a blank line to fill by hand. */
export function fillText(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    return v && v.trim() ? v : '________________';
  });
}

/** The blocks of a body for a child (under 15) or an adult, placeholders filled. */
export function fillTemplate(body: string, values: Record<string, string>, child: boolean): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let skipping = false;
  const flush = () => {
    if (para.length) blocks.push({ t: 'para', text: fillText(para.join(' '), values) });
    para = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const s = raw.trim();
    const d = DIRECTIVE_LINE.exec(s);
    if (d) {
      const name = d[1].replace(/\s+/g, ' ');
      flush();
      if (name === 'if child') skipping = !child;
      else if (name === 'if adult') skipping = child;
      else if (name === 'endif') skipping = false;
      else if (!skipping) blocks.push({ t: 'directive', name: name as 'signatures' });
      continue;
    }
    if (skipping) continue;
    if (!s) flush();
    else if (s.startsWith('## ')) {
      flush();
      blocks.push({ t: 'heading', text: fillText(s.slice(3), values) });
    } else if (s.startsWith('# ')) {
      flush();
      blocks.push({ t: 'title', text: fillText(s.slice(2), values) });
    } else if (s.startsWith('- ')) {
      flush();
      blocks.push({ t: 'item', text: fillText(s.slice(2), values) });
    } else para.push(s);
  }
  flush();
  return blocks;
}

/** `**bold**` runs of a filled line. */
export function inlineRuns(text: string): { text: string; bold: boolean }[] {
  const parts = text.split('**');
  return parts.map((p, i) => ({ text: p, bold: i % 2 === 1 })).filter((r) => r.text !== '');
}

/** Whole years between a birth date and a date, both YYYY-MM-DD. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A child for documents: under 15 (323-FZ art. 54: from 15 the patient consents alone). */
export const isChild = (birthDate: string | null, on: string) => !!birthDate && ageOn(birthDate, on) < 15;
