import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../../src/domain/names.js';
import { priceText } from '../../../../src/domain/prices.js';
import { errorText, useIssueBill, useSetLines, type Bill, type LineInput } from '../../api/cash';
import { useDoctors } from '../../api/doctors';
import { usePriceList } from '../../api/prices';
import { usePeople } from '../../api/team';
import { useCan } from '../../components/session';
import { useLang } from '../../i18n';
import { money, MoneyInput, toKopecks } from './money';

type Draft = {
  priceItemId: string; code: string; name: string; min: number; max: number | null;
  price: string; quantity: number; tooth: string; discKind: 'sum' | 'percent'; disc: string; reason: string; assistantId: string | null;
  /** undefined: not chosen yet — the server puts the visit's doctor. */
  doctorId?: string | null;
};

const rub = (k: number) => (k / 100).toFixed(2).replace('.', ',');

/** The lines of a draft bill: services from the price list at the visit's date, quantity, tooth, a discount by permission. */
export function BillEditor({ bill }: { bill: Bill }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const prices = usePriceList({ q: '', section: null, date: bill.visitDate, includeInactive: false });
  const save = useSetLines(bill.id);
  const issue = useIssueBill();
  const people = usePeople();
  const assistants = (people.data?.items ?? []).filter((p) => p.role === 'assistant').map((p) => ({ value: p.id, label: p.name }));
  const doctorList = useDoctors().data?.items ?? [];
  const doctors = doctorList.filter((d) => d.isActive).map((d) => ({ value: d.id, label: fullName(d) }));
  const [lines, setLines] = useState<Draft[]>([]);
  const byId = useMemo(() => new Map((prices.data?.items ?? []).map((i) => [i.id, i])), [prices.data]);

  useEffect(() => {
    setLines(bill.lines.map((l) => {
      const p = byId.get(l.priceItemId ?? '')?.price;
      return {
        priceItemId: l.priceItemId ?? '', code: l.code, name: l.name, min: p?.priceMin ?? l.unitPrice, max: p?.priceMax ?? null, price: rub(l.unitPrice),
        quantity: l.quantity, tooth: l.tooth ?? '', discKind: 'sum', disc: l.discount ? rub(l.discount) : '', reason: l.discountReason ?? '', assistantId: l.assistantId, doctorId: l.doctorId,
      };
    }));
  }, [bill, byId]);

  const options = (prices.data?.items ?? []).filter((i) => i.price).map((i) => ({ value: i.id, label: `${i.code} ${i.name} — ${priceText(i.price!, lang)}` }));
  const add = (id: string | null) => {
    const i = id ? byId.get(id) : undefined;
    if (!i?.price) return;
    setLines((ls) => [...ls, {
      priceItemId: i.id, code: i.code, name: i.name, min: i.price!.priceMin, max: i.price!.priceMax,
      price: i.price!.priceMax !== null && i.price!.priceMax !== i.price!.priceMin ? '' : rub(i.price!.priceMin), quantity: 1, tooth: '', discKind: 'sum', disc: '', reason: '', assistantId: null,
    }]);
  };
  const set = (n: number, patch: Partial<Draft>) => setLines((ls) => ls.map((l, i) => (i === n ? { ...l, ...patch } : l)));
  const isRange = (l: Draft) => l.max !== null && l.max !== l.min;
  const payload = (): LineInput[] => lines.map((l) => {
    const disc = toKopecks(l.discKind === 'percent' ? l.disc.replace(/[,.].*$/, '') : l.disc);
    const value = l.discKind === 'percent' ? Number(l.disc.replace(/\D/g, '') || 0) : disc ?? 0;
    return {
      priceItemId: l.priceItemId, quantity: l.quantity, tooth: l.tooth.trim() || null, assistantId: l.assistantId,
      ...(l.doctorId !== undefined && { doctorId: l.doctorId }),
      ...(isRange(l) && { unitPrice: toKopecks(l.price) ?? 0 }),
      ...(value > 0 && { discount: { kind: l.discKind, value }, discountReason: l.reason }),
    };
  });
  const error = save.error ?? issue.error;

  return (
    <Stack gap="xs" data-testid="bill-editor">
      {lines.length === 0 && <Text size="sm" c="dimmed">{t('cash.noLines')}</Text>}
      {lines.length > 0 && (
        <Table fz="sm" verticalSpacing={4} horizontalSpacing={4}>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('cash.service')}</Table.Th><Table.Th>{t('cash.quantity')}</Table.Th><Table.Th>{t('cash.tooth')}</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l, n) => (
              <Table.Tr key={n} data-testid="bill-line">
                <Table.Td>
                  <Text size="sm">{l.code} {l.name}</Text>
                  {isRange(l) ? (
                    <MoneyInput size="xs" value={l.price} onChange={(price) => set(n, { price })} placeholder={t('cash.rangePrice', { range: priceText({ priceMin: l.min, priceMax: l.max }, lang) })} data-testid="line-price" />
                  ) : <Text size="xs" c="dimmed">{money(l.min)}</Text>}
                  <Select size="xs" mt={4} searchable value={l.doctorId ?? null} onChange={(v) => set(n, { doctorId: v })} placeholder={t('cash.doctorOfVisit')} aria-label={t('cash.doctor')}
                    data={l.doctorId && !doctors.some((d) => d.value === l.doctorId) ? [...doctors, { value: l.doctorId, label: bill.lines[n]?.doctorName ?? '—' }] : doctors} nothingFoundMessage="—" data-testid="line-doctor" />
                  <Select size="xs" mt={4} clearable searchable value={l.assistantId} onChange={(v) => set(n, { assistantId: v })} placeholder={t('cash.assistant')} aria-label={t('cash.assistant')}
                    data={l.assistantId && !assistants.some((a) => a.value === l.assistantId) ? [...assistants, { value: l.assistantId, label: bill.lines[n]?.assistantName ?? '—' }] : assistants} nothingFoundMessage="—" data-testid="line-assistant" />
                  {can('cash.discount') && (
                    <Group gap={4} mt={4} wrap="nowrap">
                      <MoneyInput size="xs" w={90} value={l.disc} onChange={(disc) => set(n, { disc })} placeholder={t('cash.discount')} data-testid="line-discount" />
                      <Select size="xs" w={64} value={l.discKind} onChange={(v) => set(n, { discKind: (v as 'sum' | 'percent') ?? 'sum' })} data={[{ value: 'sum', label: '₽' }, { value: 'percent', label: '%' }]} allowDeselect={false} />
                      <TextInput size="xs" style={{ flex: 1 }} value={l.reason} onChange={(e) => set(n, { reason: e.currentTarget.value })} placeholder={t('cash.discountReason')} maxLength={200} data-testid="line-discount-reason" />
                    </Group>
                  )}
                </Table.Td>
                <Table.Td w={70}><NumberInput size="xs" min={1} max={999} value={l.quantity} onChange={(v) => set(n, { quantity: Number(v) || 1 })} /></Table.Td>
                <Table.Td w={64}><TextInput size="xs" value={l.tooth} onChange={(e) => set(n, { tooth: e.currentTarget.value })} maxLength={16} data-testid="line-tooth" /></Table.Td>
                <Table.Td w={28}><ActionIcon variant="subtle" color="red" onClick={() => setLines((ls) => ls.filter((_, i) => i !== n))} aria-label={t('cash.removeLine')}>×</ActionIcon></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Select searchable clearable value={null} onChange={add} data={options} placeholder={t('cash.servicePlaceholder')} label={t('cash.addLine')} nothingFoundMessage="—" data-testid="bill-add-service" limit={50} />
      {error && <Alert color="red" variant="light" p="xs" data-testid="bill-error">{errorText(error, lang)}</Alert>}
      <Group gap="xs">
        <Button variant="default" onClick={() => save.mutate(payload())} loading={save.isPending} data-testid="bill-save">{t('cash.saveLines')}</Button>
        <Button onClick={() => save.mutate(payload(), { onSuccess: () => issue.mutate(bill.id) })} loading={issue.isPending} disabled={lines.length === 0} data-testid="bill-issue">
          {t('cash.issue')}
        </Button>
        <Badge variant="light" color="gray">{t('cash.status.draft')}</Badge>
      </Group>
    </Stack>
  );
}
