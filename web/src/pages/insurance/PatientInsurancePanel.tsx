import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRubles } from '../../../../src/domain/prices.js';
import { useAddLetter, useAddPolicy, useBillToInsurer, useInsurers, usePatientInsurance, type PatientInsuranceT } from '../../api/insurance';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { rub, ruDay } from './money';

type PolicyT = PatientInsuranceT['policies'][number];
type BillT = PatientInsuranceT['billable'][number];
const STATE_COLOR = { active: 'teal', expired: 'red', future: 'gray' } as const;

/** «ДМС» in the patient card: policies (an expired one marked), guarantee letters with what is left, and handing an issued bill to the insurer. */
export function PatientInsurancePanel({ patientId, active }: { patientId: string; active: boolean }) {
  const { t } = useTranslation();
  const q = usePatientInsurance(patientId);
  const [addPolicy, setAddPolicy] = useState(false);
  const [letterFor, setLetterFor] = useState<PolicyT | null>(null);
  const [billing, setBilling] = useState<BillT | null>(null);
  const d = q.data;
  return (
    <Paper withBorder p="md" data-testid="patient-dms">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('ins.patient.title')}</Title>
        {active && <Button size="compact-sm" variant="default" onClick={() => setAddPolicy(true)} data-testid="dms-add-policy">{t('ins.patient.addPolicy')}</Button>}
      </Group>
      <QueryState isPending={q.isPending} error={q.error} />
      {d && d.policies.length === 0 && <Text c="dimmed" size="sm">{t('ins.patient.none')}</Text>}
      <Stack gap="sm">
        {d?.policies.map((p) => (
          <Paper key={p.id} withBorder p="sm" bg={p.state === 'expired' ? 'var(--mantine-color-gray-0)' : undefined} data-testid="dms-policy">
            <Group justify="space-between" align="flex-start">
              <div>
                <Text fw={500}>{p.insurerName} · {t('ins.patient.policy', { number: p.number })}</Text>
                <Text size="sm" c="dimmed">{t('ins.patient.validity', { from: ruDay(p.validFrom), to: ruDay(p.validTo) })}{p.programmeName ? ` · ${p.programmeName}` : ''}</Text>
              </div>
              <Group gap="xs">
                <Badge color={STATE_COLOR[p.state]} variant="light" data-testid="dms-policy-state">{t(`ins.state.${p.state}`)}</Badge>
                {active && p.state !== 'expired' && <Button size="compact-xs" variant="default" onClick={() => setLetterFor(p)} data-testid="dms-add-letter">+ {t('ins.patient.addLetter')}</Button>}
              </Group>
            </Group>
            {p.letters.length === 0 ? <Text size="sm" c="dimmed" mt={4}>{t('ins.patient.noLetters')}</Text> : p.letters.map((l) => (
              <Text key={l.id} size="sm" mt={4} c={l.expired ? 'dimmed' : undefined} data-testid="dms-letter">
                № {l.number} {t('ins.patient.of')} {ruDay(l.issuedOn)}, {t('ins.patient.letterTo').toLowerCase()} {ruDay(l.validTo)}{l.expired ? ` (${t('ins.patient.letterExpired')})` : ''} — {l.covers};{' '}
                <b>{t('ins.patient.remaining', { left: rub(l.remaining), limit: rub(l.limit) })}</b>
              </Text>
            ))}
          </Paper>
        ))}
        {d && d.billable.length > 0 && d.policies.some((p) => p.state === 'active') && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('ins.patient.billable')}</Text>
            {d.billable.map((b) => (
              <Group key={b.id} gap="sm">
                <Text size="sm">{t('ins.patient.billLine', { number: b.number, date: ruDay(b.serviceDate), sum: rub(b.total) })}</Text>
                <Button size="compact-xs" onClick={() => setBilling(b)} data-testid={`dms-bill-${b.number}`}>{t('ins.patient.toInsurer')}</Button>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      {addPolicy && <PolicyModal patientId={patientId} onClose={() => setAddPolicy(false)} />}
      {letterFor && <LetterModal policy={letterFor} onClose={() => setLetterFor(null)} />}
      {billing && d && <BillModal bill={billing} policies={d.policies} onClose={() => setBilling(null)} />}
    </Paper>
  );
}

function PolicyModal({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const insurers = (useInsurers().data?.items ?? []).filter((i) => i.isActive);
  const add = useAddPolicy(patientId);
  const server = useFieldErrors(add.error);
  const [insurerId, setInsurerId] = useState<string | null>(null);
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const programmes = insurers.find((i) => i.id === insurerId)?.programmes ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ insurerId: insurerId ?? '', programmeId, number, validFrom: from ?? '', validTo: to ?? '' }, { onSuccess: () => { notifySaved(); onClose(); } });
  };
  return (
    <Modal opened onClose={onClose} title={t('ins.patient.addPolicy')}>
      <form onSubmit={submit} noValidate data-testid="dms-policy-form">
        <Stack gap="sm">
          <Select label={t('ins.patient.insurer')} value={insurerId} onChange={(v) => { setInsurerId(v); setProgrammeId(null); }} data={insurers.map((i) => ({ value: i.id, label: i.name }))} required error={server.field('insurerId')} data-testid="dms-policy-insurer" />
          {programmes.length > 0 && <Select label={t('ins.patient.programme')} value={programmeId} onChange={setProgrammeId} clearable data={programmes.map((p) => ({ value: p.id, label: p.name }))} error={server.field('programmeId')} />}
          <TextInput label={t('ins.patient.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required error={server.field('number')} data-testid="dms-policy-number" />
          <Group grow>
            <DateField label={t('ins.patient.validFrom')} value={from} onChange={setFrom} required error={server.field('validFrom')} data-testid="dms-policy-from" />
            <DateField label={t('ins.patient.validTo')} value={to} onChange={setTo} required error={server.field('validTo')} data-testid="dms-policy-to" />
          </Group>
          <FormErrors messages={server.rest((f) => ['insurerId', 'programmeId', 'number', 'validFrom', 'validTo'].includes(f))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={add.isPending} data-testid="dms-policy-save">{t('ins.patient.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function LetterModal({ policy, onClose }: { policy: PolicyT; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddLetter();
  const server = useFieldErrors(add.error);
  const [number, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState<string | null>(null);
  const [validTo, setValidTo] = useState<string | null>(null);
  const [limit, setLimit] = useState('');
  const [covers, setCovers] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ policyId: policy.id, number, issuedOn: issuedOn ?? '', validTo: validTo ?? '', limit: parseRubles(limit) ?? 0, covers }, { onSuccess: () => { notifySaved(); onClose(); } });
  };
  return (
    <Modal opened onClose={onClose} title={`${t('ins.patient.addLetter')} · ${policy.insurerName}, ${t('ins.patient.policy', { number: policy.number })}`}>
      <form onSubmit={submit} noValidate data-testid="dms-letter-form">
        <Stack gap="sm">
          <TextInput label={t('ins.patient.letterNumber')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required error={server.field('number')} data-testid="dms-letter-number" />
          <Group grow>
            <DateField label={t('ins.patient.issuedOn')} value={issuedOn} onChange={setIssuedOn} required error={server.field('issuedOn')} data-testid="dms-letter-issued" />
            <DateField label={t('ins.patient.letterTo')} value={validTo} onChange={setValidTo} required error={server.field('validTo')} data-testid="dms-letter-to" />
          </Group>
          <TextInput label={t('ins.patient.limit')} value={limit} onChange={(e) => setLimit(e.currentTarget.value)} required error={server.field('limit')} data-testid="dms-letter-limit" />
          <TextInput label={t('ins.patient.covers')} placeholder={t('ins.patient.coversPlaceholder')} value={covers} onChange={(e) => setCovers(e.currentTarget.value)} required error={server.field('covers')} data-testid="dms-letter-covers" />
          <FormErrors messages={server.rest((f) => ['number', 'issuedOn', 'validTo', 'limit', 'covers'].includes(f))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={add.isPending} data-testid="dms-letter-save">{t('ins.patient.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function BillModal({ bill, policies, onClose }: { bill: BillT; policies: PolicyT[]; onClose: () => void }) {
  const { t } = useTranslation();
  const go = useBillToInsurer();
  const server = useFieldErrors(go.error);
  const options = policies.flatMap((p) => p.letters.map((l) => ({
    value: `${p.id}|${l.id}`,
    label: `${p.insurerName}, ${p.number} — ГП № ${l.number} (${t('ins.patient.remaining', { left: rub(l.remaining), limit: rub(l.limit) })})`,
  })));
  const [choice, setChoice] = useState<string | null>(options.length === 1 ? options[0].value : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [policyId, letterId] = (choice ?? '|').split('|');
    go.mutate({ billId: bill.id, policyId, letterId }, { onSuccess: () => { notifySaved(t('ins.patient.handed')); onClose(); } });
  };
  return (
    <Modal opened onClose={onClose} title={t('ins.patient.toInsurerTitle', { number: bill.number, sum: rub(bill.total) })} size="lg">
      <form onSubmit={submit} noValidate data-testid="dms-bill-form">
        <Stack gap="sm">
          <Select label={t('ins.patient.chooseLetter')} value={choice} onChange={setChoice} data={options} required error={server.field('letterId') ?? server.field('policyId')} data-testid="dms-bill-letter" />
          <FormErrors messages={server.rest((f) => ['letterId', 'policyId'].includes(f))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={go.isPending} data-testid="dms-bill-save">{t('ins.patient.toInsurer')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
