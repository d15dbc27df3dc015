import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_LABELS, type Kind } from '../../../../src/domain/schedule/status.js';
import { useCardPull, type CardPullDoctor } from '../../api/desk';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import './card-pull.css';
import { DayNav, useDayParam } from './DayNav';
import { TomorrowPackButton } from '../documents/TomorrowPackButton';
import { weekdayOf } from '../../../../src/domain/dates.js';

/**
 * «Карты на завтра» (SCH-10): each evening 16:00–18:00 the administrator pulls the medical cards
 * of the next day's patients, doctor by doctor. Prints one doctor per sheet, in large type, with a
 * «карта выложена» box to tick.
 */
export function CardPullPage() {
  const { t } = useTranslation();
  const [date, setDate] = useDayParam('tomorrow');
  const pull = useCardPull(date);
  const [printDoctor, setPrintDoctor] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  // Print after React has rendered the «only this doctor» marker, then clear it.
  useEffect(() => {
    if (!printing) return;
    window.print();
    setPrinting(false);
    setPrintDoctor(null);
  }, [printing]);

  const print = (doctorId: string | null) => {
    setPrintDoctor(doctorId);
    setPrinting(true);
  };

  const heading = t('desk.cardPull.heading', { weekday: t(`desk.weekdayOn.${weekdayOf(date)}`), date: formatDate(date) });
  const doctors = pull.data?.date === date ? pull.data.doctors : null;

  return (
    <Stack gap="md" className="cardpull-root" data-print-doctor={printDoctor ?? undefined}>
      <div className="no-print">
        <PageHeader title={t('desk.cardPull.title')}>
          <TomorrowPackButton />
          {doctors && doctors.length > 0 && (
            <Button onClick={() => print(null)} data-testid="cardpull-print-all">
              {t('desk.cardPull.printAll')}
            </Button>
          )}
        </PageHeader>
        <Text size="sm" c="dimmed" mt={-12} mb="md">
          {t('desk.cardPull.hint')}
        </Text>
        <DayNav date={date} onChange={setDate} />
      </div>
      {!doctors ? (
        <QueryState isPending={pull.isPending || pull.isFetching} error={pull.error} />
      ) : doctors.length === 0 ? (
        <Alert color="gray" variant="light" data-testid="cardpull-none">
          {t('desk.cardPull.none')}
        </Alert>
      ) : (
        doctors.map((d) => (
          <DoctorSheet key={`${date}-${d.doctorId}`} doctor={d} heading={heading} printTarget={printDoctor === d.doctorId} onPrint={() => print(d.doctorId)} />
        ))
      )}
    </Stack>
  );
}

function DoctorSheet({ doctor: d, heading, printTarget, onPrint }: { doctor: CardPullDoctor; heading: string; printTarget: boolean; onPrint: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [laidOut, setLaidOut] = useState<ReadonlySet<number>>(new Set());
  const toggle = (i: number) =>
    setLaidOut((s) => {
      const next = new Set(s);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });

  return (
    <Paper withBorder p="md" className="cardpull-doctor" data-print-target={printTarget} data-testid="cardpull-doctor">
      <Text className="cardpull-print-only" size="lg" mb={4}>
        {heading}
      </Text>
      <Group justify="space-between" align="center" mb="sm">
        <Group gap="sm" align="baseline">
          <Title order={3} size="h4" data-testid="cardpull-doctor-name">
            {d.doctorName}
          </Title>
          <Text c="dimmed" size="sm">
            {t('desk.cardPull.count', { count: d.patients.length })}
          </Text>
        </Group>
        <Button variant="default" size="xs" className="no-print" onClick={onPrint} aria-label={t('desk.cardPull.printFor', { doctor: d.doctorName })} data-testid="cardpull-print">
          {t('desk.cardPull.print')}
        </Button>
      </Group>
      <Table className="cardpull-table" withTableBorder withColumnBorders verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>{t('desk.cardPull.no')}</Table.Th>
            <Table.Th w={70}>{t('desk.cardPull.time')}</Table.Th>
            <Table.Th w={90}>{t('desk.cardPull.card')}</Table.Th>
            <Table.Th>{t('desk.cardPull.name')}</Table.Th>
            <Table.Th w={130}>{t('desk.cardPull.birthDate')}</Table.Th>
            <Table.Th>{t('desk.cardPull.kind')}</Table.Th>
            <Table.Th w={100} ta="center">
              {t('desk.cardPull.laidOut')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.patients.map((p, i) => (
            <Table.Tr key={`${p.time}-${p.cardNumber}-${i}`} data-testid="cardpull-row">
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td fw={600}>{p.time}</Table.Td>
              <Table.Td fw={600}>{p.cardNumber}</Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{formatDate(p.birthDate)}</Table.Td>
              <Table.Td>{KIND_LABELS[p.kind as Kind]?.[lang] ?? p.kind}</Table.Td>
              <Table.Td ta="center">
                <input
                  type="checkbox"
                  className="cardpull-check"
                  checked={laidOut.has(i)}
                  onChange={() => toggle(i)}
                  aria-label={t('desk.cardPull.laidOutFor', { name: p.name })}
                  data-testid="cardpull-check"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text className="cardpull-print-only cardpull-signature">{t('desk.cardPull.signature')}</Text>
    </Paper>
  );
}
