import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleSettingsT } from '../../../../src/contracts/clinic.js';
import { SCHEDULE_BOUNDS as B, SLOT_STEPS } from '../../../../src/domain/schedule/settings.js';
import { KINDS, KIND_LABELS } from '../../../../src/domain/schedule/status.js';
import { useUpdateClinic, type Clinic } from '../../api/clinic';
import { FormErrors } from '../../components/FormErrors';
import { useCan } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

/** «Расписание» on the clinic page: the settings the schedule, the two options and the gaps follow. */
export function ScheduleSettingsForm({ clinic }: { clinic: Clinic }) {
  const { t } = useTranslation();
  const lang = useLang();
  const readOnly = !useCan()('clinic.write');
  const save = useUpdateClinic();
  const errors = useFieldErrors(save.error);
  const [v, setV] = useState<ScheduleSettingsT>(clinic.schedule);
  const num = (n: number | string) => (typeof n === 'number' ? n : Number(n) || 0);
  const err = (f: string) => errors.field(`schedule.${f}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ schedule: v }, { onSuccess: () => notifySaved() });
  };

  return (
    <Paper withBorder p="md" maw={900} mt="md" data-testid="schedule-settings">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={3} size="h4">
              {t('schedule.settings.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('schedule.settings.hint')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <Select
              label={t('schedule.settings.slotStep')}
              description={t('schedule.settings.slotStepHint')}
              data={SLOT_STEPS.map((n) => ({ value: String(n), label: t('schedule.settings.minutes', { n }) }))}
              value={String(v.slotStepMin)}
              onChange={(s) => s && setV({ ...v, slotStepMin: Number(s) })}
              allowDeselect={false}
              error={err('slotStepMin')}
              readOnly={readOnly}
              data-testid="settings-slot-step"
            />
            <NumberInput
              label={t('schedule.settings.holdMinutes')}
              description={t('schedule.settings.holdMinutesHint')}
              min={B.holdMinutes.min}
              max={B.holdMinutes.max}
              value={v.holdMinutes}
              onChange={(n) => setV({ ...v, holdMinutes: num(n) })}
              error={err('holdMinutes')}
              readOnly={readOnly}
              allowDecimal={false}
              data-testid="settings-hold"
            />
            <NumberInput
              label={t('schedule.settings.gapMinMinutes')}
              description={t('schedule.settings.gapMinMinutesHint')}
              min={B.gapMinMinutes.min}
              max={B.gapMinMinutes.max}
              step={5}
              value={v.gapMinMinutes}
              onChange={(n) => setV({ ...v, gapMinMinutes: num(n) })}
              error={err('gapMinMinutes')}
              readOnly={readOnly}
              allowDecimal={false}
            />
            <NumberInput
              label={t('schedule.settings.noShowGraceMin')}
              description={t('schedule.settings.noShowGraceMinHint')}
              min={B.noShowGraceMin.min}
              max={B.noShowGraceMin.max}
              step={5}
              value={v.noShowGraceMin}
              onChange={(n) => setV({ ...v, noShowGraceMin: num(n) })}
              error={err('noShowGraceMin')}
              readOnly={readOnly}
              allowDecimal={false}
              data-testid="settings-no-show-grace"
            />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500}>
              {t('schedule.settings.durations')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('schedule.settings.durationsHint')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {KINDS.map((k) => (
              <NumberInput
                key={k}
                label={t(`schedule.kindShort.${k}`)}
                title={KIND_LABELS[k][lang]}
                min={B.duration.min}
                max={B.duration.max}
                step={B.duration.multipleOf}
                value={v.durationByKind[k]}
                onChange={(n) => setV({ ...v, durationByKind: { ...v.durationByKind, [k]: num(n) } })}
                error={err(`durationByKind.${k}`)}
                readOnly={readOnly}
                allowDecimal={false}
                data-testid={`settings-duration-${k}`}
              />
            ))}
          </SimpleGrid>
          <FormErrors messages={errors.rest((f) => f.startsWith('schedule.'))} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="settings-schedule-save">
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
