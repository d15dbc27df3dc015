import { Badge, Divider, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePriceItem, type PriceDetailT } from '../../api/prices';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { formatDate, formatInstant } from '../../lib/format';
import { NewPriceForm } from './NewPriceForm';
import { PriceEditForm } from './PriceEditForm';
import { usePriceSay } from './priceFields';

/**
 * One service: what the desk says today, and the price history (everyone may read it: «сколько
 * стоило в марте»). Management also edits the service and sets a new price from a date.
 */
export function PriceDrawer({ id, today, sections, onClose }: { id: string; today: string; sections: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { data, isPending, error } = usePriceItem(id);
  return (
    <Drawer opened onClose={onClose} position="right" size={680} title={<Text fw={700}>{t('prices.drawer.title')}</Text>} data-testid="price-drawer">
      <QueryState isPending={isPending} error={error} />
      {data && (
        <Stack gap="md">
          <Summary item={data} />
          {can('prices.write') && (
            <>
              <Divider label={t('prices.drawer.newPrice')} labelPosition="left" />
              <NewPriceForm key={data.id} item={data} today={today} />
            </>
          )}
          <Divider label={t('prices.drawer.history')} labelPosition="left" />
          <History item={data} today={today} />
          {can('prices.write') && (
            <>
              <Divider label={t('prices.drawer.edit')} labelPosition="left" />
              <PriceEditForm key={data.id} item={data} sections={sections} />
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function Summary({ item }: { item: PriceDetailT }) {
  const { t } = useTranslation();
  const say = usePriceSay();
  const range = !!item.price && item.price.priceMax !== null && item.price.priceMax !== item.price.priceMin;
  return (
    <Stack gap={4}>
      <Title order={4}>{item.name}</Title>
      <Text size="sm" c="dimmed">
        {[item.code, item.mohCode, item.section].filter(Boolean).join(' · ')}
      </Text>
      {item.note && (
        <Text size="sm" fw={600} c="orange.9">
          {item.note}
        </Text>
      )}
      <Group gap="xs" align="baseline">
        <Text size="sm">{t('prices.drawer.now')}:</Text>
        <Text fw={700} size="lg" data-testid="drawer-price-now">
          {item.price ? say(item.price) : t('prices.noPrice')}
        </Text>
      </Group>
      {range && (
        <Text size="xs" c="blue.8">
          {t('prices.rangeHint')}
        </Text>
      )}
      {item.next && (
        <Text size="sm" fw={600} c="orange.8" data-testid="drawer-price-next">
          {t('prices.announced', { date: formatDate(item.next.validFrom), price: say(item.next) })}
        </Text>
      )}
    </Stack>
  );
}

/** Newest first, as the API sends them; the one in force today is marked, later ones are announced. */
function History({ item, today }: { item: PriceDetailT; today: string }) {
  const { t } = useTranslation();
  const say = usePriceSay();
  const tz = useClinicTimeZone();
  const inForce = item.versions.find((v) => v.validFrom <= today);
  return (
    <Table verticalSpacing={4} data-testid="price-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>{t('prices.drawer.validFrom')}</Table.Th>
          <Table.Th ta="right">{t('prices.drawer.price')}</Table.Th>
          <Table.Th>{t('prices.drawer.who')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {item.versions.map((v) => (
          <Table.Tr key={v.validFrom} data-testid="price-history-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDate(v.validFrom)}
              {v.validFrom > today && (
                <Badge ml={6} size="xs" color="orange" variant="light" tt="none">
                  {t('prices.drawer.future')}
                </Badge>
              )}
              {v === inForce && (
                <Badge ml={6} size="xs" color="teal" variant="light" tt="none">
                  {t('prices.drawer.current')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              {say(v)}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{v.createdBy ?? '—'}</Text>
              <Text size="xs" c="dimmed">
                {formatInstant(v.createdAt, tz)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
