/**
 * Demo patients and their phones: cards opened over the past three years, names by sex and
 * generation, children with a legal representative, mostly signed consent to personal data
 * processing. Card numbers follow the order the cards were opened in.
 */
import { searchKey } from '../domain/names.js';
import { toE164 } from '../domain/phone.js';
import type { Insertable } from 'kysely';
import type { PatientPhonesTable, PatientsTable } from '../db/schema.js';
import type { Desk } from './demo-desk.js';
import { diminutive, fatherOf, motherOf, randomEmail, randomMaleSurname, randomName, type PersonName, type Sex } from './demo-names.js';
import type { Rng } from './demo-random.js';
import { DAY_MS, iso } from './demo-time.js';

/** The patient the browser tests look for: «8 (921) 555-12-34» must find her. */
export const FIXED_PATIENT = {
  surname: 'Смирнова',
  firstName: 'Анна',
  patronymic: 'Сергеевна',
  birthDate: '1988-03-14',
  phone: '+79215551234',
  email: 'anna.smirnova88@yandex.ru',
} as const;

/** Mobile prefixes common in St. Petersburg (MegaFon, MTS, Beeline, Tele2, Yota), weighted by how common; bench/ uses them too. */
export const MOBILE_CODES: readonly (readonly [string, number])[] = [
  ['921', 14], ['911', 12], ['931', 8], ['981', 8], ['905', 5], ['906', 3], ['909', 3], ['960', 4], ['962', 3],
  ['965', 3], ['967', 2], ['950', 4], ['951', 3], ['952', 4], ['953', 3], ['904', 3], ['999', 4], ['977', 2],
  ['996', 2], ['900', 2], ['901', 2], ['915', 1], ['916', 1], ['926', 1],
];

/** Hands out valid, never repeated Russian numbers in E.164. */
export class PhoneFactory {
  private readonly used = new Set<string>([FIXED_PATIENT.phone]);

  constructor(private readonly rng: Rng) {}

  mobile(): string {
    return this.make(() => `+7${this.rng.weighted(MOBILE_CODES)}${this.rng.int(2, 9)}${this.rng.digits(6)}`);
  }

  /** A St. Petersburg landline (+7 812 …). */
  landline(): string {
    return this.make(() => `+7812${this.rng.int(2, 7)}${this.rng.digits(6)}`);
  }

  private make(candidate: () => string): string {
    for (;;) {
      const raw = candidate();
      const e164 = toE164(raw);
      if (e164 && !this.used.has(e164)) {
        this.used.add(e164);
        return e164;
      }
    }
  }
}

export interface DemoPatient {
  row: Insertable<PatientsTable>;
  phones: PatientPhonesTable[];
  /** Under 18 at `now`. */
  child: boolean;
  age: number;
  createdMs: number;
  /** Who speaks on the phone: the patient, or a parent for a child. */
  contactName: string;
  contactSex: Sex;
  contactPhone: string;
}

export interface PatientDeps {
  rng: Rng;
  desk: Desk;
  nowMs: number;
  clinicId: string;
  sourceIds: readonly string[];
  sourceWeights: readonly number[];
  phones: PhoneFactory;
  id: () => string;
}

const RELATIVES: Record<Sex, readonly string[]> = { female: ['муж', 'дочь', 'сын'], male: ['жена', 'дочь', 'сын'] };

function birthYearFor(rng: Rng, maxYear: number, child: boolean, nowYear: number): number {
  if (child) return rng.int(Math.max(nowYear - 17, 2008), Math.min(maxYear, 2020));
  const y = rng.weighted<[number, number]>([
    [[1940, 1954], 10],
    [[1955, 1969], 22],
    [[1970, 1984], 30],
    [[1985, 1999], 30],
    [[2000, 2007], 8],
  ]);
  return rng.int(y[0], Math.min(y[1], maxYear, nowYear - 18));
}

function birthDate(rng: Rng, year: number): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function ageAt(birth: string, today: string): number {
  const age = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? age - 1 : age;
}

function fullNameOf(p: Pick<PersonName, 'surname' | 'firstName' | 'patronymic'>): string {
  return `${p.surname} ${p.firstName} ${p.patronymic}`;
}

/** Instants the cards were opened, oldest first: spread over three years, a little denser lately. */
function cardInstants(d: PatientDeps, count: number): number[] {
  const out: number[] = [];
  const span = 3 * 365;
  while (out.length < count) {
    const back = Math.floor(span * Math.pow(d.rng.next(), 1.2));
    const ms = d.desk.randomInstant(d.rng, d.desk.clock.localDate(d.nowMs - back * DAY_MS), 15);
    if (ms !== null && ms < d.nowMs - 10 * 60_000) out.push(ms);
  }
  return out.sort((a, b) => a - b);
}

export function generatePatients(d: PatientDeps, count: number): DemoPatient[] {
  const { rng } = d;
  const today = d.desk.clock.localDate(d.nowMs);
  const nowYear = Number(today.slice(0, 4));
  const emails = new Set<string>([FIXED_PATIENT.email]);
  const instants = cardInstants(d, count);
  const out: DemoPatient[] = [];

  for (let i = 0; i < count; i++) {
    const createdMs = instants[i];
    const createdDate = d.desk.clock.localDate(createdMs);
    const fixed = i === 0;
    const child = !fixed && rng.chance(0.16);
    const sex: Sex = fixed ? 'female' : rng.chance(child ? 0.5 : 0.58) ? 'female' : 'male';
    const maleSurname = randomMaleSurname(rng);
    const year = fixed ? 1988 : birthYearFor(rng, Number(createdDate.slice(0, 4)) - 1, child, nowYear);
    const name: PersonName = fixed
      ? { sex, surname: FIXED_PATIENT.surname, firstName: FIXED_PATIENT.firstName, patronymic: FIXED_PATIENT.patronymic, fatherName: 'Сергей' }
      : randomName(rng, sex, year, maleSurname);
    const birth = fixed ? FIXED_PATIENT.birthDate : birthDate(rng, year);
    const age = ageAt(birth, today);
    const isChild = age < 18;

    let addressAs: string;
    let note: string | null = null;
    let contactName = fullNameOf(name);
    let contactSex: Sex = sex;
    let email: string | null = null;
    const phones: PatientPhonesTable[] = [];
    const patientId = d.id();
    const phone = (number: string, kind: string, phoneNote: string | null) =>
      phones.push({ id: d.id(), clinic_id: d.clinicId, patient_id: patientId, number, digits: number.slice(1), kind, note: phoneNote, position: phones.length });

    if (isChild) {
      const parent = rng.chance(0.75) ? motherOf(rng, maleSurname, year) : fatherOf(rng, name, maleSurname, year);
      const who = parent.sex === 'female' ? 'мать' : 'отец';
      contactName = fullNameOf(parent);
      contactSex = parent.sex;
      addressAs = diminutive(name.firstName);
      note = `Законный представитель — ${who}, ${contactName}.`;
      phone(d.phones.mobile(), 'relative', parent.sex === 'female' ? 'мама' : 'папа');
      if (age >= 12 && rng.chance(0.4)) phone(d.phones.mobile(), 'mobile', null);
      if (rng.chance(0.3)) email = uniqueEmail(rng, emails, parent, year - 30);
    } else {
      const young = year >= 1995;
      addressAs = rng.chance(young ? 0.45 : 0.12) ? name.firstName : `${name.firstName} ${name.patronymic}`;
      if (fixed) {
        phone(FIXED_PATIENT.phone, 'mobile', null);
        email = FIXED_PATIENT.email;
      } else {
        phone(d.phones.mobile(), 'mobile', null);
        const second = rng.next();
        if (second < 0.15) phone(d.phones.mobile(), 'mobile', 'рабочий');
        else if (second < 0.22) phone(d.phones.landline(), 'home', null);
        else if (second < 0.3) phone(d.phones.mobile(), 'relative', rng.pick(RELATIVES[sex]));
        if (rng.chance(year < 1960 ? 0.12 : 0.45)) email = uniqueEmail(rng, emails, name, year);
      }
    }
    if (!isChild && !fixed && rng.chance(0.03)) note = rng.pick(NOTES);

    const sourceIdx = fixed ? 3 : rng.weighted(d.sourceWeights.map((w, k) => [k, w] as const));
    const consent = fixed || rng.chance(0.9);
    const updatedMs = rng.chance(0.25) ? createdMs + Math.floor(rng.next() * (d.nowMs - createdMs)) : createdMs;
    out.push({
      row: {
        id: patientId,
        clinic_id: d.clinicId,
        card_number: i + 1,
        surname: name.surname,
        first_name: name.firstName,
        patronymic: name.patronymic,
        name_key: searchKey(`${name.surname} ${name.firstName} ${name.patronymic}`),
        birth_date: birth,
        sex,
        address_as: addressAs,
        email,
        source_id: d.sourceIds[sourceIdx],
        pd_consent_version: consent ? '1.0' : null,
        pd_consent_date: consent ? createdDate : null,
        note,
        created_at: iso(createdMs),
        updated_at: iso(updatedMs),
        created_by: d.desk.adminAt(createdMs),
      },
      phones,
      child: isChild,
      age,
      createdMs,
      contactName,
      contactSex,
      contactPhone: phones[0].number,
    });
  }
  return out;
}

const NOTES = [
  'Аллергия на лидокаин — анестезия артикаином.',
  'Боится стоматологов, просит предупреждать о каждом этапе.',
  'Сахарный диабет 2 типа.',
  'Принимает антикоагулянты — согласовывать удаления с терапевтом.',
  'Предпочитает запись на утро.',
];

function uniqueEmail(rng: Rng, used: Set<string>, p: PersonName, year: number): string {
  for (let k = 0; ; k++) {
    const e = randomEmail(rng, p, year);
    const candidate = k < 3 ? e : e.replace('@', `${rng.int(1, 999)}@`);
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
}
