/**
 * DESK-5 in the demo: three months of failures the desk logged and resolved (a power cut, the
 * internet down for two hours, a compressor with a technician's visit…) and one still open at
 * the second branch since this morning, so the red banner is seen on the first start.
 */
import type { IncidentNotesTable, IncidentsTable } from '../db/schema.js';
import type { Desk } from './demo-desk.js';
import { DAY_MS, iso } from './demo-time.js';

type Spec = {
  daysAgo: number;
  branch: number;
  kind: IncidentsTable['kind'];
  equipment?: string;
  from: string;
  to: string;
  description: string;
  affects?: boolean;
  notes: [string, string][];
  resolution: string;
};

const RESOLVED: Spec[] = [
  { daysAgo: 78, branch: 0, kind: 'power', from: '10:20', to: '12:05', affects: true, description: 'Отключение электричества во всём здании',
    notes: [['10:30', 'Управляющая компания: плановые работы «Ленэнерго», обещают дать свет к 12:00'], ['10:45', 'Обзвонили пациентов до 12:00, двоим перенесли приём']],
    resolution: 'Свет дали в 12:05, оборудование включили и проверили' },
  { daysAgo: 64, branch: 1, kind: 'internet', from: '14:00', to: '16:00', description: 'Нет интернета: не работают онлайн-запись и оплата картой',
    notes: [['14:10', 'Заявка провайдеру № 448812'], ['14:20', 'Оплату принимаем наличными и по QR-коду с телефона']],
    resolution: 'Провайдер заменил коммутатор в подъезде' },
  { daysAgo: 51, branch: 0, kind: 'equipment', equipment: 'compressor', from: '11:40', to: '15:30', affects: true, description: 'Остановился компрессор, давление в линии на нуле',
    notes: [['11:50', 'Приёмы в кабинетах 1–3 на паузе, пациентов предупредили'], ['12:05', 'Вызван техник «Дентал-Сервис», приедет к 14:00'], ['14:40', 'Техник: сгорел пусковой конденсатор, меняет']],
    resolution: 'Конденсатор заменён, компрессор работает, давление в норме' },
  { daysAgo: 40, branch: 1, kind: 'phone', from: '09:05', to: '09:50', description: 'Не проходят входящие звонки',
    notes: [['09:10', 'Переадресовали номер клиники на мобильный администратора']],
    resolution: 'Оператор IP-телефонии устранил сбой на своей стороне' },
  { daysAgo: 29, branch: 0, kind: 'water', from: '16:10', to: '18:30', affects: true, description: 'Нет воды: авария на водопроводе',
    notes: [['16:20', 'Водоканал: аварийные работы примерно до 18:00'], ['16:40', 'Три вечерних приёма перенесли на другие дни']],
    resolution: 'Воду дали в 18:30, водоподготовку установок проверили' },
  { daysAgo: 18, branch: 0, kind: 'equipment', equipment: 'cash_register', from: '10:00', to: '10:45', description: 'Кассовый аппарат не печатает чеки',
    notes: [['10:10', 'Перезагрузили кассу — без изменений, чеки отправляем на e-mail']],
    resolution: 'Заменили чековую ленту и перезапустили кассу, чеки печатаются' },
  { daysAgo: 9, branch: 1, kind: 'equipment', equipment: 'chair', from: '12:30', to: '17:00', description: 'Кресло в кабинете 2 не опускается',
    notes: [['12:40', 'Приёмы кабинета 2 перевели в кабинет 1']],
    resolution: 'Техник отрегулировал гидравлику кресла' },
  { daysAgo: 4, branch: 0, kind: 'other', from: '19:20', to: '19:50', description: 'Не работает домофон у входа',
    notes: [], resolution: 'Перезагрузили блок питания домофона' },
];

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function generateIncidents(o: { desk: Desk; nowMs: number; clinicId: string; branchIds: readonly string[]; id: () => string }) {
  const incidents: IncidentsTable[] = [];
  const notes: IncidentNotesTable[] = [];
  const { desk, clinicId } = o;
  const add = (s: Omit<Spec, 'daysAgo' | 'from' | 'to'>, startMs: number, endMs: number | null, noteAt: (hhmm: string) => number) => {
    const id = o.id();
    const by = desk.adminAt(startMs);
    incidents.push({
      id, clinic_id: clinicId, branch_id: o.branchIds[s.branch], kind: s.kind, equipment: s.equipment ?? null, description: s.description,
      affects_visits: s.affects ? 1 : 0, started_at: iso(startMs), logged_at: iso(startMs + 5 * 60_000), logged_by: by,
      resolved_at: endMs === null ? null : iso(endMs), resolved_by: endMs === null ? null : desk.adminAt(endMs), resolution: endMs === null ? null : s.resolution,
    });
    for (const [at, text] of s.notes) {
      const ms = noteAt(at);
      notes.push({ id: o.id(), clinic_id: clinicId, incident_id: id, at: iso(ms), user_id: desk.adminAt(ms), text });
    }
  };
  for (const s of RESOLVED) {
    // A failure is noticed when the desk is open: a closed day moves it to the working day before.
    let date = desk.clock.localDate(o.nowMs - s.daysAgo * DAY_MS);
    while (!desk.isOpen(date)) date = desk.clock.localDate(desk.clock.toUtcMs(date, 12 * 60) - DAY_MS);
    const at = (hhmm: string) => desk.clock.toUtcMs(date, minutes(hhmm));
    add(s, at(s.from), at(s.to), at);
  }
  // Open since this morning (or since 40 minutes ago, if the demo starts before 09:15).
  const today = desk.clock.localDate(o.nowMs);
  const start = Math.min(desk.clock.toUtcMs(today, minutes('09:15')), o.nowMs - 40 * 60_000);
  add(
    { branch: 1, kind: 'equipment', equipment: 'xray', affects: true, description: 'Не работает радиовизиограф в кабинете 2', notes: [['', 'Вызван сервисный инженер, снимки пока делаем в кабинете 1']], resolution: '' },
    start, null, () => Math.min(start + 20 * 60_000, o.nowMs),
  );
  return { incidents, notes };
}
