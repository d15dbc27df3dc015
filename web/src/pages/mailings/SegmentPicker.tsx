import { Group, NumberInput, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDoctors } from '../../api/doctors';
import type { SegmentT } from '../../api/mailings';
import { usePriceList } from '../../api/prices';

export type SegmentKind = SegmentT['kind'];
const KINDS: SegmentKind[] = ['all', 'regular', 'recall', 'service', 'doctor'];

/** The segment as the form holds it; null while a service or doctor is still to be picked. */
export function segmentOf(kind: SegmentKind, v: { minVisits: number; code: string | null; doctorId: string | null }): SegmentT | null {
  if (kind === 'regular') return { kind, minVisits: v.minVisits };
  if (kind === 'recall') return { kind };
  if (kind === 'service') return v.code ? { kind, code: v.code } : null;
  if (kind === 'doctor') return v.doctorId ? { kind, doctorId: v.doctorId } : null;
  return { kind: 'all' };
}

/** «Кому»: all, regular patients, due for a check-up, by service, by doctor. */
export function SegmentPicker({ onChange }: { onChange: (s: SegmentT | null) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SegmentKind>('regular');
  const [v, setV] = useState({ minVisits: 3, code: null as string | null, doctorId: null as string | null });
  const [q, setQ] = useState('');
  const doctors = useDoctors().data?.items ?? [];
  const prices = usePriceList({ q, section: null, date: null, includeInactive: false }).data?.items ?? [];
  const update = (k: SegmentKind, next: typeof v) => {
    setKind(k);
    setV(next);
    onChange(segmentOf(k, next));
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select label={t('mailings.segment.label')} w={230} value={kind} allowDeselect={false} data-testid="segment-kind"
        data={KINDS.map((k) => ({ value: k, label: t(`mailings.segment.${k}`) }))} onChange={(k) => k && update(k as SegmentKind, v)} />
      {kind === 'regular' && (
        <NumberInput label={t('mailings.segment.minVisits')} w={170} min={2} max={50} value={v.minVisits} onChange={(n) => update(kind, { ...v, minVisits: Number(n) || 2 })} />
      )}
      {kind === 'recall' && (
        <Text size="sm" c="dimmed" maw={420} data-testid="segment-recall-hint">{t('mailings.segment.recallHint')}</Text>
      )}
      {kind === 'service' && (
        <Select label={t('mailings.segment.code')} w={360} searchable placeholder={t('mailings.segment.codePlaceholder')} value={v.code} searchValue={q} onSearchChange={setQ}
          data={[...new Map(prices.map((p) => [p.code, { value: p.code, label: `${p.code} — ${p.name}` }])).values()]} onChange={(c) => update(kind, { ...v, code: c })} data-testid="segment-service" />
      )}
      {kind === 'doctor' && (
        <Select label={t('mailings.segment.doctorPick')} w={300} searchable value={v.doctorId} data-testid="segment-doctor"
          data={doctors.map((d) => ({ value: d.id, label: [d.surname, d.firstName, d.patronymic].filter(Boolean).join(' ') }))} onChange={(d) => update(kind, { ...v, doctorId: d })} />
      )}
    </Group>
  );
}
