/**
 * After treatment (DOC-4, DOC-7): which of a visit's services count as performed, the warranty term and
 * service life of each kind of work (the regulation on warranties, src/documents/defaults/warranties.ts,
 * says the same in words), and which leaflets and warranty coupons the desk should offer for the visit.
 */

/** A service of the visit: price-list code, name and tooth (FDI; null when the bill line names none). */
export interface PerformedService {
  code: string;
  name: string;
  tooth: string | null;
}

/**
 * What counts as performed: every line of the visit's bills (a bill line is a service rendered), and once the
 * visit is «Завершён» the services planned for it as well (the doctor did what was planned; the bill may come later).
 */
export function performedOf(status: string, billed: PerformedService[], planned: PerformedService[]): PerformedService[] {
  const out = [...billed];
  if (status === 'done') for (const p of planned) if (!out.some((b) => b.code === p.code)) out.push(p);
  return out;
}

/** A warranty term and service life in months; null months: «не устанавливается» / «по гарантии производителя». */
export interface WarrantyTerm {
  warrantyMonths: number | null;
  lifeMonths: number | null;
  /** Words for a term that is not a number of months. */
  note?: string;
}

const COMPOSITE: WarrantyTerm = { warrantyMonths: 12, lifeMonths: 24 };
const CEMENT: WarrantyTerm = { warrantyMonths: 6, lifeMonths: 12 };
const CANALS: WarrantyTerm = { warrantyMonths: 12, lifeMonths: 24 };
const INLAY: WarrantyTerm = { warrantyMonths: 12, lifeMonths: 36 };
const CROWN: WarrantyTerm = { warrantyMonths: 12, lifeMonths: 60 };
const REMOVABLE: WarrantyTerm = { warrantyMonths: 6, lifeMonths: 36 };
const NONE: WarrantyTerm = { warrantyMonths: null, lifeMonths: null, note: 'не устанавливается, результат — по плану лечения' };

/** The clinic's warranty terms by price-list code (the kinds of work of the regulation, section 2). */
export const WARRANTY_TERMS: Readonly<Record<string, WarrantyTerm>> = {
  'Т-01': COMPOSITE, 'Т-02': COMPOSITE, 'Т-03': COMPOSITE, 'Т-06': COMPOSITE, 'Т-07': COMPOSITE, 'Т-04': CEMENT, 'Т-05': NONE,
  'Д-02': CEMENT, 'Д-03': CEMENT, 'Д-04': CANALS,
  'Э-01': CANALS, 'Э-02': CANALS, 'Э-03': CANALS, 'Э-06': CANALS, 'Э-04': NONE,
  'О-03': INLAY, 'О-04': INLAY, 'О-01': CROWN, 'О-02': CROWN, 'О-05': CROWN, 'О-06': REMOVABLE, 'О-07': REMOVABLE, 'О-08': REMOVABLE,
  'И-01': { warrantyMonths: 12, lifeMonths: null, note: 'на имплантат — гарантия производителя' },
  'ОД-02': NONE, 'ОД-03': NONE, 'ОД-06': NONE, 'ОД-07': NONE, 'Г-01': NONE, 'ОБ-01': NONE, 'ОБ-02': NONE,
};

/** «1 год», «2 года», «5 лет», «6 месяцев». */
export function monthsText(months: number): string {
  if (months % 12 === 0) {
    const y = months / 12;
    return `${y} ${plural(y, 'год', 'года', 'лет')}`;
  }
  return `${months} ${plural(months, 'месяц', 'месяца', 'месяцев')}`;
}

function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return one;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
  return many;
}

/** The coupon's row for a performed service (null: the kind of work carries no warranty talk at all: a consultation, an X-ray, anaesthesia, an extraction). */
export function warrantyRow(s: PerformedService): { code: string; name: string; tooth: string; warranty: string; serviceLife: string } | null {
  const t = WARRANTY_TERMS[s.code];
  if (!t) return null;
  return {
    code: s.code,
    name: s.name,
    tooth: s.tooth ?? '',
    warranty: t.warrantyMonths != null ? monthsText(t.warrantyMonths) : t.note ?? 'не устанавливается',
    serviceLife: t.lifeMonths != null ? monthsText(t.lifeMonths) : t.warrantyMonths != null ? t.note ?? '—' : '—',
  };
}

export interface AftercareTemplate {
  code: string;
  kind: string;
  title: string;
  audience: string;
  serviceCodes: string[];
}

export interface AftercareOffer {
  templateCode: string;
  kind: 'leaflet' | 'warranty_coupon';
  title: string;
  /** The performed services the offer follows from. */
  codes: string[];
}

/**
 * What to offer after the visit's treatment: each leaflet whose services were performed, and both warranty
 * coupons when a performed service carries a warranty term; none that was already issued for this visit.
 */
export function aftercareOffers(templates: AftercareTemplate[], performed: PerformedService[], issuedForVisit: Set<string>): AftercareOffer[] {
  const codes = new Set(performed.map((p) => p.code));
  const out: AftercareOffer[] = [];
  for (const t of templates) {
    if (t.audience !== 'patient' || issuedForVisit.has(t.code)) continue;
    if (t.kind === 'leaflet') {
      const hit = t.serviceCodes.filter((c) => codes.has(c));
      if (hit.length) out.push({ templateCode: t.code, kind: 'leaflet', title: t.title, codes: hit });
    } else if (t.kind === 'warranty_coupon') {
      const hit = [...codes].filter((c) => WARRANTY_TERMS[c]?.warrantyMonths != null);
      if (hit.length) out.push({ templateCode: t.code, kind: 'warranty_coupon', title: t.title, codes: hit });
    }
  }
  return out;
}
