import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditQuery } from '../src/contracts/audit.js';
import { auditRu } from '../web/src/i18n/audit.ru.js';
import { auditEn } from '../web/src/i18n/audit.en.js';

/**
 * Every audit action and object type a service writes has a label in Russian and English, and every
 * action can be chosen in the journal's filter (the page names only the actions of the filter's list):
 * a new area cannot leave raw names like "fiscal_retry" in the journal. The services are read as text:
 * each `auditEntry(…)`/`appendAudit(…)` call's `action:` and `objectType:` string literals.
 */
const SERVICES = fileURLToPath(new URL('../src/services', import.meta.url));

/** The argument text of each call to `name(` in s, parentheses balanced. */
function calls(s: string, name: string): string[] {
  const out: string[] = [];
  for (let at = s.indexOf(`${name}(`); at >= 0; at = s.indexOf(`${name}(`, at + 1)) {
    let i = at + name.length + 1;
    for (let depth = 1; depth > 0 && i < s.length; i++) depth += s[i] === '(' ? 1 : s[i] === ')' ? -1 : 0;
    out.push(s.slice(at, i));
  }
  return out;
}

/** String literals of a property's value expression (`action: a ? 'x' : 'y'`), skipping `'k' in obj` and `x === 'k'` tests. */
function literals(call: string, prop: string): string[] {
  const m = call.match(new RegExp(`\\b${prop}:\\s*([^\\n]*?)(?=,\\s*[a-zA-Z]+:|,?\\s*\\n|\\s*\\}|$)`));
  if (!m) return [];
  const expr = m[1]!.replace(/'[^']*'\s+in\s+\w+/g, '').replace(/[\w.]+\s*[!=]==?\s*'[^']*'/g, '');
  return [...expr.matchAll(/'([a-z_]+)'/g)].map((x) => x[1]!);
}

function written(): { actions: Set<string>; objectTypes: Set<string> } {
  const actions = new Set<string>();
  const objectTypes = new Set<string>();
  for (const f of fs.readdirSync(SERVICES).filter((n) => n.endsWith('.ts'))) {
    const s = fs.readFileSync(path.join(SERVICES, f), 'utf8');
    for (const c of [...calls(s, 'auditEntry'), ...calls(s, 'appendAudit')]) {
      for (const a of literals(c, 'action')) actions.add(a);
      for (const o of literals(c, 'objectType')) objectTypes.add(o);
    }
  }
  return { actions, objectTypes };
}

describe('audit labels', () => {
  const { actions, objectTypes } = written();

  it('the scan finds what the services write (including actions chosen by a condition)', () => {
    expect(objectTypes.size).toBeGreaterThan(30);
    for (const o of ['patient', 'bill', 'fiscal_outbox', 'checklist_day']) expect(objectTypes).toContain(o);
    for (const a of ['create', 'fiscal_retry', 'refund', 'checklist_untick', 'destroy']) expect(actions).toContain(a);
    for (const notAction of ['done_at', 'payment', 'destroyed']) expect(actions).not.toContain(notAction);
  });

  it('every object type a service writes is named in Russian and English', () => {
    const missing = [...objectTypes].filter((o) => !(o in auditRu.objectType) || !(o in auditEn.objectType));
    expect(missing).toEqual([]);
  });

  it('every action a service writes is named in Russian and English and offered in the filter', () => {
    const filter: readonly string[] = AuditQuery.shape.action.unwrap().options;
    const missing = [...actions].filter((a) => !(a in auditRu.auditAction) || !(a in auditEn.auditAction) || !filter.includes(a));
    expect(missing).toEqual([]);
  });

  it('every action of the filter has a label, and the labels are not the raw names', () => {
    for (const a of AuditQuery.shape.action.unwrap().options) {
      expect(auditRu.auditAction).toHaveProperty(a);
      expect(auditEn.auditAction).toHaveProperty(a);
    }
    for (const table of [auditRu.auditAction, auditRu.objectType, auditEn.auditAction, auditEn.objectType]) {
      for (const [k, v] of Object.entries(table)) expect(v, k).not.toMatch(/_|^$/);
    }
  });
});
