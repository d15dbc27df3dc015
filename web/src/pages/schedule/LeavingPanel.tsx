import { Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { SURVEY_CONSENT_KEY, useSurveyConsent } from '../../api/surveys';
import { useLeaving, useReviewSites, useSaveLeaving } from '../../api/svcRegulation';
import { useCan, useClinicTimeZone } from '../../components/session';
import { dateOf, formatDate } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/notify';

type Visit = { id: string; patientId: string; status: string; followUpBooked: boolean };
type Consent = '' | 'agreed' | 'refused';

/** What was done when the patient left (DESK-3), shown to everyone in the visit panel. */
export function LeavingSummary({ a }: { a: Visit }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const leaving = useLeaving(a.id, a.status === 'done').data?.leaving;
  if (!leaving) return null;
  const items = [
    t(`desk.leaving.next${leaving.nextVisit === 'booked' ? 'Booked' : leaving.nextVisit === 'agreed' ? 'Agreed' : 'None'}`).toLowerCase(),
    leaving.reviewSite ? t('desk.leaving.reviewAt', { site: leaving.reviewSite }) : null,
    leaving.flyers ? t('desk.leaving.flyersGiven') : null,
    leaving.gift ? t('desk.leaving.giftGiven') : null,
  ].filter(Boolean);
  return (
    <Text size="sm" data-testid="leaving-summary">
      {t('desk.leaving.summary', { items: items.join(', ') })}
      <Text span size="xs" c="dimmed">{` · ${t('desk.leaving.recorded', { name: leaving.recordedBy.name, date: formatDate(dateOf(leaving.recordedAt, tz)) })}`}</Text>
    </Text>
  );
}

/**
 * DESK-2/3 at «Завершён»: one short panel, one save — the next visit, the review asked and where,
 * flyers, gift, and the survey consent while it is not yet known (SVC-1).
 */
export function LeavingPanel({ a }: { a: Visit }) {
  const { t } = useTranslation();
  const can = useCan();
  const sites = useReviewSites().data?.sites ?? [];
  const existing = useLeaving(a.id).data;
  const consent = useSurveyConsent(a.patientId).data;
  const save = useSaveLeaving(a.id);
  const qc = useQueryClient();
  const [next, setNext] = useState<string>(a.followUpBooked ? 'booked' : 'none');
  const [site, setSite] = useState<string | null>(null);
  const [flyers, setFlyers] = useState(false);
  const [gift, setGift] = useState(false);
  const [agree, setAgree] = useState<Consent>('');
  const [when, setWhen] = useState('');
  useEffect(() => {
    const l = existing?.leaving;
    if (l) { setNext(l.nextVisit); setSite(l.reviewSite); setFlyers(l.flyers); setGift(l.gift); }
  }, [existing?.leaving]);
  if (!can('schedule.status') || a.status !== 'done') return null;
  const askConsent = consent !== undefined && consent.consent === null;
  const onSave = async () => {
    try {
      // One save: the consent goes with the leaving record, in one transaction (never one without the other).
      const surveyConsent = askConsent && agree ? { status: agree, preferredTime: when.trim() || null, channel: 'phone' as const } : null;
      await save.mutateAsync({ nextVisit: next as 'booked' | 'agreed' | 'none', reviewSite: site, flyers, gift, surveyConsent });
      if (surveyConsent) void qc.invalidateQueries({ queryKey: [...SURVEY_CONSENT_KEY, a.patientId] });
      notifySaved(t('desk.leaving.saved'));
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Paper withBorder p="xs" data-testid="leaving-panel">
      <Stack gap={6}>
        <Text fw={700} size="sm">{t('desk.leaving.title')}</Text>
        <div>
          <Text size="xs" c="dimmed">{t('desk.leaving.next')}</Text>
          <SegmentedControl size="xs" value={next} onChange={setNext} data-testid="leaving-next"
            data={[{ value: 'booked', label: t('desk.leaving.nextBooked') }, { value: 'agreed', label: t('desk.leaving.nextAgreed') }, { value: 'none', label: t('desk.leaving.nextNone') }]} />
        </div>
        <Select size="xs" label={t('desk.leaving.review')} placeholder={t('desk.leaving.reviewNone')} clearable value={site} onChange={setSite} data={sites} data-testid="leaving-review" />
        <Group gap="md">
          <Checkbox size="xs" label={t('desk.leaving.flyers')} checked={flyers} onChange={(e) => setFlyers(e.currentTarget.checked)} data-testid="leaving-flyers" />
          <Checkbox size="xs" label={t('desk.leaving.gift')} checked={gift} onChange={(e) => setGift(e.currentTarget.checked)} data-testid="leaving-gift" />
        </Group>
        {askConsent && (
          <Group gap="xs" align="flex-end">
            <div>
              <Text size="xs" c="dimmed">{t('desk.leaving.consent')}</Text>
              <SegmentedControl size="xs" value={agree} onChange={(v) => setAgree(v as Consent)} data-testid="leaving-consent"
                data={[{ value: '', label: t('desk.leaving.consentUnknown') }, { value: 'agreed', label: t('desk.leaving.consentAgreed') }, { value: 'refused', label: t('desk.leaving.consentRefused') }]} />
            </div>
            {agree === 'agreed' && <TextInput size="xs" label={t('desk.leaving.preferredTime')} value={when} maxLength={200} onChange={(e) => setWhen(e.currentTarget.value)} />}
          </Group>
        )}
        <Group>
          <Button size="xs" onClick={() => void onSave()} loading={save.isPending} data-testid="leaving-save">{t('desk.leaving.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
