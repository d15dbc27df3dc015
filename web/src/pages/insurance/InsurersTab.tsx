import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddProgramme, useCreateInsurer, useInsurers, useUpdateInsurer, type InsurerT } from '../../api/insurance';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useFieldErrors } from '../../lib/fieldErrors';
import { displayPhone } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { ruDay } from './money';

/** The insurers the clinic works with: requisites, contacts, the contract and its term, the programmes. */
export function InsurersTab() {
  const { t } = useTranslation();
  const list = useInsurers();
  const [editing, setEditing] = useState<InsurerT | 'new' | null>(null);
  return (
    <Stack gap="md">
      <Group><Button onClick={() => setEditing('new')} data-testid="ins-insurer-add">{t('ins.insurers.add')}</Button></Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('ins.insurers.none')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {list.data?.items.map((i) => (
          <Paper key={i.id} withBorder p="md" data-testid="ins-insurer-card">
            <Group justify="space-between" align="flex-start">
              <Title order={5}>{i.name}</Title>
              <Badge variant="light" color={i.isActive ? 'teal' : 'gray'}>{i.isActive ? t('ins.insurers.active') : t('ins.insurers.inactive')}</Badge>
            </Group>
            <Text size="sm">{i.legalName}</Text>
            <Text size="sm" c="dimmed">{t('ins.insurers.inn')} {i.inn}{i.kpp ? `, ${t('ins.insurers.kpp')} ${i.kpp}` : ''}</Text>
            <Text size="sm" mt={6}>
              {t('ins.insurers.contract')} {t('ins.insurers.contractText', { number: i.contractNumber, date: ruDay(i.contractDate) })},{' '}
              {i.contractValidTo ? t('ins.insurers.contractUntil', { date: ruDay(i.contractValidTo) }) : t('ins.insurers.open')}
            </Text>
            {(i.contactPerson || i.phone || i.email) && <Text size="sm">{[i.contactPerson, i.phone && displayPhone(i.phone), i.email].filter(Boolean).join(' · ')}</Text>}
            {i.programmes.length > 0 && <Text size="sm" mt={6}>{t('ins.insurers.programmes')}: {i.programmes.map((p) => p.name).join(', ')}</Text>}
            <Group justify="space-between" mt="sm">
              <Text size="xs" c="dimmed">{t('ins.insurers.policies', { count: i.policiesCount })}</Text>
              <Button size="compact-sm" variant="default" onClick={() => setEditing(i)}>{t('ins.insurers.edit')}</Button>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
      {editing && <InsurerModal insurer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

const SHOWN = ['name', 'legalName', 'inn', 'kpp', 'phone', 'email', 'contactPerson', 'address', 'contractNumber', 'contractDate', 'contractValidTo', 'note'];

function InsurerModal({ insurer, onClose }: { insurer: InsurerT | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateInsurer();
  const update = useUpdateInsurer();
  const m = insurer ? update : create;
  const server = useFieldErrors(m.error);
  const [v, setV] = useState({
    name: insurer?.name ?? '', legalName: insurer?.legalName ?? '', inn: insurer?.inn ?? '', kpp: insurer?.kpp ?? '', phone: insurer?.phone ?? '', email: insurer?.email ?? '',
    contactPerson: insurer?.contactPerson ?? '', address: insurer?.address ?? '', contractNumber: insurer?.contractNumber ?? '', note: insurer?.note ?? '',
  });
  const [contractDate, setContractDate] = useState<string | null>(insurer?.contractDate ?? null);
  const [contractValidTo, setContractValidTo] = useState<string | null>(insurer?.contractValidTo ?? null);
  const [isActive, setActive] = useState(insurer?.isActive ?? true);
  const text = (k: keyof typeof v, label: string, required = false) => (
    <TextInput label={label} value={v[k]} onChange={(e) => { const x = e.currentTarget.value; setV((s) => ({ ...s, [k]: x })); }} error={server.field(k)} required={required} data-testid={`ins-insurer-${k}`} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: v.name, legalName: v.legalName, inn: v.inn.trim(), kpp: v.kpp.trim() || null, phone: v.phone.trim() || null, email: v.email.trim() || null,
      contactPerson: v.contactPerson.trim() || null, address: v.address.trim() || null, contractNumber: v.contractNumber, contractDate: contractDate ?? '',
      contractValidTo, note: v.note.trim() || null, isActive,
    };
    const done = { onSuccess: () => { notifySaved(); onClose(); } };
    if (insurer) update.mutate({ id: insurer.id, ...body }, done);
    else create.mutate(body, done);
  };
  return (
    <Modal opened onClose={onClose} title={insurer ? insurer.name : t('ins.insurers.add')} size="lg">
      <form onSubmit={submit} noValidate data-testid="ins-insurer-form">
        <Stack gap="sm">
          <Group grow align="flex-start">{text('name', t('ins.insurers.name'), true)}{text('legalName', t('ins.insurers.legalName'), true)}</Group>
          <Group grow align="flex-start">{text('inn', t('ins.insurers.inn'), true)}{text('kpp', t('ins.insurers.kpp'))}</Group>
          <Group grow align="flex-start">
            {text('contractNumber', t('ins.insurers.contractNumber'), true)}
            <DateField label={t('ins.insurers.contractDate')} value={contractDate} onChange={setContractDate} required error={server.field('contractDate')} data-testid="ins-insurer-contractDate" />
            <DateField label={t('ins.insurers.contractTo')} value={contractValidTo} onChange={setContractValidTo} error={server.field('contractValidTo')} />
          </Group>
          <Group grow align="flex-start">{text('contactPerson', t('ins.insurers.contact'))}{text('phone', t('ins.insurers.phone'))}{text('email', t('ins.insurers.email'))}</Group>
          {text('address', t('ins.insurers.address'))}
          {text('note', t('ins.insurers.note'))}
          <Switch label={t('ins.insurers.active')} checked={isActive} onChange={(e) => setActive(e.currentTarget.checked)} />
          <FormErrors messages={server.rest((f) => SHOWN.includes(f))} />
          {insurer && <Programmes insurer={insurer} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={m.isPending} data-testid="ins-insurer-save">{t('ins.insurers.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The insurer's programmes (a policy names one): listed, and a new one added on the spot. */
function Programmes({ insurer }: { insurer: InsurerT }) {
  const { t } = useTranslation();
  const add = useAddProgramme();
  const server = useFieldErrors(add.error);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const list = useInsurers().data?.items.find((i) => i.id === insurer.id)?.programmes ?? insurer.programmes;
  const submit = () =>
    add.mutate({ insurerId: insurer.id, name: name.trim(), description: description.trim() || null }, { onSuccess: () => { setName(''); setDescription(''); notifySaved(); } });
  return (
    <Paper withBorder p="sm" data-testid="ins-programmes">
      <Text fw={600} size="sm" mb={4}>{t('ins.insurers.programmes')}</Text>
      {list.length === 0 ? <Text size="sm" c="dimmed">{t('ins.insurers.noProgrammes')}</Text> : (
        <Stack gap={2} mb="xs">
          {list.map((p) => <Text key={p.id} size="sm" data-testid="ins-programme">{p.name}{p.description ? <Text span size="xs" c="dimmed"> — {p.description}</Text> : null}</Text>)}
        </Stack>
      )}
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput label={t('ins.insurers.programmeName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={server.field('name')} maxLength={100} style={{ flex: 1 }} data-testid="ins-programme-name"
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); if (name.trim()) submit(); } }} />
        <TextInput label={t('ins.insurers.programmeDescription')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={server.field('description')} maxLength={200} style={{ flex: 1 }} />
        <Button variant="light" onClick={submit} disabled={!name.trim()} loading={add.isPending} data-testid="ins-programme-add">{t('ins.insurers.addProgramme')}</Button>
      </Group>
    </Paper>
  );
}
