import { TZDate } from '@date-fns/tz';
import { Anchor, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { format } from 'date-fns';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CATEGORY_LABELS, METHOD_LABEL, REASON_LABELS, type DataCategory } from '../../../../src/domain/retention.js';
import { ROLE_LABELS, type Role } from '../../../../src/domain/roles.js';
import { useDestructionAct, type DestructionActT } from '../../api/retention';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatDate, formatInstant } from '../../lib/format';
import './act.css';
import { roleIn } from './pdState';

/** Which row counts of the act belong to which destroyed category. */
const COUNT_OF: Partial<Record<DataCategory, string>> = {
  contacts: 'phones',
  service_card: 'serviceCard',
  waiting_list: 'waitingList',
  calls: 'calls',
  visit_notes: 'visitNotes',
  notifications: 'notifications',
};

/** «Иванов Иван Иванович» → «Иванов И. И.» for the signature line. */
function initials(full: string): string {
  const [surname, ...rest] = full.split(/\s+/).filter(Boolean);
  return [surname, ...rest.map((s) => `${s[0]}.`)].join(' ');
}

/**
 * «Акт об уничтожении персональных данных» with every requisite of Roskomnadzor order No. 179
 * (28.10.2022) p. 3 and the event-log excerpt of p. 4, printable on one A4 sheet for signing.
 */
export function DestructionActPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data: act, isPending, error } = useDestructionAct(id);
  if (!act) return <QueryState isPending={isPending} error={error} />;
  return (
    <Stack gap="md" className="pdact-root">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to="/settings/pd-destructions" size="sm">
          ← {t('retention.act.back')}
        </Anchor>
        <Button onClick={() => window.print()} data-testid="pd-act-print">
          {t('retention.act.print')}
        </Button>
      </Group>
      <ActSheet act={act} />
    </Stack>
  );
}

function Req({ n, label, children, testId }: { n: number; label: string; children: ReactNode; testId?: string }) {
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td className="pdact-n">{n}</Table.Td>
      <Table.Th className="pdact-label">{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function ActSheet({ act }: { act: DestructionActT }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const at = new TZDate(Date.parse(act.performedAt), tz);
  const operator = act.operator.legalName && act.operator.legalName !== act.operator.name ? `${act.operator.legalName} (${act.operator.name})` : (act.operator.legalName ?? act.operator.name);
  const role = roleIn(act.performerRole, lang);
  let n = 0;
  return (
    <Paper withBorder p="xl" className="pdact-sheet" data-testid="pd-act">
      <Text size="sm" ta="right" className="pdact-operator-head">
        {operator}
        {act.operator.address && (
          <>
            <br />
            {act.operator.address}
          </>
        )}
      </Text>
      <Title order={2} ta="center" my="md" className="pdact-title" data-testid="pd-act-title">
        {t('retention.act.title', { n: act.number })}
      </Title>
      <Text ta="right" mb="md" fw={600}>
        {formatDate(act.localDate)}
      </Text>
      <Table withTableBorder withColumnBorders className="pdact-req" verticalSpacing={6}>
        <Table.Tbody>
          <Req n={++n} label={t('retention.act.operator')} testId="pd-act-operator">{operator}</Req>
          <Req n={++n} label={t('retention.act.operatorAddress')}>{act.operator.address ?? '—'}</Req>
          <Req n={++n} label={t('retention.act.processor')}>{t('retention.act.processorNone')}</Req>
          <Req n={++n} label={t('retention.act.subject')} testId="pd-act-subject">
            {act.subjectName ? `${act.subjectName}, ${t('retention.act.subjectCard', { card: act.cardNumber })}` : t('retention.act.subjectErased', { card: act.cardNumber })}
          </Req>
          <Req n={++n} label={t('retention.act.categories')} testId="pd-act-categories">
            <List size="sm" spacing={0}>
              {act.categories.map((c) => {
                const key = COUNT_OF[c];
                const count = key ? act.counts[key] : undefined;
                return (
                  <List.Item key={c}>
                    {CATEGORY_LABELS[c][lang]}
                    {count ? ` — ${t('retention.act.records', { count })}` : ''}
                  </List.Item>
                );
              })}
            </List>
          </Req>
          <Req n={++n} label={t('retention.act.system')} testId="pd-act-system">{act.system}</Req>
          <Req n={++n} label={t('retention.act.method')} testId="pd-act-method">{METHOD_LABEL[lang]}</Req>
          <Req n={++n} label={t('retention.act.reason')} testId="pd-act-reason">{REASON_LABELS[act.reason][lang]}</Req>
          <Req n={++n} label={t('retention.act.basis')}>{act.basis}</Req>
          <Req n={++n} label={t('retention.act.date')} testId="pd-act-date">
            {t('retention.act.dateValue', { date: formatDate(act.localDate), time: format(at, 'HH:mm'), offset: format(at, 'xxx') })}
          </Req>
          <Req n={++n} label={t('retention.act.kept')} testId="pd-act-kept">
            {act.scope === 'blocked' ? t('retention.act.keptBlocked', { until: formatDate(act.retainUntil) }) : t('retention.act.keptDestroyed', { card: act.cardNumber })}
          </Req>
          <Req n={++n} label={t('retention.act.performer')} testId="pd-act-performer">
            {act.performerName}, {role.toLocaleLowerCase(lang)}
          </Req>
        </Table.Tbody>
      </Table>
      <Group className="pdact-signature" gap="xl" mt="xl" align="flex-end" wrap="nowrap">
        <Text size="sm" style={{ flex: '1 1 auto' }}>
          {role}
        </Text>
        <div className="pdact-sign-cell">
          <div className="pdact-sign-line" />
          <Text size="xs" c="dimmed" ta="center">
            {t('retention.act.signature')}
          </Text>
        </div>
        <div className="pdact-sign-cell">
          <Text size="sm" ta="center" className="pdact-sign-name">
            {initials(act.performerName)}
          </Text>
          <Text size="xs" c="dimmed" ta="center">
            {t('retention.act.signatureName')}
          </Text>
        </div>
      </Group>
      <Text size="xs" c="dimmed" mt="lg">
        {t('retention.act.keptUntil', { until: formatDate(act.actKeptUntil) })}
      </Text>
      <LogExcerpt act={act} tz={tz} />
    </Paper>
  );
}

function LogExcerpt({ act, tz }: { act: DestructionActT; tz: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="pdact-log">
      <Title order={3} size="h5" mt="xl" mb="xs">
        {t('retention.act.log')}
      </Title>
      <Table withTableBorder withColumnBorders className="pdact-log-table" verticalSpacing={4} data-testid="pd-act-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.act.seq')}</Table.Th>
            <Table.Th>{t('retention.act.at')}</Table.Th>
            <Table.Th>{t('retention.act.login')}</Table.Th>
            <Table.Th>{t('retention.act.role')}</Table.Th>
            <Table.Th>{t('retention.act.action')}</Table.Th>
            <Table.Th>{t('retention.act.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {act.log.map((l) => (
            <Table.Tr key={l.seq} data-testid="pd-act-log-row">
              <Table.Td>{l.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(l.at, tz, true)}</Table.Td>
              <Table.Td>{l.userLogin ?? '—'}</Table.Td>
              <Table.Td>{l.role ? (ROLE_LABELS[l.role as Role]?.[lang] ?? l.role) : '—'}</Table.Td>
              <Table.Td>{l.action === 'block' || l.action === 'destroy' ? t(`retention.act.actions.${l.action}`) : l.action}</Table.Td>
              <Table.Td className="pdact-hash" title={l.hash}>
                {l.hash.slice(0, 12)}…
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {act.log.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('retention.act.logNone')}
        </Text>
      )}
    </div>
  );
}
