import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { localDateOf } from '../../src/domain/schedule/time.js';
import { DEMO_PASSWORD, SHOTS, launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';
import { openAllDay } from '../support/open-all-day.js';

/** Stored strings that would run, or call out, if any screen rendered them as markup. Each is short enough for a name field. */
const H = {
  img: `<img src=x onerror="window.__xss=(window.__xss||0)+1">`,
  script: `<script>window.__xss=1</script>`,
  svg: `"><svg onload="window.__xss=1">`,
  tpl: `{{constructor.constructor('window.__xss=1')()}}`,
  js: `javascript:window.__xss=1//`,
  beacon: `<img src="http://attacker.invalid/p.png">`,
  link: `<a href="javascript:window.__xss=1">жми</a>`,
  iframe: `<iframe src="javascript:window.__xss=1"></iframe>`,
};
/** A distinct hostile value per field: the first letters say which field, so a screen's expectation names it. */
const v = (field: string, kind: keyof typeof H) => `${field}${H[kind]}`;
const S = {
  surname: v('Ф', 'img'), firstName: v('И', 'svg'), patronymic: v('О', 'tpl'), patientNote: v('Заметка', 'script'), addressAs: v('Обращение', 'js'),
  phoneNote: v('Тел', 'beacon'), comment: v('Коммент', 'link'), services: v('Услуги', 'iframe'), cancelNote: v('Жалоба', 'img'), svc: v('Запись', 'svg'),
  late: v('Опоздание', 'beacon'), waiting: v('Ожидание', 'tpl'), staff: v('Сотрудник', 'script'), branch: v('Филиал', 'img'), address: v('Адрес', 'svg'),
  chair: v('Кресло', 'link'), clinic: v('Клиника', 'img'), legal: v('ООО', 'script'), website: H.js, source: v('Источник', 'iframe'),
  doctor: v('Врач', 'img'), position: v('Должность', 'svg'), exception: v('Отпуск', 'script'), calendar: v('Праздник', 'tpl'), deskNote: v('Событие', 'beacon'),
};

type Api = (method: string, url: string, body?: unknown) => Promise<any>;

async function apiAs(base: string, login: string): Promise<Api> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
  if (!r.ok) throw new Error(`sign-in ${login}: ${r.status}`);
  const cookie = r.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async (method, url, body) => {
    const res = await fetch(`${base}/api${url}`, {
      method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

describe('browser: hostile strings stored through the API render as text on every screen', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  const pages: Page[] = [];
  const foreign: string[] = [];
  const dialogs: string[] = [];
  let ids: { patient: string; doctor: string; appt: string; today: string; tomorrow: string; monday: string; feed: string };

  beforeAll(async () => {
    server = await startDemoServer();
    fs.mkdirSync(SHOTS, { recursive: true });
    const owner = await apiAs(server.url, 'owner');
    const admin = await apiAs(server.url, 'admin');
    const now = Date.now();
    const today = localDateOf(now, 'Europe/Moscow');
    const tomorrow = addDays(today, 1);
    const weekday = new Date(`${today}T12:00:00Z`).getUTCDay() || 7;
    const monday = addDays(today, 1 - weekday);

    await owner('PATCH', '/clinic', { name: S.clinic, legalName: S.legal, website: S.website });
    const branch = await owner('POST', '/branches', { name: S.branch, address: S.address, directions: H.svg });
    await owner('POST', '/chairs', { branchId: branch.id, name: S.chair });
    const source = await owner('POST', '/info-sources', { name: S.source });
    const staff = (await owner('GET', '/staff')).items as { id: string; login: string }[];
    const dentistUser = staff.find((u) => u.login === 'dentist')!;
    await owner('PATCH', `/staff/${dentistUser.id}`, { fullName: S.staff });
    const doctor = ((await owner('GET', '/doctors')).items as { id: string; userId: string | null }[]).find((d) => d.userId === dentistUser.id)!;
    await owner('PATCH', `/doctors/${doctor.id}`, { surname: S.doctor, position: S.position });
    // Seven days a week, all day, and every visit a squeeze-in: they land whatever day the suite runs and however full the demo day is
    // (at :05, a minute no demo visit starts at: a squeeze-in never starts with another visit).
    const main = (await owner('GET', '/branches')).items[0];
    await owner('PUT', `/doctors/${doctor.id}/hours`, { hours: [1, 2, 3, 4, 5, 6, 7].map((wd) => ({ weekday: wd, branchId: main.id, starts: '08:00', ends: '22:00' })) });
    // Whatever the weekday or holiday of the run, the walk-in today lands inside the hours.
    await openAllDay(server.h.db, doctor.id, today);
    await owner('POST', `/doctors/${doctor.id}/exceptions`, { kind: 'training', dateFrom: addDays(today, 20), dateTo: addDays(today, 21), note: S.exception });
    await owner('PUT', `/calendar/${addDays(today, 3)}`, { kind: 'holiday', note: S.calendar });
    const patient = await admin('POST', '/patients', {
      surname: S.surname, firstName: S.firstName, patronymic: S.patronymic, note: S.patientNote, addressAs: S.addressAs, email: '"><svg/onload=window.__xss=1>@x.ru',
      sourceId: source.id, phones: [{ number: '+79215550099', note: S.phoneNote }],
    });
    await admin('POST', `/patients/${patient.id}/service-card`, { section: 'svc4', text: S.svc, eventDate: today, isAlert: true });
    const appt = await admin('POST', '/appointments', { patientId: patient.id, doctorId: doctor.id, startsAt: `${tomorrow}T10:05:00+03:00`, kind: 'repeat', comment: S.comment, services: S.services, needsCall: true, squeezeIn: true });
    await admin('POST', `/appointments/${appt.id}/events`, { kind: 'review_requested', note: S.deskNote });
    const gone = await admin('POST', '/appointments', { patientId: patient.id, doctorId: doctor.id, startsAt: `${tomorrow}T12:05:00+03:00`, kind: 'repeat', squeezeIn: true });
    await admin('POST', `/appointments/${gone.id}/status`, { to: 'cancelled', cancel: { reason: 'complaint', note: S.cancelNote } });
    // A walk-in today (a squeeze-in, so the hour of the run does not matter) for «Мой день» and the delay entry.
    await admin('POST', '/appointments', { patientId: patient.id, doctorId: doctor.id, startsAt: `${today}T09:05:00+03:00`, kind: 'urgent', comment: S.comment, walkIn: true, squeezeIn: true });
    await admin('POST', '/schedule/doctor-late', { doctorId: doctor.id, date: today, minutes: 20, reason: S.late });
    await admin('POST', '/waiting-list', { patientId: patient.id, doctorId: doctor.id, kind: 'repeat', dateFrom: today, dateTo: addDays(today, 30), note: S.waiting });
    const feed = await owner('POST', `/doctors/${doctor.id}/feed-token`);
    ids = { patient: patient.id, doctor: doctor.id, appt: appt.id, today, tomorrow, monday, feed: feed.path };
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(login: string): Promise<Page> {
    const context: BrowserContext = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 900 } });
    // Any Content-Security-Policy violation means injected markup reached the DOM, even though the policy stopped it.
    await context.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
    });
    await page.goto(`${server.url}/login`);
    await fillSignIn(page, login);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    pages.push(page);
    return page;
  }

  /** Nothing ran, nothing was injected, nothing left the origin; and the hostile text is on the screen as text. */
  async function check(page: Page, screen: string, visible: string[]) {
    await page.waitForLoadState('networkidle');
    // Wait (bounded) until the texts are there, so that a miss below is a real miss and not a slow render.
    await page
      .waitForFunction((want) => {
        const all = `${document.body.innerText}\n${[...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value).join('\n')}`;
        return want.every((w) => all.includes(w));
      }, visible, { timeout: 15_000 })
      .catch(() => undefined);
    const state = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown; __csp: string[] };
      const inputs = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
      return {
        xss: w.__xss,
        csp: w.__csp,
        injected: document.querySelectorAll('[onerror], [onload], img[src="x"], iframe, a[href^="javascript:"], svg[onload]').length,
        scripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length,
        text: `${document.body.innerText}\n${inputs.join('\n')}`,
      };
    });
    expect(state.xss, screen).toBeUndefined();
    // The web app runs zod jitless (it never probes for eval), so any report at all comes from injected markup.
    expect(state.csp, screen).toEqual([]);
    expect(state.injected, screen).toBe(0);
    expect(state.scripts, screen).toBe(0);
    for (const s of visible) expect(state.text, `${screen} shows ${s} as text`).toContain(s);
    expect(dialogs, screen).toEqual([]);
    expect(foreign, screen).toEqual([]);
  }

  it('the front desk: patients, card, schedule day and week, desk lists, card pull', async () => {
    const page = await signedIn('admin');
    await page.goto(`${server.url}/patients`);
    await page.getByLabel('Фамилия, телефон или номер карты').fill('Ф<img');
    await page.getByTestId('patient-row').first().waitFor();
    await check(page, 'patient search', [S.surname]);

    await page.goto(`${server.url}/patients/${ids.patient}`);
    await page.getByTestId('service-card').waitFor();
    await page.getByTestId('patient-visits').waitFor();
    await check(page, 'patient card', [S.surname, S.firstName, S.patronymic, S.patientNote, S.addressAs, S.phoneNote, S.svc, S.late, S.source]);
    await page.screenshot({ path: path.join(SHOTS, 'xss-patient-card.png'), fullPage: true });

    await page.goto(`${server.url}/schedule?date=${ids.tomorrow}`);
    await page.getByTestId(`appt-${ids.appt}`).waitFor();
    await check(page, 'schedule day', [S.surname, S.doctor]);
    await page.getByTestId(`appt-${ids.appt}`).click();
    await page.getByTestId('appt-panel').or(page.getByRole('dialog')).first().waitFor();
    await check(page, 'appointment panel', [S.comment, S.services, S.svc]);
    await page.screenshot({ path: path.join(SHOTS, 'xss-schedule-day.png') });

    await page.goto(`${server.url}/schedule?date=${ids.today}`);
    await page.getByTestId('schedule-grid').waitFor();
    await check(page, 'schedule today', [S.surname]);
    await page.goto(`${server.url}/schedule/week?doctor=${ids.doctor}&from=${ids.monday}`);
    await page.getByTestId('schedule-grid').or(page.getByTestId('week-grid')).first().waitFor({ state: 'attached' }).catch(() => undefined);
    await check(page, 'schedule week', [S.doctor]);

    await page.goto(`${server.url}/desk/gaps?date=${ids.tomorrow}`);
    await page.getByText(S.waiting).first().waitFor();
    await check(page, 'gaps', [S.surname, S.waiting]);
    await page.goto(`${server.url}/desk/waiting-list`);
    await page.getByTestId('waiting-table').waitFor();
    await check(page, 'waiting list', [S.surname, S.waiting]);
    await page.goto(`${server.url}/desk/card-pull?date=${ids.tomorrow}`);
    await page.getByTestId('cardpull-doctor').first().waitFor();
    await check(page, 'card pull', [S.surname, S.doctor]);
    await page.emulateMedia({ media: 'print' });
    await check(page, 'card pull, print', [S.surname]);
    await page.emulateMedia({ media: 'screen' });
  }, 240_000);

  it('the doctor’s day and notifications', async () => {
    const page = await signedIn('dentist');
    await page.goto(`${server.url}/my-day`);
    await page.getByTestId('my-day').waitFor();
    await page.getByTestId('notifications').waitFor();
    await check(page, 'my day', [S.surname, S.comment, S.cancelNote, S.staff]);
    await page.screenshot({ path: path.join(SHOTS, 'xss-my-day.png'), fullPage: true });
  }, 120_000);

  it('settings, staff, doctors and the audit log', async () => {
    const page = await signedIn('owner');
    const screens: [string, string, string[]][] = [
      ['clinic', '/settings/clinic', [S.clinic, S.legal, S.website]],
      ['branches', '/settings/branches', [S.branch, S.address, S.chair]],
      ['calendar', '/settings/calendar', []],
      ['staff', '/settings/staff', [S.staff]],
      ['doctors', '/settings/doctors', [S.doctor]],
      ['doctor', `/settings/doctors/${ids.doctor}`, [S.doctor]],
      ['info sources', '/settings/sources', [S.source]],
      ['audit', '/audit', []],
    ];
    for (const [name, url, visible] of screens) {
      await page.goto(`${server.url}${url}`);
      await check(page, name, visible);
    }
    await page.goto(`${server.url}/settings/doctors/${ids.doctor}`);
    await page.getByRole('tab', { name: 'Отпуска и исключения' }).click();
    await check(page, 'doctor, absences', [S.exception]);
    await page.getByRole('tab', { name: 'Анкета' }).click();
    await check(page, 'doctor, profile', [S.doctor, S.position]);
    await page.goto(`${server.url}/settings/branches`);
    await page.screenshot({ path: path.join(SHOTS, 'xss-settings-branches.png'), fullPage: true });
  }, 240_000);

  it('the iCalendar feed is served as a calendar file, never as a page', async () => {
    const r = await fetch(`${server.url}${ids.feed}`);
    expect(r.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toContain('SUMMARY:Ф<img src=x onerror="window.__xss=(window.__xss||0)+1">');
  });
});
