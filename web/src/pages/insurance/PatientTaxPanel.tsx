import { Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIssueCertificate, usePatientCertificates, useTaxPreview } from '../../api/insurance';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { rub } from './money';
import { CertificateTable } from './TaxCertificatesTab';

type Relation = 'self' | 'spouse' | 'parent' | 'child';

/** The patient's tax-deduction certificates: issued ones with their PDF, and issuing a new one for a year. */
export function PatientTaxPanel({ patient }: { patient: { id: string; fullName: string; birthDate: string | null } }) {
  const { t } = useTranslation();
  const list = usePatientCertificates(patient.id);
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="md" data-testid="patient-tax">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('ins.tax.title')}</Title>
        <Button size="compact-sm" variant="default" onClick={() => setOpen(true)} data-testid="tax-issue-open">{t('ins.tax.issue')}</Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && <CertificateTable items={list.data.items} />}
      {open && <IssueModal patient={patient} onClose={() => setOpen(false)} />}
    </Paper>
  );
}

function IssueModal({ patient, onClose }: { patient: { id: string; fullName: string; birthDate: string | null }; onClose: () => void }) {
  const { t } = useTranslation();
  const thisYear = Number(todayIn(useClinicTimeZone()).slice(0, 4));
  const [year, setYear] = useState(String(thisYear - 1));
  const [relation, setRelation] = useState<Relation>('self');
  const [fullName, setFullName] = useState(patient.fullName);
  const [inn, setInn] = useState('');
  const [birthDate, setBirthDate] = useState<string | null>(patient.birthDate);
  const [document, setDocument] = useState('');
  const [code, setCode] = useState<'1' | '2'>('1');
  const preview = useTaxPreview(patient.id, Number(year), true);
  const issue = useIssueCertificate(patient.id);
  const server = useFieldErrors(issue.error);
  const pickRelation = (r: Relation) => {
    setRelation(r);
    setFullName(r === 'self' ? patient.fullName : '');
    setBirthDate(r === 'self' ? patient.birthDate : null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    issue.mutate(
      { year: Number(year), serviceCode: code === '2' ? 2 : 1, taxpayer: { relation, fullName, inn: inn.trim() || null, birthDate: birthDate ?? '', document: document.trim() || null } },
      { onSuccess: (c) => { notifySaved(t('ins.tax.issued', { number: c.number })); onClose(); } },
    );
  };
  const SHOWN = ['year', 'taxpayer.fullName', 'taxpayer.inn', 'taxpayer.birthDate', 'taxpayer.document', 'serviceCode'];
  return (
    <Modal opened onClose={onClose} title={t('ins.tax.issue')} size="lg">
      <form onSubmit={submit} noValidate data-testid="tax-issue-form">
        <Stack gap="sm">
          <Group align="flex-end">
            <Select label={t('ins.tax.year')} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false} data={[0, 1, 2, 3].map((k) => String(thisYear - k))} w={110} error={server.field('year')} data-testid="tax-year" />
            {preview.data && <Text size="sm" data-testid="tax-preview">{t('ins.tax.preview', { year, sum: rub(preview.data.amount), payments: preview.data.payments, refunds: preview.data.refunds })}</Text>}
          </Group>
          <Text size="xs" c="dimmed">{t('ins.tax.previewNote')}</Text>
          <Select label={t('ins.tax.relation')} value={relation} onChange={(v) => v && pickRelation(v as Relation)} allowDeselect={false}
            data={(['self', 'spouse', 'child', 'parent'] as const).map((r) => ({ value: r, label: t(`ins.tax.relations.${r}`) }))} data-testid="tax-relation" />
          <TextInput label={t('ins.tax.taxpayer')} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} required error={server.field('taxpayer.fullName')} data-testid="tax-taxpayer" />
          <Group grow align="flex-start">
            <TextInput label={t('ins.tax.inn')} value={inn} onChange={(e) => setInn(e.currentTarget.value)} maxLength={12} error={server.field('taxpayer.inn')} data-testid="tax-inn" />
            <DateField label={t('ins.tax.birthDate')} value={birthDate} onChange={setBirthDate} required error={server.field('taxpayer.birthDate')} data-testid="tax-birth" />
          </Group>
          {!inn.trim() && <TextInput label={t('ins.tax.document')} placeholder={t('ins.tax.documentPlaceholder')} value={document} onChange={(e) => setDocument(e.currentTarget.value)} error={server.field('taxpayer.document')} data-testid="tax-document" />}
          <Select label={t('ins.tax.code')} value={code} onChange={(v) => v && setCode(v as '1' | '2')} allowDeselect={false} data={[{ value: '1', label: t('ins.tax.code1') }, { value: '2', label: t('ins.tax.code2') }]} />
          <FormErrors messages={server.rest((f) => SHOWN.includes(f))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={issue.isPending} data-testid="tax-issue-save">{t('ins.tax.issue')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
