import { Alert, Anchor, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ROLE_LABELS, ROLES, type Role } from '../../../../src/domain/roles.js';
import { useAuditLog, useVerifyAudit, type AuditEntry, type AuditFilters as Filters } from '../../api/audit';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { ACTIONS, AuditFilters, OBJECT_TYPES } from './AuditFilters';
import { auditDetailsText } from './auditDetails';

const ACTION_COLOR: Record<string, string> = { create: 'teal', update: 'blue', delete: 'red', read: 'gray', login: 'cyan', login_failed: 'orange', logout: 'gray', export: 'grape' };

/** Who did what and when (every write and every read of a patient record), with an integrity check. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const initialPatientId = params.get('patientId') ?? undefined;
  const [filters, setFilters] = useState<Filters>(initialPatientId ? { patientId: initialPatientId } : {});
  const log = useAuditLog(filters);
  const verify = useVerifyAudit();
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')}>
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </PageHeader>
      {verify.data && (
        <Alert
          mb="md"
          color={verify.data.ok ? 'teal' : 'red'}
          variant="light"
          data-testid="audit-verify-result"
          withCloseButton
          onClose={() => verify.reset()}
          title={verify.data.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
        >
          {verify.data.ok
            ? t('audit.verifyOkText', { count: verify.data.checked })
            : t('audit.verifyBrokenText', { count: verify.data.checked, seq: verify.data.firstBrokenSeq ?? '?' })}
        </Alert>
      )}
      <Paper withBorder p="sm" mb="md">
        <AuditFilters initialPatientId={initialPatientId} onApply={setFilters} />
      </Paper>
      <QueryState isPending={log.isPending} error={log.error} />
      {log.data && (
        <Paper withBorder>
          <Table data-testid="audit-table" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.user')}</Table.Th>
                <Table.Th>{t('audit.role')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.object')}</Table.Th>
                <Table.Th w={130}>{t('audit.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <AuditRow key={e.seq} entry={e} />
              ))}
            </Table.Tbody>
          </Table>
          {items.length === 0 && (
            <Text c="dimmed" p="md">
              {t('audit.none')}
            </Text>
          )}
          {log.hasNextPage && (
            <Group justify="center" p="sm">
              <Button variant="light" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-more">
                {t('audit.more')}
              </Button>
            </Group>
          )}
        </Paper>
      )}
    </>
  );
}

function AuditRow({ entry: e }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const role = ROLES.includes(e.role as Role) ? ROLE_LABELS[e.role as Role][lang] : e.role;
  const action = (ACTIONS as readonly string[]).includes(e.action) ? t(`auditAction.${e.action}`) : e.action;
  const objectType = OBJECT_TYPES.includes(e.objectType) ? t(`objectType.${e.objectType}`) : e.objectType;
  const details = auditDetailsText(e.details, t, lang);
  return (
    <Table.Tr data-testid="audit-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.at, tz, true)}</Table.Td>
      <Table.Td>
        {e.userLogin ? (
          <>
            <Text size="sm" lh={1.2}>{e.userName ?? e.userLogin}</Text>
            {e.userName && <Text size="xs" c="dimmed" lh={1.2}>{e.userLogin}</Text>}
          </>
        ) : (
          <Text span c="dimmed" size="sm">—</Text>
        )}
      </Table.Td>
      <Table.Td>{role ?? ''}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={ACTION_COLOR[e.action] ?? 'gray'} tt="none">
          {action}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {objectType}
          {e.patientId && (
            <>
              {': '}
              <Anchor component={Link} to={`/patients/${e.patientId}`} size="sm" data-testid="audit-patient">
                {e.patient?.name ?? t('auditDetails.destroyed')}
                {e.patient && `, ${t('auditDetails.cardShort', { number: e.patient.cardNumber })}`}
              </Anchor>
            </>
          )}
        </Text>
        {details.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="audit-details">
            {details.join('; ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ff="monospace" fz="xs">
        {e.ip}
      </Table.Td>
    </Table.Tr>
  );
}
