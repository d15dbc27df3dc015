import { Alert, Button, Grid, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { LIMITS } from '../../../../src/contracts/common.js';
import { NON_PATIENT_PURPOSES, type CallerType, type CallOutcome, type CallPurpose } from '../../../../src/domain/calls/call-rules.js';
import { useCallDesk, useCallerCard, useRecordCall } from '../../api/calls';
import { usePatient } from '../../api/patients';
import type { RingingCall } from '../../components/TelephonyPopper';
import { useBranches, useInfoSources } from '../../api/clinic';
import { useDoctors } from '../../api/doctors';
import type { Appointment } from '../../api/schedule';
import { FormErrors } from '../../components/FormErrors';
import { useCan, useClinicTimeZone } from '../../components/session';
import { BalanceBadge } from '../cash/PatientMoneyPanel';
import { useFieldErrors } from '../../lib/fieldErrors';
import { displayPhone, formatInstant, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { BookingPatientPicker, type PickedPatient } from '../schedule/BookingPatientPicker';
import { doctorName } from '../schedule/headers';
import { TwoOptionsPanel } from '../schedule/TwoOptionsPanel';
import { CallAnswers } from './CallAnswers';
import { CallerHistory } from './CallerHistory';
import { CallTimer, ScriptPrompter } from './ScriptPrompter';

const PATIENT_PURPOSES: CallPurpose[] = ['booking', 'price', 'info', 'reschedule', 'cancel', 'doctor', 'other'];

/**
 * The call card (CALL-1..11): opened by «Новый звонок» (F2) the moment the phone is answered.
 * The greeting to say, the caller found by phone or created, his history at once, the script
 * with its timer, the answers, booking with two options without leaving the card, and the
 * call recorded in the call base when it ends.
 */
export function CallCardPage() {
  // Each «Новый звонок» (F2 included, on this very page) is a new call with its own start.
  const { key } = useLocation();
  return <CallCard key={key} />;
}

function CallCard() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const navigate = useNavigate();
  // Popped by the telephony's ring: this card completes the call row the ring created.
  const ringing = (useLocation().state as { telephony?: RingingCall } | null)?.telephony ?? null;
  const started = useRef(new Date());
  const { data: branches } = useBranches();
  const { data: sources } = useInfoSources();
  const { data: doctors } = useDoctors();
  const active = useMemo(() => (branches?.items ?? []).filter((b) => b.isActive), [branches]);
  const [branchId, setBranchId] = useState<string | null>(ringing?.branchId ?? null);
  useEffect(() => {
    if (!branchId && active.length) setBranchId(active[0].id);
  }, [active, branchId]);
  const desk = useCallDesk(branchId);
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const card = useCallerCard(patient?.id ?? null);
  const caller = usePatient(ringing?.patientId ?? undefined);
  const picked = usePatient(patient?.id ?? undefined);
  const rep = picked.data?.representative ?? null;
  useEffect(() => {
    if (caller.data) setPatient((p) => p ?? caller.data);
  }, [caller.data]);
  const can = useCan();
  const [callerType, setCallerType] = useState<CallerType>('primary');
  const typeChosen = useRef(false);
  const [callerName, setCallerName] = useState('');
  const [purpose, setPurpose] = useState<CallPurpose>('booking');
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [need, setNeed] = useState('');
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [booking, setBooking] = useState(false);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const record = useRecordCall();
  const errors = useFieldErrors(record.error);

  // A card found: the type its history suggests (CALL-2), the source its card remembers.
  useEffect(() => {
    const c = card.data;
    if (!c) return;
    if (!typeChosen.current) setCallerType(c.suggestedType);
    if (c.patient.sourceId) setSourceId((s) => s ?? c.patient.sourceId);
  }, [card.data]);

  const nonPatient = callerType === 'non_patient';
  const purposes = nonPatient ? NON_PATIENT_PURPOSES : PATIENT_PURPOSES;
  const outcomes: CallOutcome[] = nonPatient ? ['routed', 'info_given'] : booked ? ['booked'] : ['not_booked', 'info_given', 'callback', 'routed'];
  const chooseType = (v: CallerType) => {
    typeChosen.current = true;
    setCallerType(v);
    if (v === 'non_patient') {
      setPurpose('advertising');
      setOutcome('routed');
    } else if (NON_PATIENT_PURPOSES.includes(purpose) && purpose !== 'other') setPurpose('booking');
  };

  const finish = () =>
    record.mutate(
      {
        ...(ringing && { callId: ringing.callId }),
        branchId, callerType, purpose, patientId: nonPatient ? null : patient?.id ?? null, phone: nonPatient ? null : patient?.phone ?? null,
        callerName: callerName.trim() || null, sourceId: callerType === 'primary' ? sourceId : null, outcome: booked ? 'booked' : outcome ?? 'info_given',
        outcomeReason: reason.trim() || null, appointmentId: booked?.id ?? null, startedAt: started.current.toISOString(),
        needSummary: need.trim() || null, note: note.trim() || null, scriptVersion: desk.data?.script.version ?? null,
      },
      {
        onSuccess: () => {
          notifySaved(t('calls.card.saved'));
          navigate('/calls');
        },
      },
    );

  const script = desk.data?.script;
  return (
    <Grid gap="md" data-testid="call-card">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Text fw={700} size="xl">{t('calls.card.title')}</Text>
            {ringing && <Text c="teal.8" fw={600} data-testid="call-ringing">{t('calls.card.ringing', { phone: ringing.phone })}</Text>}
            {active.length > 1 && (
              <Select size="xs" w={200} data={active.map((b) => ({ value: b.id, label: b.name }))} value={branchId} onChange={setBranchId} allowDeselect={false} aria-label={t('schedule.branch')} />
            )}
          </Group>
          {desk.data && (
            <Paper withBorder p="sm" bg="yellow.0">
              <Text size="xs" c="dimmed">{t('calls.card.say')}</Text>
              <Text fw={700} size="lg" data-testid="call-greeting">«{desk.data.greeting}»</Text>
            </Paper>
          )}
          <Select
            label={t('calls.card.callerType')}
            data={(['primary', 'repeat', 'non_patient'] as const).map((v) => ({ value: v, label: t(`calls.types.${v}`) }))}
            value={callerType}
            onChange={(v) => v && chooseType(v as CallerType)}
            allowDeselect={false}
            data-testid="call-type"
          />
          {!nonPatient && <BookingPatientPicker value={patient} onChange={setPatient} autoFocus />}
          {(nonPatient || !patient) && <TextInput label={t('calls.card.callerName')} value={callerName} onChange={(e) => setCallerName(e.currentTarget.value)} maxLength={LIMITS.name} />}
          {nonPatient && ['advertising', 'supplier', 'director'].includes(purpose) && (
            <Alert color="gray" variant="light" p="xs" data-testid="non-patient-hint">{t(`calls.card.nonPatient.${purpose}`)}</Alert>
          )}
          {rep && (
            <Text size="sm" data-testid="call-representative">
              {t('calls.card.representative')}: <b>{rep.fullName}</b>{rep.relation ? ` (${rep.relation})` : ''}{rep.phone ? `, ${displayPhone(rep.phone)}` : ''}
            </Text>
          )}
          {patient && can('billing.write') && <Group><BalanceBadge patientId={patient.id} /></Group>}
          {patient && card.data && <CallerHistory card={card.data} tz={tz} />}
          <Group grow align="flex-start">
            <Select label={t('calls.card.purpose')} data={purposes.map((p) => ({ value: p, label: t(`calls.purposes.${p}`) }))} value={purpose} onChange={(v) => v && setPurpose(v as CallPurpose)} allowDeselect={false} data-testid="call-purpose" />
            {callerType === 'primary' && (
              <Select label={t('calls.card.source')} data={(sources?.items ?? []).filter((s) => s.isActive || s.id === sourceId).map((s) => ({ value: s.id, label: s.name }))} value={sourceId} onChange={setSourceId} clearable data-testid="call-source" />
            )}
          </Group>
          {!nonPatient && <Textarea label={t('calls.card.need')} value={need} onChange={(e) => setNeed(e.currentTarget.value)} autosize minRows={1} maxLength={LIMITS.text} />}
          {!nonPatient && (
            booked ? (
              <Alert color="teal" variant="light" data-testid="call-booked">
                {t('calls.card.booked', { when: formatInstant(booked.startsAt, tz), doctor: doctorName(doctors?.items, booked.doctorId) })}
              </Alert>
            ) : (
              <Button size="md" onClick={() => setBooking(true)} disabled={!patient} data-testid="call-book">{t('calls.card.book')}</Button>
            )
          )}
          {!booked && (
            <Select label={t('calls.card.outcome')} data={outcomes.map((o) => ({ value: o, label: t(`calls.outcomes.${o}`) }))} value={outcome} onChange={(v) => setOutcome(v as CallOutcome | null)} error={errors.field('outcome')} data-testid="call-outcome" />
          )}
          {!booked && outcome === 'not_booked' && (
            <TextInput label={t('calls.card.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={LIMITS.shortText} error={errors.field('outcomeReason')} data-testid="call-reason" />
          )}
          <TextInput label={t('calls.card.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={LIMITS.text} />
          <FormErrors messages={errors.rest((f) => ['outcome', 'outcomeReason'].includes(f))} />
          <Button size="md" color="teal" onClick={finish} loading={record.isPending} disabled={!booked && !outcome} data-testid="call-finish">{t('calls.card.finish')}</Button>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm">
          {script && <CallTimer startedMs={started.current.getTime()} targetSec={script.script.targetSec} />}
          {script && <ScriptPrompter script={script.script} version={script.version} />}
          {desk.data && <CallAnswers desk={desk.data} />}
        </Stack>
      </Grid.Col>
      {booking && patient && (
        <TwoOptionsPanel
          init={{
            patient, lockPatient: true, branchId: branchId ?? undefined,
            who: card.data?.treatingDoctorId ? { doctorId: card.data.treatingDoctorId } : undefined,
            kind: callerType === 'primary' ? 'primary' : undefined,
          }}
          tz={tz}
          today={todayIn(tz)}
          onClose={() => setBooking(false)}
          onBooked={(a) => {
            setBooked(a);
            setOutcome('booked');
            setBooking(false);
          }}
        />
      )}
    </Grid>
  );
}
