import { Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../../src/domain/names.js';
import type { CallDeskT } from '../../api/calls';
import { useBranches } from '../../api/clinic';
import { useDoctors } from '../../api/doctors';
import { usePriceList } from '../../api/prices';
import { usePriceSay } from '../prices/priceFields';

const WD = ['', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];

/**
 * CALL-6/7: what the law and the patient want answered at once — the approved price of exactly
 * the service asked for, the doctors' education, qualification and experience, the hours of the
 * branches and the doctors, how long the clinic has worked, its equipment and materials.
 */
export function CallAnswers({ desk }: { desk: CallDeskT }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebounced(q);
  const prices = usePriceList({ q: debounced, section: null, date: null, includeInactive: false });
  const say = usePriceSay();
  const { data: doctors } = useDoctors();
  const { data: branches } = useBranches();
  const year = Number(desk.today.slice(0, 4));
  const facts = desk.script.script.facts;
  return (
    <Tabs defaultValue="prices" data-testid="call-answers">
      <Tabs.List>
        <Tabs.Tab value="prices">{t('calls.answers.prices')}</Tabs.Tab>
        <Tabs.Tab value="doctors">{t('calls.answers.doctors')}</Tabs.Tab>
        <Tabs.Tab value="hours">{t('calls.answers.hours')}</Tabs.Tab>
        <Tabs.Tab value="clinic">{t('calls.answers.clinic')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="prices" pt="xs">
        <TextInput size="sm" placeholder={t('calls.answers.priceSearch')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="call-price-search" />
        <Text size="xs" c="dimmed" mt={4}>{t('calls.answers.priceHint')}</Text>
        {debounced && (
          <Table fz="sm" mt={4} data-testid="call-prices">
            <Table.Tbody>
              {(prices.data?.items ?? []).slice(0, 12).map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td c="dimmed">{p.code}</Table.Td>
                  <Table.Td>{p.name}{p.note ? <Text span size="xs" c="dimmed"> ({p.note})</Text> : null}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} fw={600}>{p.price ? say(p.price) : t('calls.answers.noPrice')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="doctors" pt="xs">
        <Stack gap="xs" data-testid="call-doctors">
          {(doctors?.items ?? []).filter((d) => d.isActive).map((d) => (
            <div key={d.id}>
              <Text size="sm" fw={600}>{fullName(d)} — {d.position}</Text>
              {d.experienceSince && (
                <Text size="xs">{t('calls.answers.experience', { year: d.experienceSince, years: t('calls.answers.years', { count: year - d.experienceSince }) })}</Text>
              )}
              {d.education && <Text size="xs" c="dimmed">{d.education}</Text>}
              {d.qualification && <Text size="xs" c="dimmed">{d.qualification}</Text>}
              {d.hours.length > 0 && (
                <Text size="xs">{[...d.hours].sort((a, b) => a.weekday - b.weekday).map((h) => `${WD[h.weekday]} ${h.starts}–${h.ends}`).join(', ')}</Text>
              )}
            </div>
          ))}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="hours" pt="xs">
        <Stack gap="xs">
          {(branches?.items ?? []).filter((b) => b.isActive).map((b) => (
            <div key={b.id}>
              <Text size="sm" fw={600}>{b.name}: {b.address}</Text>
              <Text size="xs">
                {[1, 2, 3, 4, 5, 6, 7].map((wd) => {
                  const h = b.hours.find((x) => x.weekday === wd);
                  return `${WD[wd]} ${h ? `${h.opens}–${h.closes}` : t('calls.answers.closed')}`;
                }).join(', ')}
              </Text>
              {b.directions && <Text size="xs" c="dimmed">{b.directions}</Text>}
            </div>
          ))}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="clinic" pt="xs">
        <Stack gap={4} data-testid="call-clinic-facts">
          <Text size="sm">{desk.yearsOpen !== null ? t('calls.answers.worksFor', { years: t('calls.answers.years', { count: desk.yearsOpen }) }) : t('calls.answers.founded')}</Text>
          {facts.equipment && <Text size="sm"><b>{t('calls.answers.equipment')}:</b> {facts.equipment}</Text>}
          {facts.materials && <Text size="sm"><b>{t('calls.answers.materials')}:</b> {facts.materials}</Text>}
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

function useDebounced(q: string) {
  return useDebouncedValue(q.trim(), 250);
}
