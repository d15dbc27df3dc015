import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { daysInMonth } from '../../../../src/domain/dates.js';
import { useBranches } from '../../api/clinic';
import { useDoctors } from '../../api/doctors';
import { useSurveyLeaving, useSurveyResults, type CallsDrill, type SurveyFilterT } from '../../api/surveyResults';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { todayIn, validDate } from '../../lib/format';
import { CallsModal } from './CallsModal';
import { DoctorFeedback } from './DoctorFeedback';
import { LeavingBlock } from './LeavingBlock';
import { DoctorsBlock, ServicesBlock, TotalsBlock, TrendBlock } from './ResultBlocks';

type Preset = 'month' | 'lastMonth' | 'quarter' | 'year';
const PRESETS: Preset[] = ['month', 'lastMonth', 'quarter', 'year'];

function monthStart(today: string, back: number): string {
  const [y, m] = today.split('-').map(Number);
  const n = y! * 12 + (m! - 1) - back;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;
}

function presetRange(p: Preset, today: string): { from: string; to: string } {
  switch (p) {
    case 'month': return { from: monthStart(today, 0), to: today };
    case 'lastMonth': {
      const from = monthStart(today, 1);
      const [y, m] = from.split('-').map(Number);
      return { from, to: `${from.slice(0, 8)}${String(daysInMonth(y!, m!)).padStart(2, '0')}` };
    }
    case 'quarter': return { from: monthStart(today, 2), to: today };
    case 'year': return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/**
 * «Результаты опросов» (SURV-3/4): the chief doctor's and the owner's view of the post-treatment
 * survey — NPS and averages per doctor at a glance, the trend, services and branches, the desk's
 * «Пациент уходит» figures; every figure opens the surveys behind it, every doctor their feedback
 * (remarks, follow-up tasks, review meetings). The filter lives in the URL.
 */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const today = todayIn(tz);
  const [params, setParams] = useSearchParams();
  const def = presetRange('quarter', today);
  const from = validDate(params.get('from'), def.from);
  const to = validDate(params.get('to'), today);
  const branchId = params.get('branch') ?? undefined;
  const doctorId = params.get('doctor') ?? undefined;
  const branches = useBranches().data?.items ?? [];
  const doctors = useDoctors().data?.items ?? [];
  const [drill, setDrill] = useState<CallsDrill | null>(null);
  const [feedbackOf, setFeedbackOf] = useState<string | null>(null);
  const filter: SurveyFilterT = { from, to, ...(branchId && { branchId }), ...(doctorId && { doctorId }) };
  const results = useSurveyResults(filter);
  const leaving = useSurveyLeaving(filter);
  const set = (next: Record<string, string | null>) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      for (const [k, v] of Object.entries(next)) v ? n.set(k, v) : n.delete(k);
      return n;
    }, { replace: true });
  const active = PRESETS.find((p) => { const r = presetRange(p, today); return r.from === from && r.to === to; });
  const r = results.data;
  return (
    <Stack gap="md">
      <PageHeader title={t('surveyResults.nav')} />
      <Text size="sm" c="dimmed" mt={-12}>{t('surveyResults.hint')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Button.Group>
          {PRESETS.map((p) => (
            <Button key={p} size="sm" variant={active === p ? 'filled' : 'default'} onClick={() => set(presetRange(p, today))} data-testid={`sr-preset-${p}`}>
              {t(`surveyResults.period.${p}`)}
            </Button>
          ))}
        </Button.Group>
        <DateField label={t('surveyResults.period.from')} value={from} onChange={(v) => v && set({ from: v, ...(v > to && { to: v }) })} clearable={false} w={140} data-testid="sr-from" />
        <DateField label={t('surveyResults.period.to')} value={to} onChange={(v) => v && set({ to: v, ...(v < from && { from: v }) })} clearable={false} w={140} data-testid="sr-to" />
        {branches.length > 1 && (
          <Select label={t('surveyResults.branch')} data={[{ value: '', label: t('surveyResults.allBranches') }, ...branches.map((b) => ({ value: b.id, label: b.name }))]}
            value={branchId ?? ''} onChange={(v) => set({ branch: v || null })} allowDeselect={false} w={220} data-testid="sr-branch" />
        )}
        <Select label={t('surveyResults.doctor')} searchable data={[{ value: '', label: t('surveyResults.allDoctors') }, ...doctors.map((d) => ({ value: d.id, label: `${d.surname} ${d.firstName}` }))]}
          value={doctorId ?? ''} onChange={(v) => set({ doctor: v || null })} allowDeselect={false} w={240} data-testid="sr-doctor" />
      </Group>
      {!r ? (
        <QueryState isPending={results.isPending} error={results.error} />
      ) : (
        <Stack gap="md" data-testid="sr-dashboard" style={{ opacity: results.isFetching ? 0.6 : 1 }}>
          {r.total.count === 0 ? <Text c="dimmed" data-testid="sr-empty">{t('surveyResults.empty')}</Text> : (
            <>
              <TotalsBlock r={r} open={setDrill} />
              <DoctorsBlock r={r} open={setDrill} openDoctor={setFeedbackOf} />
              <TrendBlock months={r.byMonth} questions={r.questions} open={setDrill} />
              <ServicesBlock r={r} open={setDrill} showBranches={branches.length > 1} />
            </>
          )}
          {leaving.data && <LeavingBlock s={leaving.data} />}
        </Stack>
      )}
      <CallsModal filter={filter} drill={drill} onClose={() => setDrill(null)} />
      <DoctorFeedback doctorId={feedbackOf} filter={filter} onClose={() => setFeedbackOf(null)} />
    </Stack>
  );
}


