import { Alert, Anchor, Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PdState } from '../../../../src/domain/retention.js';
import { fullName } from '../../../../src/domain/names.js';
import { ROLE_LABELS, type Role } from '../../../../src/domain/roles.js';
import type { Patient } from '../../api/patients';
import { usePatientAct } from '../../api/retention';
import { useCan } from '../../components/session';
import type { Lang } from '../../i18n';
import { formatDate } from '../../lib/format';

type Named = { surname: string; firstName: string; patronymic?: string | null; pdState: PdState };

/** A destroyed card has empty names: show what happened instead of a blank line. */
export function patientName(p: Named, t: TFunction): string {
  return p.pdState === 'destroyed' ? t('retention.destroyedName') : fullName(p);
}

/** The grey mark of a blocked card in lists (a destroyed one already reads so in its name). */
export function PdStateBadge({ state }: { state: PdState }) {
  const { t } = useTranslation();
  if (state !== 'blocked') return null;
  return (
    <Badge color="gray" variant="light" tt="none" ml="xs" data-testid="pd-blocked-badge">
      {t('retention.state.blocked')}
    </Badge>
  );
}

/** The performer's role in the screen's language. */
export function roleIn(role: Role, lang: Lang): string {
  return ROLE_LABELS[role][lang];
}

/**
 * The notice at the top of a blocked or destroyed card. Staff allowed to read the register see
 * the act number with a link; others see the same notice without it (the register is theirs only).
 */
export function PdStateNotice({ patient: p }: { patient: Patient }) {
  const { t } = useTranslation();
  const can = useCan();
  const { data: act } = usePatientAct(p.id, p.pdState !== 'active' && can('patients.destroy'));
  if (p.pdState === 'active') return null;
  const blocked = p.pdState === 'blocked';
  const link = act ? <Anchor component={Link} to={`/settings/pd-destructions/${act.id}`} inherit fw={600} data-testid="pd-act-link" /> : null;
  const values = act
    ? { n: act.number, date: formatDate(act.localDate), until: formatDate(p.retainUntil), card: p.cardNumber, by: t(`retention.card.blockedBy.${act.reason}`) }
    : { until: formatDate(p.retainUntil), card: p.cardNumber };
  const key = `retention.card.${blocked ? 'blocked' : 'destroyed'}${act ? 'Act' : 'NoAct'}`;
  return (
    <Alert
      color={blocked ? 'orange' : 'gray'}
      variant="light"
      title={t(blocked ? 'retention.card.blockedTitle' : 'retention.card.destroyedTitle')}
      data-testid="pd-state-alert"
      data-state={p.pdState}
    >
      {link ? <Trans i18nKey={key} values={values} components={{ act: link }} /> : t(key, values)}
    </Alert>
  );
}
