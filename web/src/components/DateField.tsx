import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../lib/format';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/**
 * A calendar date typed as staff are used to: 12.03.1985 or 12031985 (or picked from the
 * dropdown). The value is 'YYYY-MM-DD' or null.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <DateInput
      value={value}
      onChange={onChange}
      valueFormat="DD.MM.YYYY"
      dateParser={(input) => parseTypedDate(input)}
      placeholder={t('common.datePlaceholder')}
      clearable
      {...rest}
    />
  );
}
