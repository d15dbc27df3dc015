import { Alert, Button, Checkbox, Drawer, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { useDoctors } from '../../api/doctors';
import { useBookingContext } from '../../api/patients';
import { releaseHold, useBook, useProposals, type Appointment, type ProposalT } from '../../api/schedule';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { useFieldErrors } from '../../lib/fieldErrors';
import { ConfirmHint } from './BookDrawer';
import { BranchSelect, DoctorOrSpecialty, KindSelect, type Kind, type Who } from './fields';
import { OptionButtons } from './OptionButtons';
import { PatientUpcoming } from './PatientUpcoming';
import { BookingPatientPicker, type PickedPatient } from './BookingPatientPicker';
import { addDays } from '../../../../src/domain/dates.js';
import { dateOf } from '../../lib/format';

export type TwoOptionsInit = {
  patient?: PickedPatient | null;
  who?: Who;
  kind?: Kind;
  branchId?: string;
  /** Rebooking a cancelled visit: the patient is fixed. */
  lockPatient?: boolean;
  title?: string;
};

type Props = { init: TwoOptionsInit; tz: string; today: string; onClose: () => void; onBooked: (a: Appointment) => void };
type Part = 'any' | 'morning' | 'evening';

/**
 * SCH-3, the main way to book a caller: the system finds the two nearest suitable times (one
 * morning, one evening where it can) and holds both while the patient chooses; the
 * administrator asks «Вам удобнее в 09:00 или в 15:00?». Choosing books with the hold group
 * (the server frees the other); «Другие варианты» and closing release the holds.
 */
export function TwoOptionsPanel({ init, tz, today, onClose, onBooked }: Props) {
  const { t } = useTranslation();
  const { data: doctors } = useDoctors();
  const propose = useProposals();
  const book = useBook();
  const errors = useFieldErrors(propose.error ?? book.error);
  const [patient, setPatient] = useState<PickedPatient | null>(init.patient ?? null);
  const [who, setWho] = useState<Who>(init.who ?? {});
  const [kind, setKind] = useState<Kind>(init.kind ?? 'primary');
  const [from, setFrom] = useState<string | null>(today);
  const [part, setPart] = useState<Part>('any');
  const [branchId, setBranchId] = useState(init.branchId ?? '');
  const [result, setResult] = useState<ProposalT | null>(null);
  const [needsCall, setNeedsCall] = useState(false);
  const [comment, setComment] = useState('');
  const [missingPatient, setMissingPatient] = useState(false);
  const held = useRef<string | null>(null);
  // A known patient: the visit type and doctor her history suggests, unless given or already chosen.
  const context = useBookingContext(patient?.id);
  const chosen = useRef({ kind: !!init.kind, who: !!(init.who?.doctorId || init.who?.specialty), branch: false });
  const [suggested, setSuggested] = useState(false);
  useEffect(() => {
    const c = context.data;
    if (!c) return;
    let any = false;
    if (!chosen.current.kind) {
      setKind(c.suggestedKind);
      any = c.suggestedKind !== 'primary'; // a first consultation is no finding of the history
    }
    if (!chosen.current.who && c.doctorId) {
      setWho({ doctorId: c.doctorId });
      // Her doctor's nearest times wherever he works, not only in the branch the schedule shows.
      if (!chosen.current.branch) setBranchId('');
      any = true;
    }
    setSuggested(any);
  }, [context.data]);

  // Leaving the page or closing the drawer frees the held times for colleagues.
  useEffect(() => () => releaseHold(held.current), []);

  const search = (dateFrom: string | null, after?: string) => {
    releaseHold(held.current);
    held.current = null;
    setResult(null);
    propose.mutate(
      { ...who, kind, dateFrom: dateFrom ?? undefined, after, partOfDay: part, branchId: branchId || undefined },
      {
        onSuccess: (r) => {
          held.current = r.holdGroup;
          setResult(r);
        },
      },
    );
  };

  // «Другие варианты»: the next two after the later option, the same day included.
  const more = () => {
    const last = result?.options[result.options.length - 1];
    if (!last) return search(from);
    setFrom(dateOf(last.startsAt, tz));
    search(dateOf(last.startsAt, tz), new Date(Date.parse(last.startsAt) + 60_000).toISOString());
  };

  const choose = (i: number) => {
    const o = result?.options[i];
    if (!o) return;
    if (!patient) return setMissingPatient(true);
    book.mutate(
      {
        patientId: patient.id, doctorId: o.doctorId, startsAt: o.startsAt, endsAt: o.endsAt, chairId: o.chairId, branchId: o.branchId,
        kind, holdGroup: result?.holdGroup ?? undefined, needsCall, comment: comment.trim() || null,
      },
      {
        onSuccess: (a) => {
          held.current = null; // the server released the other option with the booking
          onBooked(a);
        },
      },
    );
  };

  const close = () => {
    releaseHold(held.current);
    held.current = null;
    onClose();
  };

  const canSearch = !!(who.doctorId || who.specialty);
  const firstDate = result?.options[0] ? dateOf(result.options[0].startsAt, tz) : today;

  return (
    <Drawer opened onClose={close} position="right" size={520} title={<Text fw={700}>{init.title ?? t('schedule.two.title')}</Text>}>
      <Stack gap="sm" data-testid="two-options">
        {init.lockPatient && patient ? (
          <Alert variant="light" color="teal" p="xs">
            <Text size="sm" fw={600}>{`${patient.surname} ${patient.firstName} ${patient.patronymic ?? ''}`}</Text>
          </Alert>
        ) : (
          <BookingPatientPicker value={patient} onChange={(p) => { setPatient(p); setMissingPatient(false); }} autoFocus />
        )}
        {missingPatient && !patient && (
          <Text size="sm" c="red" role="alert">
            {t('schedule.two.needPatient')}
          </Text>
        )}
        {patient && context.data && <PatientUpcoming visits={context.data.upcoming} tz={tz} />}
        <DoctorOrSpecialty value={who} onChange={(w) => { chosen.current.who = true; setWho(w); }} error={errors.field('doctorId') ?? errors.field('specialty')} />
        {/* The visit type gets a line of its own: «Повторный приём / продолжение лечения» must read whole. */}
        <KindSelect value={kind} onChange={(k) => { chosen.current.kind = true; setKind(k); }} />
        {suggested && (
          <Text size="xs" c="dimmed" mt={-8} data-testid="from-history">
            {t('schedule.two.fromHistory')}
          </Text>
        )}
        <Group grow gap="xs" align="flex-end">
          <div>
            <Text size="sm" fw={500} mb={2}>
              {t('schedule.two.part')}
            </Text>
            <SegmentedControl
              fullWidth
              value={part}
              onChange={(v) => setPart(v as Part)}
              aria-label={t('schedule.two.part')}
              data={(['any', 'morning', 'evening'] as const).map((p) => ({ value: p, label: t(`schedule.two.parts.${p}`) }))}
            />
          </div>
          <DateField label={t('schedule.two.from')} value={from} onChange={setFrom} minDate={today} clearable={false} error={errors.field('dateFrom')} />
        </Group>
        <BranchSelect label={t('schedule.branch')} value={branchId} onChange={(b) => { chosen.current.branch = true; setBranchId(b); }} />
        <Button onClick={() => search(from)} loading={propose.isPending} disabled={!canSearch} data-testid="two-search">
          {result ? t('schedule.two.searchAgain') : t('schedule.two.search')}
        </Button>
        {result && (
          <OptionButtons
            result={result}
            tz={tz}
            today={today}
            doctors={doctors?.items}
            booking={book.isPending}
            onChoose={choose}
            onMore={more}
            onRefresh={() => search(from)}
          />
        )}
        {result && result.options.length > 0 && (
          <>
            <TextInput label={t('schedule.book.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={LIMITS.text} />
            <div>
              <Checkbox label={t('schedule.book.needsCall')} checked={needsCall} onChange={(e) => setNeedsCall(e.currentTarget.checked)} />
              <ConfirmHint date={firstDate} today={today} needsCall={needsCall} />
            </div>
          </>
        )}
        <FormErrors messages={errors.rest((f) => ['doctorId', 'specialty', 'dateFrom'].includes(f))} />
      </Stack>
    </Drawer>
  );
}
