import type { CallScriptsTable } from '../db/schema.js';
import { DEFAULT_CALL_SCRIPT } from '../domain/calls/call-script.js';

/**
 * The demo clinic's phone script (CALL-3): the seed's defaults as the chief doctor saved them a
 * day after opening, with the facts the desk gives anyone who asks (CALL-7) filled in.
 */
export function demoCallScript(o: { clinicId: string; chiefId: string; foundedYear: number; savedAt: string; id: string }): CallScriptsTable {
  const script = {
    ...DEFAULT_CALL_SCRIPT,
    facts: {
      foundedYear: o.foundedYear,
      equipment: 'Операционный микроскоп, радиовизиограф, ортопантомограф (панорамные снимки на месте), автоклав класса B, стоматологические установки европейского производства.',
      materials: 'Светоотверждаемые композиты и стеклоиономерные цементы известных производителей, имплантаты с сертификатами Росздравнадзора; анестетики на основе артикаина.',
    },
  };
  return { id: o.id, clinic_id: o.clinicId, version: 1, script_json: JSON.stringify(script), created_by: o.chiefId, created_at: o.savedAt };
}
