import { Alert, Button, Checkbox, Group, NumberInput, Paper, PasswordInput, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessagingSettings, useSaveMessagingSettings, useTestEmail, type SettingsT } from '../../api/mailings';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

/** When the day's reminders may start going out: 08:00–20:00 by half hours. */
const TIMES = Array.from({ length: 25 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

type Form = Omit<SettingsT, 'smtpPasswordSet' | 'smsTokenSet'> & { smtpPassword: string; smsToken: string };

/** «Почта и SMS» (owner only): SMTP, the SMS gateway or the hand-sent outbox, reminders, a test e-mail. */
export function MailingSettingsPage() {
  const { t } = useTranslation();
  const q = useMessagingSettings();
  const save = useSaveMessagingSettings();
  const test = useTestEmail();
  const [f, setF] = useState<Form | null>(null);
  const [testTo, setTestTo] = useState('');
  const [testResult, setTestResult] = useState<{ ok: boolean; error: string | null } | null>(null);
  const fe = useFieldErrors(save.error);
  const SHOWN = ['smtpHost', 'smtpPort', 'smtpUser', 'smtpPassword', 'smtpFrom', 'smsUrl', 'smsToken', 'publicUrl'];
  const unplaced = fe.rest((name) => SHOWN.includes(name) && (name !== 'smsUrl' && name !== 'smsToken' || f?.smsDriver === 'http'));
  useEffect(() => {
    if (q.data && !f) setF({ ...q.data, smtpPassword: '', smsToken: '' });
  }, [q.data, f]);
  const s = (k: string, v?: Record<string, unknown>) => t(`mailings.settings.${k}`, v);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setF((x) => (x ? { ...x, [k]: v } : x));
  const submit = () => {
    if (!f) return;
    const blank = (v: string | null) => (v && v.trim() ? v.trim() : null);
    save.mutate({
      smtpHost: blank(f.smtpHost), smtpPort: f.smtpPort ?? null, smtpSecure: f.smtpSecure, smtpUser: blank(f.smtpUser), smtpFrom: blank(f.smtpFrom),
      ...(f.smtpPassword ? { smtpPassword: f.smtpPassword } : {}), smsDriver: f.smsDriver, smsUrl: blank(f.smsUrl), ...(f.smsToken ? { smsToken: f.smsToken } : {}),
      remindersEmail: f.remindersEmail, remindersSms: f.remindersSms, remindersFrom: f.remindersFrom, publicUrl: blank(f.publicUrl),
    }, { onSuccess: (d) => { setF({ ...d, smtpPassword: '', smsToken: '' }); notifySaved(); } });
  };
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={s('title')} />
      <Text c="dimmed" size="sm">{s('hint')}</Text>
      <QueryState isPending={q.isPending} error={q.error} />
      {f && q.data && (
        <>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">{s('smtp')}</Title>
            <Stack gap="sm">
              <Group grow align="flex-start">
                <TextInput label={s('host')} placeholder={s('hostHint')} value={f.smtpHost ?? ''} onChange={(e) => set('smtpHost', e.currentTarget.value)} error={fe.field('smtpHost')} data-testid="smtp-host" />
                <NumberInput label={s('port')} maw={120} min={1} max={65535} value={f.smtpPort ?? ''} onChange={(v) => set('smtpPort', v === '' ? null : Number(v))} error={fe.field('smtpPort')} data-testid="smtp-port" />
              </Group>
              <Checkbox label={s('secure')} checked={f.smtpSecure} onChange={(e) => set('smtpSecure', e.currentTarget.checked)} />
              <Group grow align="flex-start">
                <TextInput label={s('user')} value={f.smtpUser ?? ''} onChange={(e) => set('smtpUser', e.currentTarget.value)} autoComplete="off" error={fe.field('smtpUser')} />
                <PasswordInput label={s('password')} description={q.data.smtpPasswordSet ? s('passwordSet') : s('passwordNone')} value={f.smtpPassword}
                  onChange={(e) => set('smtpPassword', e.currentTarget.value)} autoComplete="new-password" error={fe.field('smtpPassword')} data-testid="smtp-password" />
              </Group>
              <TextInput label={s('from')} placeholder="info@klinika.ru" value={f.smtpFrom ?? ''} onChange={(e) => set('smtpFrom', e.currentTarget.value)} error={fe.field('smtpFrom')} data-testid="smtp-from" />
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">{s('sms')}</Title>
            <Radio.Group label={s('smsDriver')} value={f.smsDriver} onChange={(v) => set('smsDriver', v as Form['smsDriver'])}>
              <Stack gap={6} mt={6}>
                <Radio value="outbox" label={s('smsOutbox')} />
                <Radio value="http" label={s('smsHttp')} />
              </Stack>
            </Radio.Group>
            {f.smsDriver === 'http' && (
              <Group grow mt="sm" align="flex-start">
                <TextInput label={s('smsUrl')} placeholder="https://sms.example.ru/send" value={f.smsUrl ?? ''} onChange={(e) => set('smsUrl', e.currentTarget.value)} error={fe.field('smsUrl')} data-testid="sms-url" />
                <PasswordInput label={s('smsToken')} description={q.data.smsTokenSet ? s('smsTokenSet') : undefined} value={f.smsToken} onChange={(e) => set('smsToken', e.currentTarget.value)} autoComplete="new-password" error={fe.field('smsToken')} />
              </Group>
            )}
          </Paper>
          <Paper withBorder p="md">
            <Title order={4} mb={4}>{s('reminders')}</Title>
            <Text size="sm" c="dimmed" mb="sm">{s('remindersHint')}</Text>
            <Group gap="xl" align="flex-end">
              <Checkbox label={s('remindersEmail')} checked={f.remindersEmail} onChange={(e) => set('remindersEmail', e.currentTarget.checked)} data-testid="reminders-email" />
              <Checkbox label={s('remindersSms')} checked={f.remindersSms} onChange={(e) => set('remindersSms', e.currentTarget.checked)} data-testid="reminders-sms" />
              <Select label={s('remindersFrom')} w={200} value={f.remindersFrom} allowDeselect={false} data={TIMES} onChange={(v) => v && set('remindersFrom', v)} data-testid="reminders-from" />
            </Group>
            <TextInput mt="sm" label={s('publicUrl')} description={s('publicUrlHint')} value={f.publicUrl ?? ''} onChange={(e) => set('publicUrl', e.currentTarget.value)} error={fe.field('publicUrl')} data-testid="public-url" />
            {(f.remindersEmail || f.remindersSms) && !f.publicUrl?.trim() && (
              <Alert mt="sm" color="yellow" variant="light" data-testid="public-url-warning">{s('publicUrlMissing')}</Alert>
            )}
          </Paper>
          {fe.hasError && (
            <Alert color="red" variant="light" data-testid="messaging-errors">
              {s('fixFields')}{unplaced.length > 0 && ` ${unplaced.join('; ')}`}
            </Alert>
          )}
          <Group>
            <Button onClick={submit} loading={save.isPending} data-testid="messaging-save">{s('save')}</Button>
          </Group>
          <Paper withBorder p="md">
            <Group align="flex-end">
              <TextInput label={s('testTo')} w={320} placeholder="owner@klinika.ru" value={testTo} onChange={(e) => setTestTo(e.currentTarget.value)} data-testid="test-to" />
              <Button variant="light" disabled={!q.data.smtpHost || !testTo.trim()} loading={test.isPending} data-testid="test-send"
                onClick={() => test.mutate(testTo.trim(), { onSuccess: setTestResult })}>{s('test')}</Button>
            </Group>
            {testResult && (
              <Alert mt="sm" color={testResult.ok ? 'teal' : 'red'} variant="light" data-testid="test-result">
                {testResult.ok ? s('testOk') : s('testFailed', { error: testResult.error })}
              </Alert>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
