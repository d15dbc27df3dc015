import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { formatPhone, toE164 } from '../../../../src/domain/phone.js';
import { useClinic, useUpdateClinic, type Clinic } from '../../api/clinic';
import { FormErrors } from '../../components/FormErrors';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { RUSSIAN_TIME_ZONES } from '../../lib/timezones';
import { ScheduleSettingsForm } from './ScheduleSettingsForm';

export function ClinicPage() {
  const { t } = useTranslation();
  const { data, isPending, error } = useClinic();
  return (
    <>
      <PageHeader title={t('clinic.title')} />
      {data ? (
        <>
          <ClinicForm clinic={data} key={data.id} />
          <ScheduleSettingsForm clinic={data} key={`schedule-${data.id}`} />
        </>
      ) : (
        <QueryState isPending={isPending} error={error} />
      )}
    </>
  );
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const SHOWN = new Set(['name', 'legalName', 'timeZone', 'phone', 'email', 'website', 'licence']);

function ClinicForm({ clinic }: { clinic: Clinic }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const readOnly = !can('clinic.write');
  const save = useUpdateClinic();
  const errors = useFieldErrors(save.error);
  const [v, setV] = useState({
    name: clinic.name,
    legalName: clinic.legalName ?? '',
    timeZone: clinic.timeZone,
    phone: clinic.phone ? formatPhone(clinic.phone) : '',
    email: clinic.email ?? '',
    website: clinic.website ?? '',
    licence: clinic.licence ?? '',
  });
  const field = (key: keyof typeof v) => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [key]: e.currentTarget.value }),
    error: errors.field(key),
    readOnly,
  });

  const zones = RUSSIAN_TIME_ZONES.map((z) => ({ value: z.value, label: `${z.offset} · ${z[lang]} (${z.value})` }));
  if (!zones.some((z) => z.value === v.timeZone)) zones.push({ value: v.timeZone, label: v.timeZone });
  const phoneE164 = v.phone.trim() ? toE164(v.phone) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        name: v.name.trim(),
        legalName: orNull(v.legalName),
        timeZone: v.timeZone,
        phone: orNull(v.phone),
        email: orNull(v.email),
        website: orNull(v.website),
        licence: orNull(v.licence),
      },
      { onSuccess: () => notifySaved() },
    );
  };

  return (
    <Paper withBorder p="md" maw={900}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('clinic.name')} required maxLength={LIMITS.shortText} {...field('name')} />
            <TextInput label={t('clinic.legalName')} placeholder={t('clinic.legalNamePlaceholder')} {...field('legalName')} />
            <Select
              label={t('clinic.timeZone')}
              description={t('clinic.timeZoneHint')}
              data={zones}
              value={v.timeZone}
              onChange={(z) => z && setV({ ...v, timeZone: z })}
              allowDeselect={false}
              searchable
              error={errors.field('timeZone')}
              readOnly={readOnly}
            />
            <TextInput
              label={t('clinic.phone')}
              placeholder="8 812 000-00-00"
              description={phoneE164 ? `→ ${formatPhone(phoneE164)}` : undefined}
              inputMode="tel"
              {...field('phone')}
            />
            <TextInput label={t('clinic.email')} type="email" {...field('email')} />
            <TextInput label={t('clinic.website')} placeholder="https://" {...field('website')} />
          </SimpleGrid>
          <Textarea label={t('clinic.licence')} placeholder={t('clinic.licencePlaceholder')} autosize minRows={2} {...field('licence')} />
          <FormErrors messages={errors.rest((f) => SHOWN.has(f))} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
