import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../src/documents/defaults/index.js';
import { DOCUMENT_KINDS } from '../src/domain/document-template-format.js';
import { checkTemplate, fillTemplate, isChild } from '../src/documents/template-markup.js';

describe('document template markup (issue #11)', () => {
  it('every default template passes the validator, has a unique code and a known kind', () => {
    const codes = new Set<string>();
    for (const t of defaultTemplates) {
      expect(checkTemplate(t.body), t.code).toEqual([]);
      expect(DOCUMENT_KINDS, t.code).toContain(t.kind);
      expect(codes.has(t.code), t.code).toBe(false);
      expect(t.code).toMatch(/^[a-z0-9_-]{1,60}$/);
      codes.add(t.code);
    }
  });

  it('names an unknown placeholder and directive, unbalanced conditions', () => {
    const p = checkTemplate('# Т\n{{patient.shoeSize}}\n[[stamp]]\n[[if child]]\nа\n[[if adult]]\n[[endif]]\n[[endif]]');
    const ru = p.map((x) => x.ru).join('\n');
    expect(ru).toContain('{{patient.shoeSize}}');
    expect(ru).toContain('[[stamp]]');
    expect(ru).toContain('вложенные');
    expect(ru).toContain('[[endif]] без');
  });

  it('fills blocks for a child or an adult; a child is under 15 on the document date', () => {
    const body = '# Договор\n\n[[if child]]\nПредставитель {{representative.fullName}}\n[[endif]]\n[[if adult]]\nПациент {{patient.fullName}}\n[[endif]]\n\n- пункт **важный**\n[[signatures]]';
    const v = { 'representative.fullName': 'Иванова А. А.', 'patient.fullName': 'Иванов Б. Б.' };
    expect(fillTemplate(body, v, true).map((b) => ('text' in b ? b.text : b.name))).toEqual(['Договор', 'Представитель Иванова А. А.', 'пункт **важный**', 'signatures']);
    expect(fillTemplate(body, v, false).map((b) => ('text' in b ? b.text : b.name))).toEqual(['Договор', 'Пациент Иванов Б. Б.', 'пункт **важный**', 'signatures']);
    expect(isChild('2011-11-24', '2026-11-23')).toBe(true);
    expect(isChild('2011-11-23', '2026-11-23')).toBe(false);
    expect(isChild(null, '2026-11-23')).toBe(false);
  });
});
