import { describe, expect, it } from 'vitest';
import { DEMO_PRICES } from '../src/demo/demo-prices.js';
import { defaultTemplates } from '../src/documents/defaults/index.js';
import { patientDocumentPdf, type DocumentSnapshot } from '../src/documents/patient-document.js';
import { renderPdf } from '../src/documents/render.js';
import { fillTemplate } from '../src/documents/template-markup.js';
import { questionsFor } from '../src/services/documents-templates.service.js';
import { pdfText } from './support/pdf-text.js';

const flat = (s: string) => s.replace(/\s+/g, ' ');

export function sampleSnapshot(body: string, over: Partial<DocumentSnapshot> = {}): DocumentSnapshot {
  return {
    v: 1, number: '1-20261123-TEST', title: 'Т', date: '2026-11-23', issuedAt: '2026-11-23T09:00:00.000Z',
    clinic: { name: 'Улыбка', legalName: 'ООО «Улыбка»', address: 'Москва', phone: null, inn: '7701000000', licence: null },
    patient: { fullName: 'Образцова Анна Сергеевна', birthDate: '1990-03-15' }, child: false,
    signer: { role: 'patient', fullName: 'Образцова Анна Сергеевна', relation: null }, doctor: { fullName: 'Орлова Мария' }, services: [],
    blocks: fillTemplate(body, {}, false), ...over,
  };
}

describe('document rendering gaps (issue #11)', () => {
  it('every consent and leaflet names real codes of the demo price list', () => {
    const codes = new Set(DEMO_PRICES.map((p) => p.code));
    for (const t of defaultTemplates.filter((x) => x.kind === 'consent' || x.kind === 'leaflet')) {
      for (const c of t.serviceCodes ?? []) expect(codes.has(c), `${t.code}: ${c}`).toBe(true);
    }
    const general = defaultTemplates.filter((x) => x.kind === 'consent' && !(x.serviceCodes ?? []).length).map((x) => x.code);
    expect(general).toEqual(['consent-general']);
  });

  it('[[questions]] prints a table of every question, grouped, with «Да» / «Нет» columns', async () => {
    const groups = questionsFor('health_questionnaire');
    const pdf = await renderPdf(patientDocumentPdf(sampleSnapshot('# Анкета\n\n[[questions]]', { questions: groups }), null));
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Вопрос Да Нет');
    for (const g of groups) {
      expect(text).toContain(g.title);
      for (const q of g.items) expect(text).toContain(flat(q.text).slice(0, 40));
    }
  });

  it('[[plan-table]] prints tooth, diagnosis, service, quantity, price, sum and stage for 30 rows, with the total', async () => {
    const services = Array.from({ length: 30 }, (_, i) => ({ code: DEMO_PRICES[i].code, name: DEMO_PRICES[i].name, price: 100_000 + i * 1000, quantity: 1 + (i % 2), tooth: String(11 + (i % 8)), diagnosis: 'K02.1', stage: `${1 + Math.floor(i / 10)}` }));
    const total = services.reduce((s, x) => s + x.price * x.quantity, 0) / 100;
    const pdf = await renderPdf(patientDocumentPdf(sampleSnapshot('# План\n\n[[plan-table]]\n\n[[signatures]]', { services }), null));
    const text = flat(await pdfText(pdf)).replace(/\u00a0/g, ' ');
    expect(text).toContain('Зуб (FDI)');
    expect(text).toContain(services[29].name.slice(0, 30));
    expect(text).toContain(`Итого ${total.toLocaleString('ru-RU').replace(/\u00a0/g, ' ')}`);
  });
});
