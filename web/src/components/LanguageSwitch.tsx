import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n';

/** RU / EN switch; the choice is kept in localStorage (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  return (
    <SegmentedControl
      size="xs"
      value={lang}
      onChange={(v) => void i18n.changeLanguage(v)}
      aria-label={t('layout.language')}
      data-testid="language-switch"
      data={[
        { value: 'ru', label: 'RU' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
