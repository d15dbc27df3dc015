import { Button, Checkbox, Group, Loader, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { usePriceList, usePriceSections, type PricePageT } from '../../api/prices';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { formatDate, todayIn } from '../../lib/format';
import { AddPriceModal } from './AddPriceModal';
import { PriceDrawer } from './PriceDrawer';
import { PriceImportExport } from './PriceImportExport';
import { usePriceSay } from './priceFields';

type Item = PricePageT['items'][number];

/**
 * «Прейскурант» (CALL-6): the desk answers «сколько стоит…» on the phone, so the search box has
 * the cursor on open, the list is grouped by section, and each row shows what must be said: the
 * price or range, the note («без анестезии») and an announced change. Management (prices.write)
 * adds services and sets new prices in the drawer.
 */
export function PricesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('prices.write');
  const today = todayIn(useClinicTimeZone());
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const [section, setSection] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(today);
  const [showHidden, setShowHidden] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const sections = usePriceSections();
  const list = usePriceList({ q: debounced, section, date: date ?? today, includeInactive: canWrite && showHidden });
  const items = list.data?.items ?? [];
  const onDate = list.data?.date ?? date ?? today;

  return (
    <>
      <PageHeader title={t('prices.title')}>
        <PriceImportExport date={onDate} />
        {canWrite && (
          <Button onClick={() => setAdding(true)} data-testid="price-add">
            {t('prices.add')}
          </Button>
        )}
      </PageHeader>
      <Paper withBorder p="sm" mb="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('prices.search')}
            placeholder={t('prices.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && setQ('')}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            size="md"
            rightSection={list.isFetching ? <Loader size="xs" /> : null}
            style={{ flex: '1 1 360px' }}
            data-testid="prices-search"
          />
          <Select
            label={t('prices.section')}
            placeholder={t('prices.allSections')}
            data={sections.data ?? []}
            value={section}
            onChange={setSection}
            clearable
            searchable
            size="md"
            w={260}
            data-testid="prices-section"
          />
          <DateField label={t('prices.date')} value={date} onChange={setDate} clearable={false} size="md" w={160} data-testid="prices-date" />
          {canWrite && (
            <Checkbox label={t('prices.showHidden')} checked={showHidden} onChange={(e) => setShowHidden(e.currentTarget.checked)} mb={10} />
          )}
        </Group>
        {onDate !== today && (
          <Group gap="xs" mt="xs">
            <Text size="sm" fw={600} c="orange.8" data-testid="prices-on-date">
              {t('prices.dateHint', { date: formatDate(onDate) })}
            </Text>
            <Button size="compact-sm" variant="subtle" onClick={() => setDate(today)}>
              {t('prices.toToday')}
            </Button>
          </Group>
        )}
      </Paper>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && (debounced || section) && (
        <Text size="sm" c="dimmed" mb="xs">
          {items.length ? t('prices.found', { count: list.data.total }) : t('prices.nothing')}
        </Text>
      )}
      {items.length > 0 && <PriceTable items={items} onOpen={setOpenId} answers={list.isPlaceholderData ? undefined : debounced} />}
      {adding && <AddPriceModal today={today} sections={sections.data ?? []} onClose={() => setAdding(false)} onCreated={(id) => { setAdding(false); setOpenId(id); }} />}
      {openId && <PriceDrawer id={openId} today={today} sections={sections.data ?? []} onClose={() => setOpenId(null)} />}
    </>
  );
}

/** The list grouped by section (the API sends it in section and code order). */
/** `answers`: the search these rows answer (undefined while the previous answer is still shown), for tests to wait on. */
function PriceTable({ items, onOpen, answers }: { items: Item[]; onOpen: (id: string) => void; answers?: string }) {
  const { t } = useTranslation();
  const rows: JSX.Element[] = [];
  let current: string | null = null;
  for (const item of items) {
    if (item.section !== current) {
      current = item.section;
      rows.push(
        <Table.Tr key={`s:${current}`} data-testid="price-section">
          <Table.Td colSpan={3} bg="gray.1" fw={700} py={6}>
            {current}
          </Table.Td>
        </Table.Tr>,
      );
    }
    rows.push(<PriceRow key={item.id} item={item} onOpen={onOpen} />);
  }
  return (
    <Paper withBorder>
      <Table highlightOnHover stickyHeader verticalSpacing={6} data-testid="price-table" data-answers={answers}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('prices.colCode')}</Table.Th>
            <Table.Th>{t('prices.colName')}</Table.Th>
            <Table.Th w={290} ta="right">
              {t('prices.colPrice')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </Paper>
  );
}

function PriceRow({ item, onOpen }: { item: Item; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const say = usePriceSay();
  const range = !!item.price && item.price.priceMax !== null && item.price.priceMax !== item.price.priceMin;
  return (
    <Table.Tr
      data-testid="price-row"
      data-code={item.code}
      data-clickable="true"
      tabIndex={0}
      onClick={() => onOpen(item.id)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(item.id)}
      style={{ verticalAlign: 'top' }}
    >
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text fw={600} size="sm">
          {item.code}
        </Text>
        {item.mohCode && (
          <Text size="xs" c="dimmed" title={t('prices.moh')}>
            {item.mohCode}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} c={item.isActive ? undefined : 'dimmed'}>
          {item.name}
          {!item.isActive && (
            <Text span size="xs" c="red.7" fw={600} ml="xs">
              {t('prices.hidden')}
            </Text>
          )}
        </Text>
        {item.note && (
          <Text size="sm" fw={600} c="orange.9" data-testid="price-note">
            {item.note}
          </Text>
        )}
        {range && (
          <Text size="xs" c="blue.8" data-testid="price-range-hint">
            {t('prices.rangeHint')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        <Text fw={700} size="md" data-testid="price-now">
          {item.price ? say(item.price) : <Text span size="sm" c="dimmed">{t('prices.noPrice')}</Text>}
        </Text>
        {item.next && (
          <Text size="sm" fw={600} c="orange.8" data-testid="price-next">
            {t('prices.announced', { date: formatDate(item.next.validFrom), price: say(item.next) })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
