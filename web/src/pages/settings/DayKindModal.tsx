import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { weekdayOf } from '../../../../src/domain/dates.js';
import type { CalendarOverride } from '../../../../src/domain/calendar/production-calendar.js';
import { useSetCalendarDay } from '../../api/calendar';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { formatDate } from '../../lib/format';
import { OVERRIDE_KINDS, type OverrideKind } from './calendarKinds';

/** Set a day's kind with a note, or clear it back to the plain week pattern. */
export function DayKindModal({
  year,
  date,
  current,
  readOnly,
  onClose,
}: {
  year: number;
  date: string;
  current: CalendarOverride | undefined;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const save = useSetCalendarDay(year);
  const errors = useFieldErrors(save.error);
  const [kind, setKind] = useState<OverrideKind | 'none'>(current?.kind ?? 'none');
  const [note, setNote] = useState(current?.note ?? '');
  const weekend = weekdayOf(date) >= 6;
  // Russian writes weekday and kind names in lower case inside a phrase; English does not.
  const inPhrase = (s: string) => (lang === 'ru' ? s.toLocaleLowerCase('ru-RU') : s);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'none') {
      if (!current) return onClose();
      save.mutate({ date, body: null }, { onSuccess: onClose });
    } else {
      save.mutate({ date, body: { kind, note: note.trim() } }, { onSuccess: onClose });
    }
  };

  return (
    <Modal opened onClose={onClose} title={`${formatDate(date)}, ${inPhrase(t(`weekday.long.${weekdayOf(date)}`))}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Radio.Group value={kind} onChange={(v) => setKind(v as OverrideKind | 'none')} label={t('calendar.dayKind')}>
            <Stack gap={6} mt={6}>
              <Radio value="none" label={t('calendar.plain', { kind: inPhrase(t(weekend ? 'dayKind.weekend' : 'dayKind.workday')) })} disabled={readOnly} />
              {OVERRIDE_KINDS.map((k) => (
                <Radio key={k} value={k} disabled={readOnly} label={<KindLabel kind={k} />} description={t(`dayKindHint.${k}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('calendar.note')}
            placeholder={t('calendar.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            disabled={kind === 'none' || readOnly}
            maxLength={LIMITS.shortText}
            error={errors.field('note') ?? errors.field('kind') ?? errors.field('date')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? t('common.close') : t('common.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={save.isPending} data-testid="calendar-day-save">
                {t('common.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function KindLabel({ kind }: { kind: OverrideKind }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <span className="cal-swatch cal-day" data-kind={kind} aria-hidden />
      <Text size="sm">{t(`dayKind.${kind}`)}</Text>
    </Group>
  );
}
