import { Button, Group, NumberInput, Paper, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useDocumentSettings, useSaveDocumentSettings } from '../../api/documentTemplates';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n';
import { notifySaved } from '../../lib/notify';

/** DOC-2: after how many months a signed health questionnaire is renewed. */
export function DocumentSettingsPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useDocumentSettings();
  const save = useSaveDocumentSettings();
  const [months, setMonths] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (q.data) setMonths(q.data.questionnaireRenewalMonths);
  }, [q.data]);
  if (!q.data) return <QueryState isPending={q.isPending} error={q.error} />;
  return (
    <Paper withBorder p="md" radius="sm" maw={560}>
      <Stack gap="sm">
        <NumberInput label={t('tpl.settings.renewal')} description={t('tpl.settings.renewalHelp')} min={1} max={60} step={1} allowDecimal={false} w={360}
          value={months} onChange={(v) => { setMonths(v); setError(null); }} error={error} data-testid="tpl-renewal" />
        <Group>
          <Button loading={save.isPending} disabled={Number(months) === q.data.questionnaireRenewalMonths} data-testid="tpl-renewal-save"
            onClick={() => save.mutate({ questionnaireRenewalMonths: Number(months) }, {
              onSuccess: () => notifySaved(t('tpl.settings.saved')),
              onError: (e) => { if (e instanceof ApiError && e.errors.length) setError(lang === 'en' ? e.errors[0].message_en : e.errors[0].message_ru); },
            })}>
            {t('tpl.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
