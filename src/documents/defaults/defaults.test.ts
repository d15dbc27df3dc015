import { describe, expect, it } from 'vitest';
import { DIRECTIVES, DOCUMENT_KINDS, PLACEHOLDERS } from '../../domain/document-template-format.js';
import { defaultLegalReferences } from '../legal-references.js';
import { defaultTemplates } from './index.js';
import { defaultQuestions, questionGroups } from './questions.js';

const all = defaultTemplates;
const texts = () => all.map((t) => ({ code: t.code, text: `${t.title}\n${t.body}` }));

describe('default document package (#11)', () => {
  it('has unique codes', () => {
    const codes = all.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('covers every kind the issue requires', () => {
    const kinds = new Set(all.map((t) => t.kind));
    for (const k of DOCUMENT_KINDS) expect(kinds.has(k), k).toBe(true);
  });

  it('has exactly 15 consent forms and 6 leaflets', () => {
    expect(all.filter((t) => t.kind === 'consent')).toHaveLength(15);
    expect(all.filter((t) => t.kind === 'leaflet')).toHaveLength(6);
  });

  it('consent forms share one structure and sign with [[signatures]]', () => {
    const headings = (b: string) => b.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.replace(/^## \d+\. /, ''));
    const consents = all.filter((t) => t.kind === 'consent');
    const first = headings(consents[0]!.body);
    expect(first).toEqual(['Вмешательство и его цель', 'Метод', 'Ожидаемый результат', 'Альтернативные методы', 'Риски и возможные осложнения', 'Обязанности пациента', 'Последствия отказа', 'Подтверждение']);
    for (const c of consents) {
      expect(headings(c.body), c.code).toEqual(first);
      expect(c.body, c.code).toContain('[[signatures]]');
      expect(c.body, c.code).toContain('[[if child]]');
    }
  });

  it('uses only allowed placeholders, and every law key has a reference', () => {
    const allowed = new Set(Object.keys(PLACEHOLDERS));
    for (const { code, text } of texts()) {
      for (const m of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) expect(allowed.has(m[1]!), `${code}: ${m[1]}`).toBe(true);
    }
    for (const k of Object.keys(PLACEHOLDERS).filter((p) => p.startsWith('law.'))) {
      expect(defaultLegalReferences[k.slice(4) as keyof typeof defaultLegalReferences], k).toBeTruthy();
    }
  });

  it('has directives alone on their line, known, and every [[if]] closed', () => {
    for (const t of all) {
      let open = false;
      for (const line of t.body.split('\n')) {
        const inline = line.match(/\[\[([^\]]*)\]\]/);
        if (!inline) continue;
        expect(line.trim(), `${t.code}: ${line}`).toBe(`[[${inline[1]}]]`);
        const d = inline[1]!.trim();
        expect((DIRECTIVES as readonly string[]).includes(d), `${t.code}: ${d}`).toBe(true);
        if (d.startsWith('if ')) {
          expect(open, `${t.code}: nested if`).toBe(false);
          open = true;
        } else if (d === 'endif') {
          expect(open, `${t.code}: endif without if`).toBe(true);
          open = false;
        }
      }
      expect(open, `${t.code}: unclosed if`).toBe(false);
    }
  });

  it('has no Latin homoglyphs inside Russian words', () => {
    const mixed = /[А-Яа-яЁё][A-Za-z]|[A-Za-z][А-Яа-яЁё]/;
    const sources = [...texts().map((t) => t.text), ...defaultQuestions.map((q) => q.text), ...Object.values(defaultLegalReferences)];
    for (const s of sources) {
      const bad = s.split(/[\s«»().,;:!?—–"/-]+/).filter((w) => mixed.test(w) && !/^SMS-?/.test(w));
      expect(bad).toEqual([]);
    }
  });

  it('writes «ё» in common words', () => {
    const noYo = /(^|[^А-Яа-яЁё])(еще|ее|подтвержденн\S*|утвержденн\S*|проведенн\S*|ребенк\S*|ребенок|прием\S*|отек\S*)(?=$|[^А-Яа-яЁё])/i;
    const sources = [...texts().map((t) => t.text), ...defaultQuestions.map((q) => q.text), ...Object.values(defaultLegalReferences)];
    for (const s of sources) expect(s.match(noYo)?.[0] ?? null).toBeNull();
  });

  it('questions: unique ids, known groups, DOC-3 items map to the service card', () => {
    const ids = defaultQuestions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    const groups = new Set(questionGroups.map((g) => g.id));
    for (const q of defaultQuestions) expect(groups.has(q.group), q.id).toBe(true);
    for (const q of defaultQuestions.filter((x) => x.questionnaire === 'careful-questionnaire')) expect(q.serviceCardSection, q.id).toBeTruthy();
    for (const g of ['cardio', 'bleeding', 'allergy', 'endocrine', 'infection', 'neuro', 'respiratory', 'oncology', 'bisphosphonates', 'pregnancy', 'medicines']) {
      expect(defaultQuestions.some((q) => q.group === g), g).toBe(true);
    }
  });
});
