import { Alert, Anchor, Badge, Button, Code, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
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
  const details = Object.keys(e.details).length ? JSON.stringify(e.details) : null;
  return (
    <Table.Tr data-testid="audit-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.at, tz, true)}</Table.Td>
      <Table.Td>{e.userLogin ?? <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
      <Table.Td>{role ?? ''}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={ACTION_COLOR[e.action] ?? 'gray'} tt="none">
          {action}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{objectType}</Text>
          {e.patientId ? (
            <Anchor component={Link} to={`/patients/${e.patientId}`} size="xs" ff="monospace">
              {e.patientId.slice(0, 8)}…
            </Anchor>
          ) : (
            e.objectId && (
              <Code fz="xs" title={e.objectId}>
                {e.objectId.slice(0, 8)}…
              </Code>
            )
          )}
          {details && (
            <Tooltip label={<Text size="xs" ff="monospace" maw={400} style={{ wordBreak: 'break-all' }}>{details}</Text>} multiline>
              <Text span size="xs" c="dimmed" tabIndex={0} aria-label={details} px={5} style={{ border: '1px solid currentColor', borderRadius: 8, lineHeight: '14px', cursor: 'help' }}>
                i
              </Text>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td ff="monospace" fz="xs">
        {e.ip}
      </Table.Td>
    </Table.Tr>
  );
}
