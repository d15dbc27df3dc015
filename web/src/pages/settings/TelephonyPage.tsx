import { ActionIcon, Alert, Anchor, Badge, Button, Code, CopyButton, Group, List, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../../src/domain/phone.js';
import { useBranches } from '../../api/clinic';
import { useRotateSecret, useSaveLines, useTelephonySettings, type TelephonySecretT } from '../../api/telephony';
import { FormErrors } from '../../components/FormErrors';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { formatInstant } from '../../lib/format';
import { notifySaved } from '../../lib/notify';

type Row = { key: number; line: string; branchId: string | null };
const shown = (line: string) => (/^\+\d{11,15}$/.test(line) ? formatPhone(line) : line);

function Copyable({ value, testId }: { value: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Code fz="sm" p={6} style={{ userSelect: 'all', wordBreak: 'break-all', flex: 1 }} data-testid={testId}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => <Button size="compact-sm" style={{ flexShrink: 0 }} variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>{copied ? t('telephony.copied') : t('telephony.copy')}</Button>}
      </CopyButton>
    </Group>
  );
}

/** Settings → «Телефония»: status, the webhook address and clinic id for the PBX, the shared secret (shown once), lines → branches. */
export function TelephonyPage() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const can = useCan();
  const settings = useTelephonySettings();
  const branches = useBranches();
  const rotate = useRotateSecret();
  const saveLines = useSaveLines();
  const errors = useFieldErrors(saveLines.error);
  const [confirm, setConfirm] = useState(false);
  const [secret, setSecret] = useState<TelephonySecretT | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState(1000);
  useEffect(() => {
    if (settings.data) setRows(settings.data.lines.map((l, i) => ({ key: i, line: shown(l.line), branchId: l.branchId })));
  }, [settings.data]);
  const s = settings.data;
  if (!s) return <QueryState isPending={settings.isPending} error={settings.error} />;
  const webhook = `${window.location.origin}/api/telephony/events`;
  const branchOptions = (branches.data?.items ?? []).filter((b) => b.isActive).map((b) => ({ value: b.id, label: b.name }));
  const connected = s.hasSecret && s.lines.length > 0;
  const doRotate = () => rotate.mutate(undefined, { onSuccess: (r) => { setConfirm(false); setSecret(r); } });
  const submitLines = () =>
    saveLines.mutate({ lines: rows.filter((r) => r.line.trim() || r.branchId).map((r) => ({ line: r.line.trim(), branchId: r.branchId ?? '' })) }, { onSuccess: () => notifySaved(t('telephony.saved')) });
  const section = (title: string, children: ReactNode, testId?: string) => (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={4} mb="sm">{title}</Title>
      {children}
    </Paper>
  );
  return (
    <Stack gap="md" maw={980}>
      <PageHeader title={t('telephony.title')} />
      <Text size="sm" c="dimmed">{t('telephony.intro')}</Text>
      {section(t('telephony.status'), (
        <Stack gap="xs">
          <Group gap="sm">
            <Badge size="lg" color={connected ? 'teal' : 'gray'} variant="light" data-testid="telephony-status">{connected ? t('telephony.connected') : t('telephony.notConnected')}</Badge>
            {s.secretCreatedAt && <Text size="sm" c="dimmed">{t('telephony.secretSince', { when: formatInstant(s.secretCreatedAt, tz) })}</Text>}
            <Text size="sm" c="dimmed">{t('telephony.linesCount', { n: s.lines.length })}</Text>
          </Group>
          {!s.hasSecret && <Alert color="yellow" variant="light">{t('telephony.noSecret')}</Alert>}
          {s.lines.length === 0 && <Alert color="yellow" variant="light">{t('telephony.noLines')}</Alert>}
        </Stack>
      ))}
      {section(t('telephony.connection'), (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={4}><Text size="sm" fw={500}>{t('telephony.webhook')}</Text><Copyable value={webhook} testId="telephony-webhook" /></Stack>
          <Stack gap={4}><Text size="sm" fw={500}>{t('telephony.clinicId')}</Text><Copyable value={s.clinicId} testId="telephony-clinic" /></Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('telephony.secret')}</Text>
            <Group gap="sm">
              <Code fz="sm" p={6}>{s.hasSecret ? '•'.repeat(24) : '—'}</Code>
              {can('clinic.write') && (
                <Button size="compact-sm" variant={s.hasSecret ? 'default' : 'filled'} onClick={() => (s.hasSecret ? setConfirm(true) : doRotate())} loading={rotate.isPending && !confirm} data-testid="telephony-rotate">
                  {s.hasSecret ? t('telephony.rotate') : t('telephony.generate')}
                </Button>
              )}
            </Group>
          </Stack>
        </SimpleGrid>
      ), 'telephony-connection')}
      {section(t('telephony.lines'), (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('telephony.linesHint')}</Text>
          {rows.length === 0 ? <Text c="dimmed" size="sm">{t('telephony.noLinesYet')}</Text> : (
            <Table data-testid="telephony-lines" verticalSpacing={6}>
              <Table.Thead><Table.Tr><Table.Th>{t('telephony.line')}</Table.Th><Table.Th>{t('telephony.branch')}</Table.Th><Table.Th w={40} /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>
                      <TextInput value={r.line} placeholder={t('telephony.linePlaceholder')} maxLength={64} aria-label={t('telephony.line')} data-testid="telephony-line"
                        error={errors.field(`lines.${i}.line`)} onChange={(e) => { const v = e.currentTarget.value; setRows((xs) => xs.map((x) => (x.key === r.key ? { ...x, line: v } : x))); }} />
                    </Table.Td>
                    <Table.Td>
                      <Select data={branchOptions} value={r.branchId} aria-label={t('telephony.branch')} data-testid="telephony-branch" allowDeselect={false}
                        error={errors.field(`lines.${i}.branchId`)} onChange={(v) => setRows((xs) => xs.map((x) => (x.key === r.key ? { ...x, branchId: v } : x)))} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={t('telephony.remove')} title={t('telephony.remove')} onClick={() => setRows((xs) => xs.filter((x) => x.key !== r.key))}>✕</ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <FormErrors messages={errors.rest((f) => /^lines\.\d+\.(line|branchId)$/.test(f))} />
          {can('clinic.write') && (
            <Group>
              <Button variant="default" onClick={() => { setRows((xs) => [...xs, { key: next, line: '', branchId: branchOptions.length === 1 ? branchOptions[0]!.value : null }]); setNext((n) => n + 1); }} data-testid="telephony-add-line">{t('telephony.addLine')}</Button>
              <Button onClick={submitLines} loading={saveLines.isPending} data-testid="telephony-save-lines">{t('telephony.save')}</Button>
            </Group>
          )}
        </Stack>
      ))}
      {section(t('telephony.howTitle'), (
        <Stack gap="xs">
          <List type="ordered" size="sm" spacing={4}>
            {(['how1', 'how2', 'how3', 'how4'] as const).map((k) => <List.Item key={k}>{t(`telephony.${k}`)}</List.Item>)}
          </List>
          <Text size="sm" c="dimmed">{t('telephony.howMore')} <Anchor href="/api/docs" target="_blank">{t('telephony.apiDocs')}</Anchor>.</Text>
        </Stack>
      ))}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('telephony.rotateConfirmTitle')}>
        <Stack gap="sm">
          <Alert color="orange" variant="light">{t('telephony.rotateConfirm')}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>{t('telephony.cancel')}</Button>
            <Button color="orange" onClick={doRotate} loading={rotate.isPending} data-testid="telephony-rotate-confirm">{t('telephony.rotateYes')}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={!!secret} onClose={() => setSecret(null)} title={t('telephony.newSecretTitle')} closeOnClickOutside={false} closeOnEscape={false} size="lg">
        {secret && (
          <Stack gap="sm">
            <Copyable value={secret.secret} testId="telephony-secret" />
            <Alert color="yellow" variant="light">{t('telephony.newSecretWarning')}</Alert>
            <Group justify="flex-end"><Button onClick={() => setSecret(null)} data-testid="telephony-secret-done">{t('telephony.done')}</Button></Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
