import { Anchor, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDrill, type BilledLineListT, type Drill, type PaymentListT } from '../../api/money';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { formatInstant } from '../../lib/format';
import { rub } from './moneyParts';

/** The list behind a figure: payments and refunds, or the bill lines of a doctor or a service. */
export function DrillModal({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [drill]);
  const q = useDrill(drill, offset);
  const total = q.data?.total ?? 0;
  const shown = Math.min(total, offset + (q.data?.items.length ?? 0));
  return (
    <Modal opened={drill !== null} onClose={onClose} title={drill?.title} size="xl" data-testid="money-drill">
      <QueryState isPending={q.isPending} error={q.error} />
        {q.data && q.data.items.length === 0 && <Text c="dimmed">{t('money.drill.none')}</Text>}
        {drill?.list === 'payments' && q.data && q.data.items.length > 0 && (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('money.drill.receipt')}</Table.Th>
                <Table.Th>{t('money.drill.at')}</Table.Th>
                <Table.Th>{t('money.patient')}</Table.Th>
                <Table.Th>{t('money.method')}</Table.Th>
                <Table.Th ta="right">{t('money.fiscal.sum')}</Table.Th>
                <Table.Th>{t('money.drill.bill')}</Table.Th>
                <Table.Th>{t('money.drill.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(q.data as PaymentListT).items.map((p) => (
                <Table.Tr key={p.id} data-testid="drill-row">
                  <Table.Td>{p.number}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(p.at, tz)}</Table.Td>
                  <Table.Td><Anchor component={Link} to={`/patients/${p.patientId}`}>{p.patientName}</Anchor></Table.Td>
                  <Table.Td>{t(`money.methods.${p.method}`)}{p.kind === 'refund' ? ` · ${t('money.kinds.refund')}` : ''}</Table.Td>
                  <Table.Td ta="right" c={p.kind === 'refund' ? 'red.7' : undefined} style={{ whiteSpace: 'nowrap' }}>{rub(p.kind === 'refund' ? -p.amount : p.amount)}</Table.Td>
                  <Table.Td>{p.billNumber ?? t('money.drill.advance')}</Table.Td>
                  <Table.Td>{p.by}{p.reason ? <Text size="xs" c="dimmed">{p.reason}</Text> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {drill?.list === 'lines' && q.data && q.data.items.length > 0 && (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('money.drill.bill')}</Table.Th>
                <Table.Th>{t('money.drill.at')}</Table.Th>
                <Table.Th>{t('money.patient')}</Table.Th>
                <Table.Th>{t('money.service')}</Table.Th>
                <Table.Th>{t('money.quantity')}</Table.Th>
                <Table.Th ta="right">{t('money.fiscal.sum')}</Table.Th>
                <Table.Th>{t('money.doctor')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(q.data as BilledLineListT).items.map((l, i) => (
                <Table.Tr key={`${l.billId}-${i}`} data-testid="drill-row">
                  <Table.Td>{l.billNumber}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(l.issuedAt, tz)}</Table.Td>
                  <Table.Td><Anchor component={Link} to={`/patients/${l.patientId}`}>{l.patientName}</Anchor></Table.Td>
                  <Table.Td>{l.code} {l.name}</Table.Td>
                  <Table.Td>{l.quantity}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(l.amount)}</Table.Td>
                  <Table.Td>{l.doctorName ?? t('money.noDoctor')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {total > 0 && (
          <Group justify="space-between" mt="sm">
            <Text size="sm" c="dimmed">{t('money.drill.shown', { shown, total })}</Text>
            {shown < total && <Button variant="default" size="xs" onClick={() => setOffset(offset + 50)}>{t('money.drill.more')}</Button>}
          </Group>
        )}
    </Modal>
  );
}
