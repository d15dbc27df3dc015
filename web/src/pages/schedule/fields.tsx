import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { shortName } from '../../../../src/domain/names.js';
import { KINDS, KIND_LABELS, type Kind } from '../../../../src/domain/schedule/status.js';
import { SPECIALTIES, SPECIALTY_LABELS, type Specialty } from '../../../../src/domain/specialties.js';
import { useBranches, useScheduleSettings } from '../../api/clinic';
import { useDoctors } from '../../api/doctors';
import { useLang } from '../../i18n';

export type { Kind };

/** The clinic's usual length of a visit by type, from its schedule settings (clinic page). */
export function useDefaultDuration(): (kind: Kind) => number {
  const s = useScheduleSettings();
  return (kind) => s.durationByKind[kind];
}

export const DURATIONS = [15, 20, 30, 45, 60, 90, 120, 150, 180, 240];

type Common = Omit<SelectProps, 'data' | 'value' | 'onChange'>;

export function KindSelect({ value, onChange, ...rest }: Common & { value: Kind; onChange: (k: Kind) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Select
      label={t('schedule.book.kind')}
      data={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k][lang] }))}
      value={value}
      onChange={(v) => v && onChange(v as Kind)}
      allowDeselect={false}
      data-testid="kind-select"
      {...rest}
    />
  );
}

export function DurationSelect({ value, onChange, ...rest }: Common & { value: number; onChange: (m: number) => void }) {
  const { t } = useTranslation();
  const list = DURATIONS.includes(value) ? DURATIONS : [...DURATIONS, value].sort((a, b) => a - b);
  return (
    <Select
      label={t('schedule.book.duration')}
      data={list.map((m) => ({ value: String(m), label: t('schedule.book.minutes', { n: m }) }))}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      data-testid="duration-select"
      {...rest}
    />
  );
}

/** 'd:<doctorId>' or 's:<specialty>': a named doctor, or "any doctor of this specialty". */
export type Who = { doctorId?: string; specialty?: Specialty };

export function whoValue(w: Who): string | null {
  return w.doctorId ? `d:${w.doctorId}` : w.specialty ? `s:${w.specialty}` : null;
}

export function parseWho(v: string | null): Who {
  if (!v) return {};
  return v.startsWith('d:') ? { doctorId: v.slice(2) } : { specialty: v.slice(2) as Specialty };
}

/** A doctor, or (for "to any surgeon") a specialty: one searchable list. */
export function DoctorOrSpecialty({ value, onChange, allowSpecialty = true, ...rest }: Common & { value: Who; onChange: (w: Who) => void; allowSpecialty?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useDoctors();
  const doctors = (data?.items ?? []).filter((d) => d.isActive);
  const used = new Set(doctors.flatMap((d) => d.specialties));
  const groups = [
    {
      group: t('schedule.book.doctors'),
      items: doctors.map((d) => ({ value: `d:${d.id}`, label: `${shortName(d)} — ${d.specialties.map((s) => SPECIALTY_LABELS[s][lang]).join(', ')}` })),
    },
  ];
  if (allowSpecialty) {
    groups.push({
      group: t('schedule.book.anyOfSpecialty'),
      items: SPECIALTIES.filter((s) => used.has(s)).map((s) => ({ value: `s:${s}`, label: t('schedule.book.anySpecialist', { s: SPECIALTY_LABELS[s][lang] }) })),
    });
  }
  return (
    <Select
      label={allowSpecialty ? t('schedule.book.doctorOrSpecialty') : t('schedule.book.doctor')}
      placeholder={t(allowSpecialty ? 'schedule.book.doctorPlaceholder' : 'schedule.book.doctorOnlyPlaceholder')}
      data={groups}
      value={whoValue(value)}
      onChange={(v) => onChange(parseWho(v))}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      data-testid="doctor-select"
      {...rest}
    />
  );
}

/** Branch filter; '' = all branches. */
/** A select as wide as its longest branch name (about 8.6 px a character at the toolbar's size), within limits. */
function fittingWidth(labels: string[]): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return Math.min(380, Math.max(200, Math.ceil(longest * 8.6) + 56));
}

/** The branch picker; `fit` sizes it to the longest name instead of cutting it (the toolbar). */
export function BranchSelect({ value, onChange, allowAll = true, fit = false, ...rest }: Common & { value: string; onChange: (id: string) => void; allowAll?: boolean; fit?: boolean }) {
  const { t } = useTranslation();
  const { data } = useBranches();
  const items = (data?.items ?? []).filter((b) => b.isActive).map((b) => ({ value: b.id, label: b.name }));
  const options = allowAll ? [{ value: 'all', label: t('schedule.allBranches') }, ...items] : items;
  return (
    <Select
      {...(fit && { w: fittingWidth(options.map((o) => o.label)) })}
      aria-label={t('schedule.branch')}
      data={options}
      value={value || (allowAll ? 'all' : null)}
      onChange={(v) => onChange(!v || v === 'all' ? '' : v)}
      allowDeselect={false}
      data-testid="branch-select"
      {...rest}
    />
  );
}
