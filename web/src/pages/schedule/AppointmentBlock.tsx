import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shortName, fullName } from '../../../../src/domain/names.js';
import { KIND_LABELS, STATUS_LABELS } from '../../../../src/domain/schedule/status.js';
import { SVC_LABELS, type SvcSection } from '../../../../src/domain/service-card.js';
import type { Appointment } from '../../api/schedule';
import { useLang } from '../../i18n';
import { AlertIcon, ClockIcon, FamilyIcon, PhoneIcon, WalkIcon } from './icons';
import { repWho } from './RepresentativeNote';
import { dateOf, displayPhone, timeOf } from '../../lib/format';
import { useDayBalances } from '../../api/cash';
import { useCan } from '../../components/session';

type Props = {
  a: Appointment;
  tz: string;
  /** Pixels from the column top and height. */
  top: number;
  height: number;
  /** Horizontal position and width in per cent of the column. */
  left: number;
  width: number;
  /** A cancelled or no-show visit under a live one: a thin mark on the right edge, opened by a click. */
  marker?: boolean;
  movable: boolean;
  highlighted: boolean;
  onOpen: (a: Appointment) => void;
  onDragStart: (a: Appointment, e: DragEvent<HTMLButtonElement>) => void;
  onDragEnd: () => void;
};

export function isMovable(a: Appointment): boolean {
  return a.status === 'booked' || a.status === 'confirmed';
}

/** One visit on the grid: colour by status, left stripe by kind, badges for what the desk must not miss. */
export function AppointmentBlock({ a, tz, top, height, left, width, marker, movable, highlighted, onOpen, onDragStart, onDragEnd }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const start = timeOf(a.startsAt, tz);
  const name = shortName(a.patient);
  // A child's or a ward's legal representative (issue #11): a mark with the name, relation and phone in the tooltip.
  const rep = a.patient.representative;
  const repMissing = a.patient.minor && !rep;
  const repText = rep ? t('docs.repOnSchedule.mark', { who: `${repWho(rep)}${rep.phone ? `, ${displayPhone(rep.phone)}` : ''}` }) : repMissing ? t('docs.repOnSchedule.missingMark') : '';
  const alertText = a.alerts.map((x) => `${SVC_LABELS[x.section as SvcSection]?.[lang] ?? x.section}: ${x.text}`).join('\n');
  const title = [
    `${start}–${timeOf(a.endsAt, tz)} ${fullName(a.patient)}`,
    KIND_LABELS[a.kind][lang],
    `${t('schedule.appt.status')}: ${STATUS_LABELS[a.status][lang]}`,
    a.needsCall ? t('schedule.badge.call') : '',
    a.squeezeIn ? t('schedule.badge.squeezeIn') : '',
    a.walkIn ? t('schedule.badge.walkIn') : '',
    a.comment ?? '',
    repText,
    alertText ? `⚠ ${alertText}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const tiny = height < 22;
  // The patient's debt (DESK-4): one query per day for all blocks, for those who see bills.
  const can = useCan();
  const balances = useDayBalances(dateOf(a.startsAt, tz), can('billing.write'));
  const debt = (balances.data?.get(a.patientId) ?? 0) < 0;

  return (
    <button
      type="button"
      className="sch-block"
      data-testid={`appt-${a.id}`}
      data-status={a.status}
      data-kind={a.kind}
      data-highlighted={highlighted || undefined}
      data-tiny={tiny || undefined}
      data-marker={marker || undefined}
      data-icons={[a.alerts.length > 0, a.needsCall, a.squeezeIn, a.walkIn, !!repText].filter(Boolean).length || undefined}
      style={{ top, height: Math.max(height - 1, 10), ...(marker ? { right: 1 } : { left: `calc(${left}% + 1px)`, width: `calc(${width}% - 3px)` }) }}
      title={title}
      aria-label={`${start} ${fullName(a.patient)}, ${KIND_LABELS[a.kind][lang]}, ${STATUS_LABELS[a.status][lang]}${a.needsCall ? `, ${t('schedule.badge.call')}` : ''}${a.alerts.length ? `, ${t('schedule.badge.alerts')}` : ''}`}
      draggable={movable}
      onDragStart={(e) => onDragStart(a, e)}
      onDragEnd={onDragEnd}
      onClick={() => onOpen(a)}
    >
      <span className="sch-block-line">
        <span className="sch-block-time">{start}</span> <span className="sch-block-name">{name}</span>
      </span>
      <span className="sch-block-icons">
        {a.alerts.length > 0 && <AlertIcon className="sch-ic-alert" aria-label={t('schedule.badge.alerts')} />}
        {a.needsCall && <PhoneIcon className="sch-ic-call" />}
        {a.squeezeIn && <ClockIcon className="sch-ic-wait" />}
        {a.walkIn && <WalkIcon className="sch-ic-walk" />}
        {repText && <FamilyIcon className={repMissing ? 'sch-ic-rep-missing' : 'sch-ic-rep'} data-testid="appt-rep-mark" data-missing={repMissing || undefined} aria-label={repText}><title>{repText}</title></FamilyIcon>}
      </span>
      {!tiny && (
        <span className="sch-block-line sch-block-sub">
          {a.needsCall && <span className="sch-tag-call">{t('schedule.badge.callShort')}</span>}
          {a.squeezeIn && <span className="sch-tag-wait">{t('schedule.badge.squeezeInShort')}</span>}
          {debt && <span className="sch-tag-call" data-testid="appt-debt">{t('cash.debtMark')}</span>}
          {t(`schedule.kindShort.${a.kind}`)}
          {a.status !== 'booked' && a.status !== 'confirmed' ? ` · ${STATUS_LABELS[a.status][lang]}` : ''}
        </span>
      )}
    </button>
  );
}
