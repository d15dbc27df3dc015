import { Badge, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { CallsDrill, SurveyQuestionT } from '../../api/surveyResults';

const SHORT = new Set(['impression', 'trust', 'cost', 'quality', 'admins', 'waiting', 'recommend']);

/** A short column label of a question: the known keys have one; an edited question shows its text up to «?». */
export function questionLabel(q: SurveyQuestionT, t: TFunction, lang: 'ru' | 'en'): string {
  if (SHORT.has(q.key)) return t(`surveyResults.q.${q.key}`);
  const text = lang === 'en' ? q.en : q.ru;
  return text.split('?')[0]!.slice(0, 40);
}

/** A table header: long words get a soft hyphen after their sixth letter, so narrow columns break them («Админи-страторы»). */
export function headerLabel(label: string): string {
  return label.split(' ').map((w) => (w.length > 10 ? `${w.slice(0, 6)}\u00AD${w.slice(6)}` : w)).join(' ');
}

/** 3,67 — Russian decimal comma; a dash when nobody answered. */
export function avgText(v: number | null | undefined, lang: 'ru' | 'en'): string {
  if (v === null || v === undefined) return '—';
  const s = v.toFixed(2).replace(/0$/, '').replace(/\.$/, '');
  return lang === 'ru' ? s.replace('.', ',') : s;
}

export function npsText(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0';
}

export function npsColor(v: number | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  return v >= 50 ? 'teal.7' : v >= 0 ? 'yellow.8' : 'red.7';
}

export function avgColor(v: number | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  return v >= 4.5 ? 'teal.7' : v >= 3.5 ? undefined : 'red.7';
}

/** «окт. 2026» / «Oct 2026». */
export function monthLabel(month: string, lang: 'ru' | 'en'): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ru-RU', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 15)));
}

export function NpsBadge({ score }: { score: number | null }) {
  if (score === null) return null;
  const color = score >= 9 ? 'teal' : score >= 7 ? 'yellow' : 'red';
  return <Badge color={color} variant="light" size="sm">{score}</Badge>;
}

export type OpenCalls = (d: CallsDrill) => void;

/** A figure in a table cell that opens its list; the underline sits low so that «4,73» keeps its comma visible. */
export function Cell({ children, onOpen, testId }: { children: ReactNode; onOpen: () => void; testId?: string }) {
  return (
    <UnstyledButton onClick={onOpen} data-testid={testId} fz="sm" style={{ textDecoration: 'underline dotted', textUnderlineOffset: 5, color: 'var(--mantine-color-blue-7)' }}>
      {children}
    </UnstyledButton>
  );
}
