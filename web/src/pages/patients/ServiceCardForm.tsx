import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SVC_LABELS, SVC_SECTIONS, type SvcSection } from '../../../../src/domain/service-card.js';
import { useAddServiceCardEntry } from '../../api/desk';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';

/** Sections whose entries carry minutes: delays through the clinic's fault, the patient's lateness. */
export const SECTIONS_WITH_MINUTES: readonly SvcSection[] = ['svc2', 'svc3'];
const SHOWN = ['section', 'text', 'eventDate', 'minutes', 'isAlert'];

/** «Добавить запись» to the service card (SVC-12: dated and signed by the server). */
export function ServiceCardForm({ patientId, section: initialSection, onClose }: { patientId: string; section: SvcSection | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const today = todayIn(useClinicTimeZone());
  const add = useAddServiceCardEntry(patientId);
  const errors = useFieldErrors(add.error);
  const [section, setSection] = useState<SvcSection | null>(initialSection);
  const [text, setText] = useState('');
  const [eventDate, setEventDate] = useState<string | null>(today);
  const [minutes, setMinutes] = useState<number | string>('');
  const [isAlert, setIsAlert] = useState(false);
  const [tried, setTried] = useState(false);
  const withMinutes = !!section && SECTIONS_WITH_MINUTES.includes(section);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!section || !text.trim() || !eventDate) return;
    add.mutate(
      { section, text: text.trim(), eventDate, minutes: withMinutes && typeof minutes === 'number' ? minutes : null, isAlert },
      {
        onSuccess: () => {
          notifySaved(t('desk.svc.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('desk.svc.add')} size="lg" data-testid="svc-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('desk.svc.section')}
            data={SVC_SECTIONS.map((s) => ({ value: s, label: SVC_LABELS[s][lang] }))}
            value={section}
            onChange={(v) => setSection(v as SvcSection | null)}
            allowDeselect={false}
            required
            error={errors.field('section') ?? (tried && !section ? t('desk.svc.sectionRequired') : undefined)}
            comboboxProps={{ withinPortal: true }}
            data-autofocus={initialSection ? undefined : true}
            data-testid="svc-section"
          />
          <Textarea
            label={t('desk.svc.text')}
            placeholder={t('desk.svc.textPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            required
            error={errors.field('text') ?? (tried && !text.trim() ? t('desk.svc.textRequired') : undefined)}
            data-autofocus={initialSection ? true : undefined}
            data-testid="svc-text"
          />
          <Group align="flex-start" gap="sm">
            <DateField label={t('desk.svc.eventDate')} value={eventDate} onChange={setEventDate} maxDate={today} clearable={false} required error={errors.field('eventDate')} w={170} />
            {withMinutes && (
              <NumberInput
                label={t('desk.svc.minutes')}
                description={t('desk.svc.minutesHint')}
                value={minutes}
                onChange={setMinutes}
                min={0}
                max={600}
                allowDecimal={false}
                allowNegative={false}
                error={errors.field('minutes')}
                w={140}
                data-testid="svc-minutes"
              />
            )}
          </Group>
          <Checkbox
            label={t('desk.svc.isAlert')}
            description={t('desk.svc.isAlertHint')}
            checked={isAlert}
            onChange={(e) => setIsAlert(e.currentTarget.checked)}
            data-testid="svc-alert"
          />
          <FormErrors messages={errors.rest((f) => SHOWN.includes(f))} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="svc-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
