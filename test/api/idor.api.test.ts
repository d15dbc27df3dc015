import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { can, type RouteAccess } from '../../src/domain/permissions.js';
import { QUALITY_KEYS } from '../../src/domain/calls/call-quality.js';
import { ROLES, type Role } from '../../src/domain/roles.js';
import { as, signIn, startTestApp, type Session, type TestApp } from '../support/app.js';
import { msk } from '../support/schedule-fixture.js';
import { ALL_CLINIC_TABLES, seedObjects, seedSecondClinic, snapshotClinic, TODAY, TOMORROW, type ClinicObjects } from '../support/second-clinic.js';
import { DIALECTS } from '../support/test-db.js';

type Kind = keyof ClinicObjects['ids'];
type Op = { requestBody?: unknown; parameters?: { in: string; name: string; required?: boolean }[] };
type Doc = { paths: Record<string, Record<string, Op>> };

/** Which kind of object a path parameter names; a new route with an unknown one fails the test until it is added here. */
const BY_SEGMENT: Record<string, Kind> = {
  branches: 'branch', chairs: 'chair', 'info-sources': 'source', staff: 'user', doctors: 'doctor', patients: 'patient',
  appointments: 'appointment', 'waiting-list': 'waiting', notifications: 'notification', 'pd-destructions': 'destruction',
  'price-list': 'price', incidents: 'incident', 'opening-checklist': 'checklistItem',
  insurers: 'insurer', 'insurance-policies': 'policy', 'insurance-bills': 'insuredBill', 'insurance-registers': 'register', 'tax-certificates': 'taxCertificate',
  bills: 'bill', payments: 'payment', cash: 'shift', 'fiscal-outbox': 'fiscalReceipt',
  calls: 'call',
  team: 'message', tasks: 'task', training: 'trainingItem',
  'recall-rules': 'recallRule',
  documents: 'document',
  messages: 'outboxMessage',
};
/** Parameters that are not object ids: a calendar date is per clinic by construction; the feed file is a public secret (tested below). */
const NOT_IDS = new Set(['date', 'file', 'role', 'version', 'code', 'key', 'token']);
function kindOf(path: string, param: string): Kind | null {
  if (NOT_IDS.has(param)) return null;
  if (param === 'exceptionId') return 'exception';
  if (param === 'group') return 'hold';
  const kind = BY_SEGMENT[path.split('/')[2]];
  if (!kind) throw new Error(`${path} {${param}}: which kind of object is it? Add it to BY_SEGMENT`);
  return kind;
}
const ID_QUERY: Record<string, Kind> = { doctorId: 'doctor', branchId: 'branch', patientId: 'patient', userId: 'user', chairId: 'chair', insurerId: 'insurer' };

/** A valid body per write route with path parameters, so the call reaches the ownership check and not the validator. */
const BODIES: Record<string, (own: ClinicObjects) => unknown> = {
  'POST /api/fiscal-outbox/{id}/manual': () => ({ reason: 'Захват' }),
  'PATCH /api/branches/{id}': () => ({ name: 'Захват' }),
  'PATCH /api/chairs/{id}': () => ({ name: 'Захват' }),
  'PATCH /api/info-sources/{id}': () => ({ name: 'Захват' }),
  'PATCH /api/staff/{id}': () => ({ fullName: 'Захват' }),
  'PATCH /api/doctors/{id}': () => ({ position: 'Захват' }),
  'PUT /api/doctors/{id}/hours': (o) => ({ hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, branchId: o.ids.branch, chairId: o.ids.chair, starts: '09:00', ends: '21:00' })) }),
  'POST /api/doctors/{id}/exceptions': () => ({ kind: 'day_off', dateFrom: '2027-01-11', dateTo: '2027-01-11' }),
  'PATCH /api/patients/{id}': () => ({ note: 'Захват' }),
  'POST /api/patients/{id}/service-card': () => ({ section: 'svc4', text: 'Захват', eventDate: TODAY }),
  'PATCH /api/appointments/{id}': () => ({ comment: 'Захват' }),
  'POST /api/appointments/{id}/status': () => ({ to: 'confirmed' }),
  'POST /api/appointments/{id}/events': () => ({ kind: 'review_requested' }),
  'PATCH /api/waiting-list/{id}': () => ({ note: 'Захват' }),
  // Both seeded patients hold card 1 in their clinics: the attacker knows the number, only the clinic differs.
  'POST /api/patients/{id}/destruction': () => ({ reason: 'subject_request', basis: 'Захват', confirmCardNumber: 1 }),
  'PATCH /api/price-list/{id}': () => ({ name: 'Захват' }),
  'POST /api/price-list/{id}/versions': () => ({ validFrom: '2027-02-01', priceMin: 100 }),
  'POST /api/incidents/{id}/notes': () => ({ text: 'Захват' }),
  'POST /api/incidents/{id}/resolve': () => ({ resolution: 'Захват' }),
  'PUT /api/opening-checklist/items/{id}/today': () => ({ done: true, note: 'Захват' }),
  'PATCH /api/insurers/{id}': () => ({ note: 'Захват' }),
  'POST /api/insurers/{id}/programmes': () => ({ name: 'Захват' }),
  'POST /api/patients/{id}/insurance/policies': (o) => ({ insurerId: o.ids.insurer, number: 'Захват-1', validFrom: '2026-01-01', validTo: '2026-12-31' }),
  'POST /api/insurance-policies/{id}/letters': () => ({ number: 'Захват-ГП', issuedOn: '2026-11-01', validTo: '2026-12-31', limit: 100_000, covers: 'Захват' }),
  'POST /api/insurance-bills/{id}': (o) => ({ policyId: o.ids.policy, letterId: o.ids.letter }),
  // The register holds one 5 500 ₽ filling (the seeded price).
  'POST /api/insurance-registers/{id}/payment': () => ({ amount: 550_000, paidOn: TODAY }),
  'POST /api/patients/{id}/tax-certificates': () => ({ year: 2026, serviceCode: 1, taxpayer: { relation: 'self', fullName: 'Захват', birthDate: '1990-01-01', document: 'Захват' } }),
  // The controls run in route order on A's seeded draft bill: lines, issue, then cancel (no money on it).
  'PUT /api/bills/{id}/lines': (o) => ({ lines: [{ priceItemId: o.ids.price, quantity: 1 }] }),
  'POST /api/bills/{id}/cancel': () => ({ reason: 'Захват' }),
  'POST /api/cash/shifts/{id}/close': () => ({ countedCash: 0 }),
  'POST /api/payments/{id}/refund': () => ({ amount: 100, reason: 'Захват' }),
  'POST /api/team/messages/{id}/task': () => ({}),
  'POST /api/tasks/{id}/close': () => ({ status: 'done', outcome: 'Захват' }),
  'POST /api/training/items/{id}': () => ({ done: true }),
  'PATCH /api/recall-rules/{id}': () => ({ months: 12 }),
  'POST /api/patients/{id}/documents': () => ({ templateCode: 'contract' }),
  'PUT /api/patients/{id}/representative': () => ({ fullName: 'Захват', document: null, relation: null, phone: null }),
  'POST /api/documents/{id}/sign': () => ({ signaturePng: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' }),
  'POST /api/documents/{id}/paper': () => ({ date: TODAY }),
  'POST /api/documents/{id}/refuse': () => ({ reason: 'Захват' }),
  'PUT /api/appointments/{id}/planned-services': () => ({ codes: [] }),
  'PUT /api/documents/{id}/answers': () => ({ source: 'staff', answers: [{ questionId: 'allergy-latex', yes: true, text: null }] }),
  'PUT /api/patients/{id}/survey-consent': () => ({ status: 'agreed', preferredTime: null, channel: 'phone' }),
  'POST /api/patients/{id}/survey-calls': () => ({ outcome: 'not_reached' }),
  'PUT /api/calls/{id}/quality': () => ({ items: Object.fromEntries(QUALITY_KEYS.map((k) => [k, true])) }),
  'POST /api/doctors/{id}/survey-reviews': () => ({ meetingDate: TODAY, participants: 'Захват', text: 'Захват' }),
  'PUT /api/appointments/{id}/leaving': () => ({ nextVisit: 'booked', reviewSite: null, flyers: false, gift: false }),
  'PUT /api/patients/{id}/mailing-consents': () => ({ channel: 'email', agreed: false }),
  // The seeded SMS waits for a person (no gateway): cancelling it is the control.
  'POST /api/messages/{id}/status': () => ({ status: 'cancelled' }),
};
/** Controls that change a document's state: each gets a freshly issued contract of its own. */
const FRESH_DOCUMENT = new Set(['POST /api/documents/{id}/sign', 'POST /api/documents/{id}/paper', 'POST /api/documents/{id}/refuse']);
/** A questionnaire's answers: the control gets a freshly issued health questionnaire (the seeded document is a contract). */
const QUESTIONNAIRE_DOCUMENT = new Set(['GET /api/documents/{id}/answers', 'PUT /api/documents/{id}/answers']);
/** The leaving panel is for a finished visit: its control finishes A's arrived visit first. */
const FINISHED_VISIT = new Set(['PUT /api/appointments/{id}/leaving']);
/** Routes whose control call would destroy A's seeded patient: they get a patient of their own. */
const DESTRUCTIVE = new Set(['POST /api/patients/{id}/destruction']);
const QUERY_SAMPLES = (own: ClinicObjects): Record<string, string> => ({ date: TODAY, from: TODAY, to: TODAY, doctorId: own.ids.doctor, year: '2026', limit: '100', table: 'days', branchId: own.ids.branch, insurerId: own.ids.insurer, month: TODAY.slice(0, 7) });

const isProblem = (r: LightMyRequestResponse) => /application\/problem\+json/.test(String(r.headers['content-type']));

describe.each(DIALECTS)('IDOR: clinic A never reaches clinic B’s objects (%s)', (dialect) => {
  let t: TestApp;
  let A: ClinicObjects;
  let B: ClinicObjects;
  let doc: Doc;
  const sessions = {} as Record<Role, Session>;
  const call = (role: Role) => as(t.app, sessions[role]);
  const accessOf = (method: string, path: string): RouteAccess => {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    const r = t.app.routeAccess.find((x) => x.method === method && x.url === url);
    if (!r) throw new Error(`no declared access for ${method} ${url}`);
    return r.access;
  };
  /** None of B's ids and none of its tagged texts, anywhere in an answer to A. */
  const leaks = (body: string) => [...Object.values(B.ids), B.tag, B.patientSurname, B.phone].filter((s) => body.includes(s));

  beforeAll(async () => {
    t = await startTestApp(dialect);
    A = await seedObjects(t.app, t.fx, 'А-клиника', 1_000_001);
    B = await seedSecondClinic(t.app, t.h);
    for (const role of ROLES) sessions[role] = await signIn(t.app, t.fx.users[role].login);
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  }, 120_000);
  afterAll(() => t?.close());

  it('compares every table that carries clinic_id (a new table cannot slip past the before/after check)', async () => {
    const tables = dialect === 'sqlite'
      ? (await sql<{ name: string }>`select m.name from sqlite_master m, pragma_table_info(m.name) c where m.type = 'table' and c.name = 'clinic_id'`.execute(t.h.db)).rows
      : (await sql<{ name: string }>`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'clinic_id'`.execute(t.h.db)).rows;
    expect(tables.map((r) => r.name).sort()).toEqual([...ALL_CLINIC_TABLES].sort());
  });

  it('B’s ids in every path parameter, as every role allowed the route: 404 (or 403), problem+json, B unchanged; A’s own ids work', async () => {
    const before = await snapshotClinic(t.h.db, B.ids.clinic);
    const controls: (() => Promise<void>)[] = [];
    let attacks = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const kinds = params.map((p) => kindOf(path, p));
      if (!params.length || kinds.some((k) => k === null)) continue;
      for (const [m, op] of Object.entries(methods)) {
        const method = m.toUpperCase() as 'GET';
        const key = `${method} ${path}`;
        const access = accessOf(method, path);
        const sample = BODIES[key];
        if (op.requestBody && !sample) throw new Error(`${key}: add a valid body to BODIES`);
        const url = (owners: ClinicObjects[]) => path.replace(/\{(\w+)\}/g, (_, p: string) => owners[params.indexOf(p)].ids[kinds[params.indexOf(p)]!]);
        // Every mix with at least one of B's ids: a doctor of A with an absence of B is B's absence all the same.
        const mixes: ClinicObjects[][] = [];
        for (let mask = 1; mask < 1 << params.length; mask++) mixes.push(params.map((_, i) => ((mask >> i) & 1 ? B : A)));
        const roles = ROLES.filter((r) => can(r, access));
        expect(roles, key).toContain('owner');
        for (const role of roles) {
          for (const mix of mixes) {
            const res = await call(role)(method, url(mix), sample?.(A));
            attacks++;
            const what = `${role} ${method} ${url(mix)} → ${res.statusCode} ${res.body.slice(0, 160)}`;
            expect([403, 404], what).toContain(res.statusCode);
            expect(isProblem(res), what).toBe(true);
            expect(leaks(res.body), what).toEqual([]);
          }
        }
        // The same call with A's own ids succeeds, so the 404 above came from ownership and not from a bad request.
        const controlRole: Role = path.startsWith('/api/notifications') ? 'dentist' : 'owner';
        controls.push(async () => {
          let target = url(params.map(() => A));
          let body = sample?.(A);
          if (FRESH_DOCUMENT.has(key)) {
            const d = (await call('administrator')('POST', `/api/patients/${A.ids.patient}/documents`, { templateCode: 'contract' })).json();
            target = target.replace(A.ids.document, d.id);
          }
          if (QUESTIONNAIRE_DOCUMENT.has(key)) {
            const d = (await call('administrator')('POST', `/api/patients/${A.ids.patient}/documents`, { templateCode: 'health-questionnaire' })).json();
            target = target.replace(A.ids.document, d.id);
          }
          if (FINISHED_VISIT.has(key)) {
            for (const to of ['in_chair', 'done']) await call('owner')('POST', `/api/appointments/${A.ids.arrivedAppointment}/status`, { to });
            target = target.replace(A.ids.appointment, A.ids.arrivedAppointment);
          }
          if (DESTRUCTIVE.has(key)) {
            const p = (await call('administrator')('POST', '/api/patients', { surname: 'Одноразовый', firstName: 'Пациент' })).json();
            target = target.replace(A.ids.patient, p.id);
            body = { ...(body as object), confirmCardNumber: p.cardNumber };
          }
          const res = await call(controlRole)(method, target, body);
          expect(res.statusCode, `control ${controlRole} ${method} ${target} → ${res.body.slice(0, 200)}`).toBeLessThan(300);
        });
      }
    }
    expect(await snapshotClinic(t.h.db, B.ids.clinic)).toEqual(before);
    for (const c of controls) await c();
    expect(controls.length).toBeGreaterThanOrEqual(25);
    expect(attacks).toBeGreaterThan(100);
  });

  it('B’s ids in query strings: 4xx problem+json (the audit filter, a search over history, finds nothing)', async () => {
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const op = methods.get;
      const query = op?.parameters?.filter((p) => p.in === 'query') ?? [];
      if (!op || path.includes('{')) continue;
      for (const q of query.filter((p) => ID_QUERY[p.name])) {
        const sample = QUERY_SAMPLES(A);
        const base = Object.fromEntries(query.filter((p) => p.required && p.name !== q.name).map((p) => [p.name, sample[p.name]]));
        const url = (o: ClinicObjects) => `${path}?${new URLSearchParams({ ...base, [q.name]: o.ids[ID_QUERY[q.name]] })}`;
        const role: Role = can('owner', accessOf('GET', path)) ? 'owner' : 'dentist';
        const res = await call(role)('GET', url(B));
        checked++;
        const what = `GET ${url(B)} → ${res.statusCode} ${res.body.slice(0, 160)}`;
        expect(leaks(res.body), what).toEqual([]);
        if (path === '/api/audit' || path === '/api/pd-destructions') {
          // Filters over history: audit entries and destruction acts may name objects destroyed since, so an unknown id is a valid filter that matches nothing.
          expect(res.statusCode, what).toBe(200);
          expect(res.json().items, what).toEqual([]);
        } else {
          expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, what).toBeLessThan(500);
          expect(isProblem(res), what).toBe(true);
        }
        const control = await call(role)('GET', url(A));
        expect(control.statusCode, `control GET ${url(A)} → ${control.body.slice(0, 160)}`).toBe(200);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('B’s ids inside request bodies: 4xx problem+json, nothing written in either clinic', async () => {
    const owner = call('owner');
    const admin = call('administrator');
    const spare = (await admin('POST', '/api/appointments', { patientId: A.ids.patient, doctorId: A.ids.doctor, startsAt: msk(TOMORROW, '18:00'), kind: 'repeat' })).json();
    const book = (over: object) => ({ patientId: A.ids.patient, doctorId: A.ids.doctor, startsAt: msk(TOMORROW, '12:00'), kind: 'repeat', ...over });
    const hours = (branchId: string, chairId: string | null) => ({ hours: [{ weekday: 1, branchId, chairId, starts: '09:00', ends: '21:00' }] });
    const cases: [string, 'POST' | 'PATCH' | 'PUT', string, object][] = [
      ['booking for B’s patient', 'POST', '/api/appointments', book({ patientId: B.ids.patient })],
      ['booking with B’s doctor', 'POST', '/api/appointments', book({ doctorId: B.ids.doctor })],
      ['booking into B’s chair', 'POST', '/api/appointments', book({ chairId: B.ids.chair })],
      ['squeeze-in into B’s branch', 'POST', '/api/appointments', book({ branchId: B.ids.branch, squeezeIn: true, startsAt: msk(TOMORROW, '22:00') })],
      ['booking that closes B’s waiting-list entry', 'POST', '/api/appointments', book({ waitingListId: B.ids.waiting })],
      ['moving into B’s chair', 'PATCH', `/api/appointments/${A.ids.appointment}`, { chairId: B.ids.chair }],
      ['moving to B’s doctor', 'PATCH', `/api/appointments/${A.ids.appointment}`, { doctorId: B.ids.doctor }],
      ['cancelling as rebooked to B’s visit', 'POST', `/api/appointments/${spare.id}/status`, { to: 'cancelled', cancel: { reason: 'patient_request', rebookedAppointmentId: B.ids.appointment } }],
      ['waiting list for B’s patient', 'POST', '/api/waiting-list', { patientId: B.ids.patient, kind: 'repeat', dateFrom: TODAY, dateTo: TOMORROW }],
      ['waiting list for B’s doctor', 'POST', '/api/waiting-list', { patientId: A.ids.patient, doctorId: B.ids.doctor, kind: 'repeat', dateFrom: TODAY, dateTo: TOMORROW }],
      ['proposal with B’s doctor', 'POST', '/api/schedule/proposals', { doctorId: B.ids.doctor, kind: 'repeat' }],
      ['proposal in B’s branch', 'POST', '/api/schedule/proposals', { doctorId: A.ids.doctor, kind: 'repeat', branchId: B.ids.branch }],
      ['urgent with B’s doctor', 'POST', '/api/schedule/urgent', { doctorId: B.ids.doctor }],
      ['urgent in B’s branch', 'POST', '/api/schedule/urgent', { doctorId: A.ids.doctor, branchId: B.ids.branch }],
      ['B’s doctor runs late', 'POST', '/api/schedule/doctor-late', { doctorId: B.ids.doctor, date: TOMORROW, minutes: 20, reason: 'Пробки' }],
      ['a chair in B’s branch', 'POST', '/api/chairs', { branchId: B.ids.branch, name: 'Чужое' }],
      ['hours in B’s branch', 'PUT', `/api/doctors/${A.ids.doctor}/hours`, hours(B.ids.branch, null)],
      ['hours in B’s chair', 'PUT', `/api/doctors/${A.ids.doctor}/hours`, hours(A.ids.branch, B.ids.chair)],
      ['a doctor linked to B’s user', 'POST', '/api/doctors', { surname: 'Новый', firstName: 'Врач', position: 'Терапевт', specialties: ['therapist'], userId: B.ids.user }],
      ['relinking a doctor to B’s user', 'PATCH', `/api/doctors/${A.ids.doctor}`, { userId: B.ids.user }],
      ['a patient from B’s info source', 'POST', '/api/patients', { surname: 'Новый', firstName: 'Пациент', sourceId: B.ids.source }],
      ['re-sourcing a patient to B’s info source', 'PATCH', `/api/patients/${A.ids.patient}`, { sourceId: B.ids.source }],
      ['checklist items of B’s branch', 'PUT', '/api/opening-checklist/items', { branchId: B.ids.branch, items: [{ text: 'Захват' }] }],
      ['B’s checklist item in A’s list', 'PUT', '/api/opening-checklist/items', { branchId: A.ids.branch, items: [{ id: B.ids.checklistItem, text: 'Захват' }] }],
    ];
    const quiet = ['sessions'];
    const aBefore = await snapshotClinic(t.h.db, A.ids.clinic, quiet);
    const bBefore = await snapshotClinic(t.h.db, B.ids.clinic);
    for (const [what, method, url, body] of cases) {
      const res = await (url.includes('/doctors') || url.includes('/chairs') || url.includes('/opening-checklist') ? owner : admin)(method, url, body);
      const line = `${what}: ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, line).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, line).toBeLessThan(500);
      expect(isProblem(res), line).toBe(true);
      expect(leaks(res.body), line).toEqual([]);
    }
    expect(await snapshotClinic(t.h.db, A.ids.clinic, quiet)).toEqual(aBefore);
    expect(await snapshotClinic(t.h.db, B.ids.clinic)).toEqual(bBefore);
    // The same bodies with A's own ids are accepted: the refusals above are about ownership.
    const ok = await admin('POST', '/api/appointments', book({ chairId: A.ids.chair, startsAt: msk(TOMORROW, '13:00') }));
    expect(ok.statusCode, ok.body).toBe(201);
    const moved = await admin('PATCH', `/api/appointments/${ok.json().id}`, { chairId: A.ids.chair, startsAt: msk(TOMORROW, '13:30') });
    expect(moved.statusCode, moved.body).toBe(200);
  });

  it('lists, searches, the audit trail and the calendar feed of A show nothing of B', async () => {
    let checked = 0;
    for (const role of ['owner', 'dentist', 'administrator'] as const) {
      for (const [path, methods] of Object.entries(doc.paths)) {
        const op = methods.get;
        if (!op || path.includes('{') || path === '/api/events' || !can(role, accessOf('GET', path))) continue;
        const sample = { ...QUERY_SAMPLES(A), q: B.patientSurname };
        const query = new URLSearchParams(Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'query' && (p.required || p.name === 'q' || p.name === 'limit')).map((p) => [p.name, sample[p.name as 'q']])));
        const res = await call(role)('GET', `${path}?${query}`);
        checked++;
        expect(res.statusCode, `${role} GET ${path}?${query} → ${res.body.slice(0, 200)}`).toBe(200);
        expect(leaks(res.body), `${role} GET ${path}?${query}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(30);
    const admin = call('administrator');
    for (const q of [B.patientSurname, B.phone, B.phone.slice(2), B.patientSurname.slice(0, 11)]) {
      const r = await admin('GET', `/api/patients?q=${encodeURIComponent(q)}`);
      expect(r.json().items, q).toEqual([]);
    }
    expect((await admin('GET', `/api/patients?q=${encodeURIComponent(A.patientSurname)}`)).json().items).toHaveLength(1);
    // The whole audit trail of A, page by page.
    let before: number | null = null;
    let entries = 0;
    do {
      const page: { items: unknown[]; nextBefore: number | null } = (await call('owner')('GET', `/api/audit?limit=100${before ? `&before=${before}` : ''}`)).json();
      entries += page.items.length;
      expect(leaks(JSON.stringify(page.items))).toEqual([]);
      before = page.nextBefore;
    } while (before);
    expect(entries).toBeGreaterThan(20);
    // A fresh address: the control call of the first test replaced the seeded one.
    const { path: feedPath } = (await call('owner')('POST', `/api/doctors/${A.ids.doctor}/feed-token`)).json();
    const feed = await t.app.inject({ method: 'GET', url: feedPath });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('Пациентова');
    expect(leaks(feed.body)).toEqual([]);
  });

  it('the live feed of A carries A’s changes and never B’s', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    let text = '';
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie: sessions.administrator.cookie } });
    const opened = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        resolve();
      });
      req.on('error', reject);
    });
    try {
      await opened;
      // The stream has started (its first line) before anything is booked, so both changes below are after it.
      await waitFor(() => text.includes('retry:'));
      const bAdmin = as(t.app, await signIn(t.app, B.fx.users.administrator.login));
      const theirs = await bAdmin('POST', '/api/appointments', { patientId: B.ids.patient, doctorId: B.ids.doctor, startsAt: msk(TOMORROW, '16:00'), kind: 'repeat' });
      expect(theirs.statusCode, theirs.body).toBe(201);
      const ours = await call('administrator')('POST', '/api/appointments', { patientId: A.ids.patient, doctorId: A.ids.doctor, startsAt: msk(TOMORROW, '16:00'), kind: 'repeat' });
      expect(ours.statusCode, ours.body).toBe(201);
      // Events go out in commit order, so once A's later booking arrived, B's earlier one would have too.
      await waitFor(() => text.includes(ours.json().id));
      expect(text).not.toContain(theirs.json().id);
      expect(leaks(text)).toEqual([]);
    } finally {
      req.destroy();
    }
  });
});

/** Polls a condition (no fixed sleeps): the vitest timeout bounds it. */
async function waitFor(cond: () => boolean) {
  while (!cond()) await new Promise((r) => setTimeout(r, 50));
}
