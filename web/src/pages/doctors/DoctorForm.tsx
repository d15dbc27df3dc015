import { Button, Checkbox, ColorInput, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { CLINICAL_ROLES } from '../../../../src/domain/roles.js';
import { SPECIALTIES, SPECIALTY_LABELS, type Specialty } from '../../../../src/domain/specialties.js';
import { useSaveDoctor, type Doctor } from '../../api/doctors';
import { useStaff } from '../../api/staff';
import { FormErrors } from '../../components/FormErrors';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';

const SWATCHES = ['#2f9e44', '#1971c2', '#e8590c', '#9c36b5', '#c2255c', '#0c8599', '#5c940d', '#f08c00', '#495057', '#3b5bdb'];
const SHOWN = /^(surname|firstName|patronymic|position|specialties(\.\d+)?|education|qualification|experienceSince|color|isActive|userId)$/;
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** A doctor's profile: what the administrator tells callers about education and experience (CALL-7). */
export function DoctorForm({ doctor, onSaved }: { doctor: Doctor | null; onSaved?: (d: Doctor) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const readOnly = !can('doctors.write');
  const thisYear = Number(todayIn(useClinicTimeZone()).slice(0, 4));
  const save = useSaveDoctor();
  const errors = useFieldErrors(save.error);
  const staff = useStaff(can('staff.read'));
  const [v, setV] = useState({
    surname: doctor?.surname ?? '',
    firstName: doctor?.firstName ?? '',
    patronymic: doctor?.patronymic ?? '',
    position: doctor?.position ?? '',
    specialties: (doctor?.specialties ?? []) as Specialty[],
    education: doctor?.education ?? '',
    qualification: doctor?.qualification ?? '',
    experienceSince: doctor?.experienceSince ?? null,
    color: doctor?.color ?? SWATCHES[0],
    isActive: doctor?.isActive ?? true,
    userId: doctor?.userId ?? null,
  });
  const text = (key: 'surname' | 'firstName' | 'patronymic' | 'position' | 'education' | 'qualification') => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [key]: e.currentTarget.value }),
    error: errors.field(key),
    readOnly,
  });

  const userOptions = (staff.data?.items ?? [])
    .filter((u) => CLINICAL_ROLES.includes(u.role) || u.id === v.userId)
    .map((u) => ({ value: u.id, label: `${u.fullName} (${u.login})` }));

  const [noSpecialty, setNoSpecialty] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Said here in plain words rather than the generic "at least 1 item" of the schema.
    if (v.specialties.length === 0) return setNoSpecialty(true);
    setNoSpecialty(false);
    const body = {
      surname: v.surname.trim(),
      firstName: v.firstName.trim(),
      patronymic: orNull(v.patronymic),
      position: v.position.trim(),
      specialties: v.specialties,
      education: orNull(v.education),
      qualification: orNull(v.qualification),
      experienceSince: v.experienceSince,
      color: v.color,
      isActive: v.isActive,
      ...(can('staff.read') ? { userId: v.userId } : {}),
    };
    save.mutate({ id: doctor?.id, body }, { onSuccess: (d) => { notifySaved(); onSaved?.(d); } });
  };

  return (
    <Paper withBorder p="md" maw={960}>
      <form onSubmit={submit} noValidate data-testid="doctor-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('patient.surname')} required autoFocus={!doctor} maxLength={LIMITS.name} {...text('surname')} />
            <TextInput label={t('patient.firstName')} required maxLength={LIMITS.name} {...text('firstName')} />
            <TextInput label={t('patient.patronymic')} maxLength={LIMITS.name} {...text('patronymic')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('doctors.position')} placeholder={t('doctors.positionPlaceholder')} required {...text('position')} />
            <MultiSelect
              label={t('doctors.specialties')}
              data={SPECIALTIES.map((s) => ({ value: s, label: SPECIALTY_LABELS[s][lang] }))}
              value={v.specialties}
              onChange={(s) => {
                setV({ ...v, specialties: s as Specialty[] });
                if (s.length) setNoSpecialty(false);
              }}
              error={noSpecialty ? t('doctors.specialtyRequired') : errors.field('specialties')}
              aria-required
              required
              searchable
              readOnly={readOnly}
              nothingFoundMessage={t('common.nothingFound')}
            />
          </SimpleGrid>
          <Textarea label={t('doctors.education')} placeholder={t('doctors.educationPlaceholder')} autosize minRows={2} {...text('education')} />
          <Textarea label={t('doctors.qualification')} placeholder={t('doctors.qualificationPlaceholder')} autosize minRows={2} {...text('qualification')} />
          <Group align="flex-start" gap="sm">
            <NumberInput
              label={t('doctors.experienceSince')}
              description={v.experienceSince ? t('doctors.experienceYears', { count: Math.max(0, thisYear - v.experienceSince) }) : undefined}
              value={v.experienceSince ?? ''}
              onChange={(n) => setV({ ...v, experienceSince: typeof n === 'number' ? n : null })}
              min={1950}
              max={thisYear}
              allowDecimal={false}
              thousandSeparator=""
              error={errors.field('experienceSince')}
              readOnly={readOnly}
              w={200}
            />
            <ColorInput
              label={t('doctors.color')}
              description={t('doctors.colorHint')}
              value={v.color}
              onChange={(c) => setV({ ...v, color: c })}
              swatches={SWATCHES}
              format="hex"
              error={errors.field('color')}
              readOnly={readOnly}
              w={220}
            />
            {can('staff.read') && (
              <Select
                label={t('doctors.user')}
                description={t('doctors.userHint')}
                data={userOptions}
                value={v.userId}
                onChange={(u) => setV({ ...v, userId: u })}
                clearable
                searchable
                placeholder={t('doctors.userNone')}
                error={errors.field('userId')}
                readOnly={readOnly}
                w={300}
              />
            )}
          </Group>
          <Checkbox label={t('doctors.activeLabel')} checked={v.isActive} onChange={(e) => setV({ ...v, isActive: e.currentTarget.checked })} disabled={readOnly} />
          <FormErrors messages={errors.rest((f) => SHOWN.test(f))} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="doctor-save">
                {doctor ? t('common.save') : t('doctors.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
