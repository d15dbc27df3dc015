import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone, toE164 } from '../../../../src/domain/phone.js';
import { useSaveBranch, type Branch } from '../../api/clinic';
import { FormErrors } from '../../components/FormErrors';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { hoursDraftFrom, hoursFromDraft, OpeningHoursEditor } from './OpeningHoursEditor';

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Create or edit a branch: address and directions are what the administrator reads out on the phone (CALL-1, CALL-3 IV). */
export function BranchFormModal({ branch, onClose }: { branch: Branch | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBranch();
  const errors = useFieldErrors(save.error);
  const [v, setV] = useState({
    name: branch?.name ?? '',
    address: branch?.address ?? '',
    directions: branch?.directions ?? '',
    phone: branch?.phone ? formatPhone(branch.phone) : '',
    isActive: branch?.isActive ?? true,
  });
  const [hours, setHours] = useState(hoursDraftFrom(branch?.hours));
  const text = (key: 'name' | 'address' | 'directions' | 'phone') => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [key]: e.currentTarget.value }),
    error: errors.field(key),
  });
  const phoneE164 = v.phone.trim() ? toE164(v.phone) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: v.name.trim(),
      address: v.address.trim(),
      directions: orNull(v.directions),
      phone: orNull(v.phone),
      isActive: v.isActive,
      hours: hoursFromDraft(hours),
    };
    save.mutate(
      { id: branch?.id, body },
      {
        onSuccess: () => {
          notifySaved();
          onClose();
        },
      },
    );
  };

  const hourError = (i: number) =>
    [errors.field(`hours.${i}.opens`), errors.field(`hours.${i}.closes`), errors.field(`hours.${i}`)].filter(Boolean).join(' ') || undefined;

  return (
    <Modal opened onClose={onClose} title={branch ? t('branches.edit') : t('branches.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('branches.name')} required data-autofocus {...text('name')} />
            <TextInput
              label={t('branches.phone')}
              inputMode="tel"
              description={phoneE164 ? `→ ${formatPhone(phoneE164)}` : undefined}
              {...text('phone')}
            />
          </SimpleGrid>
          <Textarea label={t('branches.address')} required autosize minRows={1} {...text('address')} />
          <Textarea label={t('branches.directions')} placeholder={t('branches.directionsPlaceholder')} autosize minRows={2} {...text('directions')} />
          <OpeningHoursEditor value={hours} onChange={setHours} errorAt={hourError} />
          <Checkbox label={t('branches.active')} checked={v.isActive} onChange={(e) => setV({ ...v, isActive: e.currentTarget.checked })} />
          <FormErrors messages={errors.rest((f) => /^(name|address|directions|phone|hours\.\d+(\.\w+)?)$/.test(f))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
