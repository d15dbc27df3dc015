import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openTomorrowPack } from '../../api/documents';
import { useCan } from '../../components/session';
import { useLang } from '../../i18n';
import { notifyError } from '../../lib/notify';

/** «Документы на завтра (PDF)»: every document tomorrow's patients still need, in one PDF to print in one go. */
export function TomorrowPackButton() {
  const { t } = useTranslation();
  const can = useCan();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  if (!can('documents.issue')) return null;
  const open = async () => {
    setBusy(true);
    try {
      const { documents } = await openTomorrowPack({}, lang, t('docs.pack.wait'));
      notifications.show({ color: documents ? 'blue' : 'teal', message: documents ? t('docs.pack.opened', { count: documents }) : t('docs.pack.none'), autoClose: 4000 });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="light" loading={busy} onClick={() => void open()} data-testid="tomorrow-pack">
      {t('docs.pack.button')}
    </Button>
  );
}
