import { Button, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from './session';

/** «Новый звонок» in the header: the phone rings, one click (or F2) opens the call card. */
export function NewCallButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  if (!can('calls.write')) return null;
  return (
    <Tooltip label={t('calls.newCallHint')}>
      <Button size="xs" color="teal" onClick={() => navigate('/calls/new', { state: { at: Date.now() } })} data-testid="new-call">
        {t('calls.newCall')}
      </Button>
    </Tooltip>
  );
}
