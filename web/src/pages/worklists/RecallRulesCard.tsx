import { Button, Group, NumberInput, Paper, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KINDS, KIND_LABELS } from '../../../../src/domain/schedule/status.js';
import { DEFAULT_RECALL_RULES } from '../../../../src/domain/worklists/recall-rules.js';
import { SPECIALTIES, SPECIALTY_LABELS, type Specialty } from '../../../../src/domain/specialties.js';
import { useRecallRules, useSaveRecallRule, useSetHalfBoundary } from '../../api/worklists';
import { TimeField } from '../../components/TimeField';
import { useLang } from '../../i18n';
import { notifySaved } from '../../lib/notify';

/** REC-1: management's recall scheme, edited in place; CONF-2's half boundary beside it. */
export function RecallRulesCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const rules = useRecallRules();
  const save = useSaveRecallRule();
  const boundary = useSetHalfBoundary();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [months, setMonths] = useState<number | string>(6);
  const [half, setHalf] = useState<string | null>(null);
  const kinds = KINDS.map((k) => ({ value: k, label: KIND_LABELS[k][lang] }));
  const specs = SPECIALTIES.map((s) => ({ value: s, label: SPECIALTY_LABELS[s as Specialty][lang] }));
  return (
    <Paper withBorder p="md" mb="md" data-testid="recall-rules">
      <Title order={3} size="h5">{t('worklists.recall.rules')}</Title>
      <Text size="xs" c="dimmed" mb="xs">{t('worklists.recall.rulesHint')}</Text>
      {rules.data && !rules.data.items.length && (
        <Text size="sm" mb="xs" data-testid="recall-defaults">
          {t('worklists.recall.defaultsInForce', { rules: DEFAULT_RECALL_RULES.map((r) => r.name).join('; ') })}
        </Text>
      )}
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('worklists.recall.ruleName')}</Table.Th>
            <Table.Th>{t('worklists.recall.ruleKind')}</Table.Th>
            <Table.Th>{t('worklists.recall.ruleSpecialty')}</Table.Th>
            <Table.Th w={110}>{t('worklists.recall.months')}</Table.Th>
            <Table.Th w={90}>{t('worklists.recall.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rules.data?.items ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.visitKind ? KIND_LABELS[r.visitKind as (typeof KINDS)[number]][lang] : t('worklists.recall.any')}</Table.Td>
              <Table.Td>{r.specialty ? SPECIALTY_LABELS[r.specialty as Specialty][lang] : t('worklists.recall.any')}</Table.Td>
              <Table.Td>
                <NumberInput size="xs" min={1} max={36} defaultValue={r.months} onBlur={(e) => { const m = Number(e.currentTarget.value); if (m && m !== r.months) save.mutate({ id: r.id, body: { months: m } }, { onSuccess: () => notifySaved() }); }} aria-label={t('worklists.recall.months')} />
              </Table.Td>
              <Table.Td>
                <Switch checked={r.isActive} onChange={(e) => save.mutate({ id: r.id, body: { isActive: e.currentTarget.checked } })} aria-label={t('worklists.recall.active')} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end" mt="xs" gap="xs" wrap="wrap">
        <TextInput size="xs" label={t('worklists.recall.ruleName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={240} />
        <Select size="xs" label={t('worklists.recall.ruleKind')} data={kinds} value={kind} onChange={setKind} clearable placeholder={t('worklists.recall.any')} w={200} />
        <Select size="xs" label={t('worklists.recall.ruleSpecialty')} data={specs} value={specialty} onChange={setSpecialty} clearable placeholder={t('worklists.recall.any')} w={200} />
        <NumberInput size="xs" label={t('worklists.recall.months')} value={months} onChange={setMonths} min={1} max={36} w={90} />
        <Button size="xs" loading={save.isPending} disabled={!name.trim()} onClick={() => save.mutate({ body: { name, visitKind: kind as never, specialty: specialty as never, months: Number(months) } }, { onSuccess: () => { setName(''); notifySaved(); } })}>
          {t('worklists.recall.add')}
        </Button>
        <TimeField size="xs" label={t('worklists.recall.halfBoundary')} value={half ?? rules.data?.halfBoundary ?? ''} onChange={setHalf} w={230} />
        <Button size="xs" variant="light" disabled={!half} loading={boundary.isPending} onClick={() => half && boundary.mutate(half, { onSuccess: () => notifySaved() })}>
          {t('worklists.recall.saveBoundary')}
        </Button>
      </Group>
    </Paper>
  );
}
