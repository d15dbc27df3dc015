import { Alert, Button, Group, List, Loader, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fullName } from '../../../../src/domain/names.js';
import { CATEGORY_LABELS, DESTRUCTION_REASONS, MEDICAL_RECORD_STATUSES, planDestruction, REASON_LABELS, TIME_HOLDING_STATUSES, type DestructionReason } from '../../../../src/domain/retention.js';
import { ApiError } from '../../api/client';
import { usePatientAppointments } from '../../api/desk';
import type { Patient } from '../../api/patients';
import { useDestroyPatientData } from '../../api/retention';
import { FormErrors } from '../../components/FormErrors';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { formatDate, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';

const MEDICAL = new Set<string>(MEDICAL_RECORD_STATUSES);
const HOLDING = new Set<string>(TIME_HOLDING_STATUSES);

/**
 * The danger zone at the bottom of the card, away from everyday buttons: only for roles with
 * patients.destroy, and only while something is left to destroy.
 */
export function PdDestroyZone({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('patients.destroy') || patient.pdState === 'destroyed') return null;
  return (
    <Paper withBorder p="md" mt="xl" style={{ borderColor: 'var(--mantine-color-red-3)' }} data-testid="pd-destroy-zone">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 320px' }}>
          <Text fw={600} size="sm">
            {t('retention.card.zoneTitle')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('retention.card.zoneText')}
          </Text>
        </div>
        <Button color="red" variant="outline" onClick={() => setOpen(true)} data-testid="pd-destroy-open">
          {t('retention.card.destroy')}
        </Button>
      </Group>
      {open && <DestroyModal patient={patient} onClose={() => setOpen(false)} />}
    </Paper>
  );
}

function DestroyModal({ patient: p, onClose }: { patient: Patient; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const navigate = useNavigate();
  const destroy = useDestroyPatientData(p.id);
  const errors = useFieldErrors(destroy.error);
  const visits = usePatientAppointments(p.id);
  const [reason, setReason] = useState<DestructionReason | null>(null);
  const [basis, setBasis] = useState('');
  const [confirm, setConfirm] = useState('');
  const matches = /^\d+$/.test(confirm.trim()) && Number(confirm.trim()) === p.cardNumber;
  const today = todayIn(tz);

  // The same pure rule the server applies, so the screen says what will happen before the click.
  const preview = useMemo(() => {
    if (!reason || !visits.data) return null;
    const items = visits.data.items;
    const medical = items.filter((a) => MEDICAL.has(a.status)).map((a) => a.localDate).sort();
    const lastMedicalVisit = medical.at(-1) ?? null;
    const activeFutureAppointments = items.filter((a) => a.localDate >= today && HOLDING.has(a.status)).length;
    return { plan: planDestruction(reason, { state: p.pdState, lastMedicalVisit, activeFutureAppointments, today }), lastMedicalVisit };
  }, [reason, visits.data, p.pdState, today]);

  const api = destroy.error instanceof ApiError ? destroy.error : null;
  const general = api && api.errors.length === 0 ? api.detailIn(lang) : null;
  const submit = () =>
    destroy.mutate(
      { reason: reason!, basis: basis.trim(), confirmCardNumber: Number(confirm.trim()) },
      {
        onSuccess: (act) => {
          notifySaved(t('retention.modal.done', { n: act.number }));
          onClose();
          navigate(`/settings/pd-destructions/${act.id}`);
        },
      },
    );

  return (
    <Modal opened onClose={onClose} size="lg" title={<Title order={3}>{t('retention.modal.title')}</Title>} data-testid="pd-destroy-modal">
      <Stack gap="sm">
        <Text fw={600} data-testid="pd-modal-subject">
          {t('retention.modal.subject', { card: p.cardNumber, name: fullName(p) })}
        </Text>
        <Select
          label={t('retention.modal.reason')}
          placeholder={t('retention.modal.reasonPlaceholder')}
          data={DESTRUCTION_REASONS.map((r) => ({ value: r, label: REASON_LABELS[r][lang] }))}
          value={reason}
          onChange={(v) => setReason(v as DestructionReason | null)}
          error={errors.field('reason')}
          required
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="pd-reason"
        />
        <TextInput
          label={t('retention.modal.basis')}
          description={t('retention.modal.basisHint')}
          placeholder={t('retention.modal.basisPlaceholder')}
          value={basis}
          onChange={(e) => setBasis(e.currentTarget.value)}
          error={errors.field('basis')}
          maxLength={200}
          required
          data-testid="pd-basis"
        />
        <Preview reason={reason} loading={visits.isPending} preview={preview} cardNumber={p.cardNumber} />
        <TextInput
          label={t('retention.modal.confirm', { card: p.cardNumber })}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={errors.field('confirmCardNumber') ?? (confirm.trim() && !matches ? t('retention.modal.mismatch') : undefined)}
          inputMode="numeric"
          autoComplete="off"
          required
          data-testid="pd-confirm"
        />
        {general && (
          <Alert color="red" variant="light" role="alert" data-testid="pd-error">
            {general}
          </Alert>
        )}
        <FormErrors messages={errors.rest((f) => ['reason', 'basis', 'confirmCardNumber'].includes(f))} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={submit} loading={destroy.isPending} disabled={!reason || !basis.trim() || !matches} data-testid="pd-destroy-submit">
            {t('retention.modal.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type PreviewT = { plan: ReturnType<typeof planDestruction>; lastMedicalVisit: string | null } | null;

function Preview({ reason, loading, preview, cardNumber }: { reason: DestructionReason | null; loading: boolean; preview: PreviewT; cardNumber: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!reason) {
    return (
      <Text size="sm" c="dimmed">
        {t('retention.modal.pickReason')}
      </Text>
    );
  }
  if (loading || !preview) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('retention.modal.checking')}
        </Text>
      </Group>
    );
  }
  const { plan } = preview;
  if (!plan.ok) {
    return (
      <Alert color="orange" variant="light" data-testid="pd-preview-refusal">
        {plan.message[lang]}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="sm" bg="red.0" data-testid="pd-preview" data-scope={plan.scope}>
      <Text size="sm" fw={600}>
        {t('retention.modal.willDestroy')}
      </Text>
      <List size="sm" spacing={0} mb="xs">
        {plan.categories.map((c) => (
          <List.Item key={c}>{CATEGORY_LABELS[c][lang]}</List.Item>
        ))}
      </List>
      <Text size="sm">
        <Text span fw={600}>
          {t('retention.modal.willKeep')}
        </Text>{' '}
        {plan.scope === 'blocked'
          ? t('retention.modal.keepBlocked', { until: formatDate(plan.retainUntil), last: formatDate(preview.lastMedicalVisit) })
          : t('retention.modal.keepDestroyed', { card: cardNumber })}
      </Text>
      <Text size="xs" c="dimmed" mt="xs">
        {t('retention.modal.act')}
      </Text>
    </Paper>
  );
}
