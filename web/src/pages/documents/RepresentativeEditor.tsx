import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetRepresentative, type DocumentRegisterT, type RepresentativeT } from '../../api/documents';
import { FormErrors } from '../../components/FormErrors';
import { useCan } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { displayPhone } from '../../lib/format';

const EMPTY: RepresentativeT = { fullName: null, document: null, relation: null, phone: null };

/** The legal representative of a child under 15 or a ward (323-FZ art. 20): who, document, relation, phone; and who signs. */
export function RepresentativeEditor({ patientId, patientName, reg, active }: { patientId: string; patientName: string; reg: DocumentRegisterT; active: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const rep = reg.representative;
  const [draft, setDraft] = useState<RepresentativeT | null>(null);
  const save = useSetRepresentative(patientId);
  const errors = useFieldErrors(save.error);
  const has = !!rep.fullName;
  const mayEdit = active && can('patients.write');

  if (draft) {
    const set = (k: keyof RepresentativeT) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [k]: e.currentTarget.value || null });
    return (
      <Paper withBorder p="sm" data-testid="rep-editor">
        <Stack gap="xs">
          <Text fw={600} size="sm">{t('docs.rep.title')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <TextInput label={t('docs.rep.fullName')} value={draft.fullName ?? ''} onChange={set('fullName')} maxLength={200} error={errors.field('fullName')} data-autofocus data-testid="rep-fullName" />
            <TextInput label={t('docs.rep.relation')} placeholder={t('docs.rep.relationPlaceholder')} value={draft.relation ?? ''} onChange={set('relation')} maxLength={100} error={errors.field('relation')} data-testid="rep-relation" />
            <TextInput label={t('docs.rep.document')} placeholder={t('docs.rep.documentPlaceholder')} value={draft.document ?? ''} onChange={set('document')} maxLength={300} error={errors.field('document')} data-testid="rep-document" />
            <TextInput label={t('docs.rep.phone')} value={draft.phone ?? ''} onChange={set('phone')} maxLength={40} error={errors.field('phone')} type="tel" data-testid="rep-phone" />
          </SimpleGrid>
          <FormErrors messages={errors.rest((f) => ['fullName', 'relation', 'document', 'phone'].includes(f))} />
          <Group justify="space-between">
            {has ? (
              <Button variant="subtle" color="red" size="xs" onClick={() => save.mutate(EMPTY, { onSuccess: () => { notifySaved(t('docs.rep.saved')); setDraft(null); } })}>
                {t('docs.rep.clear')}
              </Button>
            ) : <span />}
            <Group gap="xs">
              <Button variant="default" onClick={() => { save.reset(); setDraft(null); }}>{t('docs.rep.cancel')}</Button>
              <Button loading={save.isPending} data-testid="rep-save" onClick={() => save.mutate(draft, { onSuccess: () => { notifySaved(t('docs.rep.saved')); setDraft(null); } })}>
                {t('docs.rep.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>
    );
  }

  const signs = has ? t('docs.rep.signs', { name: `${rep.fullName}${rep.relation ? ` (${rep.relation})` : ''}` }) : t('docs.rep.signsPatient');
  return (
    <Stack gap={6} data-testid="rep-view">
      {reg.child && !has && <Alert color="red" variant="light" p="xs" data-testid="rep-missing">{t('docs.rep.childMissing')}</Alert>}
      {reg.child && has && <Text size="sm" c="dimmed">{t('docs.rep.child')}</Text>}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm" data-testid="rep-signs">
            <b>{reg.child || has ? signs : t('docs.rep.signsPatient')}</b>
            {!reg.child && !has && <Text span size="sm" c="dimmed">{` — ${patientName}`}</Text>}
          </Text>
          {has && (
            <Text size="xs" c="dimmed">
              {[rep.document, rep.phone && displayPhone(rep.phone)].filter(Boolean).join(' · ')}
            </Text>
          )}
          {!reg.child && !has && <Text size="xs" c="dimmed">{t('docs.rep.adult')}</Text>}
        </div>
        {mayEdit && (
          <Button variant={reg.child && !has ? 'filled' : 'light'} size="xs" onClick={() => setDraft({ ...rep })} data-testid="rep-edit">
            {has ? t('docs.rep.edit') : t('docs.rep.add')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
