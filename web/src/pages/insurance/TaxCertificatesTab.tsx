import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile, useCertificates, useClinicTax, useSetClinicTax, type TaxCertificateT } from '../../api/insurance';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { formatInstant, todayIn } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/notify';
import { rub } from './money';

/** The register of issued tax certificates, and the clinic's INN/KPP they print. */
export function TaxCertificatesTab() {
  const { t } = useTranslation();
  const thisYear = Number(todayIn(useClinicTimeZone()).slice(0, 4));
  const [year, setYear] = useState<string | null>(null);
  const list = useCertificates(year ? Number(year) : undefined);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t('ins.tax.hint')}</Text>
      <ClinicTaxForm />
      <Group align="flex-end">
        <Title order={4}>{t('ins.tax.list')}</Title>
        <Select aria-label={t('ins.tax.year')} placeholder={t('ins.tax.year')} clearable value={year} onChange={setYear} data={[0, 1, 2, 3].map((k) => String(thisYear - k))} w={120} />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && <CertificateTable items={list.data.items} withPatient />}
    </Stack>
  );
}

export function CertificateTable({ items, withPatient }: { items: TaxCertificateT[]; withPatient?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  if (items.length === 0) return <Text c="dimmed">{t('ins.tax.none')}</Text>;
  return (
    <Table fz="sm" striped data-testid="tax-cert-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ins.tax.number')}</Table.Th><Table.Th>{t('ins.tax.year')}</Table.Th><Table.Th>{t('ins.tax.issuedAt')}</Table.Th>
          {withPatient && <Table.Th>{t('ins.tax.patient')}</Table.Th>}<Table.Th>{t('ins.tax.payer')}</Table.Th><Table.Th ta="right">{t('ins.tax.sum')}</Table.Th><Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.number}</Table.Td><Table.Td>{c.year}</Table.Td><Table.Td>{formatInstant(c.issuedAt, tz)}</Table.Td>
            {withPatient && <Table.Td><Link to={`/patients/${c.patientId}`}>{c.patientName}</Link></Table.Td>}
            <Table.Td>{c.taxpayerName}</Table.Td><Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(c.amount)}</Table.Td>
            <Table.Td><Button size="compact-xs" variant="default" onClick={() => void downloadFile(`/tax-certificates/${c.id}/pdf`, {}, lang, 'spravka.pdf').catch(notifyError)} data-testid={`tax-cert-pdf-${c.number}`}>{t('ins.tax.pdf')}</Button></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ClinicTaxForm() {
  const { t } = useTranslation();
  const can = useCan();
  const details = useClinicTax();
  const save = useSetClinicTax();
  const server = useFieldErrors(save.error);
  const [inn, setInn] = useState('');
  const [kpp, setKpp] = useState('');
  useEffect(() => { if (details.data) { setInn(details.data.inn ?? ''); setKpp(details.data.kpp ?? ''); } }, [details.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ inn: inn.trim(), kpp: kpp.trim() || null }, { onSuccess: () => notifySaved() });
  };
  return (
    <Paper withBorder p="sm">
      <Text fw={500} mb={6}>{t('ins.tax.clinic')}</Text>
      {details.data && !details.data.inn && <Alert color="orange" variant="light" mb="sm">{t('ins.tax.clinicMissing')}</Alert>}
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('ins.tax.clinicInn')} value={inn} onChange={(e) => setInn(e.currentTarget.value)} error={server.field('inn')} readOnly={!can('clinic.write')} w={180} data-testid="tax-clinic-inn" />
          <TextInput label={t('ins.tax.clinicKpp')} value={kpp} onChange={(e) => setKpp(e.currentTarget.value)} error={server.field('kpp')} readOnly={!can('clinic.write')} w={160} />
          {can('clinic.write') && <Button type="submit" variant="default" loading={save.isPending}>{t('ins.tax.clinicSave')}</Button>}
        </Group>
      </form>
    </Paper>
  );
}
