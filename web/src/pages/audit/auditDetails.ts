import type { TFunction } from 'i18next';
import { REASON_LABELS, type DestructionReason } from '../../../../src/domain/retention.js';
import { ROLE_LABELS, ROLES, type Role } from '../../../../src/domain/roles.js';
import { STATUS_LABELS, type Status } from '../../../../src/domain/schedule/status.js';
import { SVC_LABELS, type SvcSection } from '../../../../src/domain/service-card.js';
import type { Lang } from '../../i18n';

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const label = (t: TFunction, key: string, fallback: string) => (t(key, { defaultValue: '' }) as string) || fallback;

/**
 * An audit entry's details in words («Статус: подтверждён → пришёл», «Поля: фамилия, телефоны»),
 * one phrase per known key; an unknown key still shows as "key: value" rather than being hidden.
 */
export function auditDetailsText(details: Record<string, unknown>, t: TFunction, lang: Lang): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(details)) {
    if (k === 'status' && typeof v === 'string' && v.includes('->')) {
      const [from, to] = v.split('->') as [Status, Status];
      out.push(t('auditDetails.status', { from: STATUS_LABELS[from]?.[lang] ?? from, to: STATUS_LABELS[to]?.[lang] ?? to }));
    } else if (k === 'status' && typeof v === 'string') {
      out.push(STATUS_LABELS[v as Status]?.[lang] ?? v);
    } else if (k === 'fields' && Array.isArray(v)) {
      out.push(t('auditDetails.fields', { list: v.map((f) => label(t, `auditDetails.field.${String(f)}`, String(f))).join(', ') }));
    } else if (k === 'section' && typeof v === 'string') {
      out.push(t('auditDetails.section', { name: SVC_LABELS[v as SvcSection]?.[lang] ?? v }));
    } else if (k === 'event' && typeof v === 'string') {
      out.push(label(t, `auditDetails.event.${v}`, v));
    } else if (k === 'minutes' && has(details, 'appointments')) {
      out.push(t('auditDetails.delay', { minutes: v, count: details.appointments }));
    } else if (k === 'appointments' && has(details, 'minutes')) {
      continue;
    } else if (k === 'reason' && typeof v === 'string') {
      const text = label(t, `auditDetails.loginReason.${v}`, '') || label(t, `auditDetails.cancelReason.${v}`, '') || REASON_LABELS[v as DestructionReason]?.[lang] || v;
      out.push(t('auditDetails.reason', { text }));
    } else if (k === 'role' && typeof v === 'string') {
      out.push(t('auditDetails.role', { name: ROLES.includes(v as Role) ? ROLE_LABELS[v as Role][lang] : v }));
    } else if (k === 'kind' && typeof v === 'string') {
      const day = label(t, `dayKind.${v}`, '');
      out.push(day ? t('auditDetails.dayKind', { name: day }) : t('auditDetails.exceptionKind', { name: label(t, `exceptionKind.${v}`, v) }));
    } else if (k === 'override' || k === 'squeezeIn') {
      if (v) out.push(t('auditDetails.squeezeIn'));
    } else if (k === 'walkIn' || k === 'secondVisit') {
      if (v) out.push(t(`auditDetails.${k}`));
    } else if (k === 'cardNumber') {
      out.push(t('auditDetails.card', { number: v }));
    } else if (k === 'act') {
      out.push(t('auditDetails.act', { number: v }));
    } else if (k === 'demo') {
      if (v) out.push(t('auditDetails.demo'));
    } else if (k === 'reset') {
      if (v) out.push(t(has(details, 'fields') ? 'auditDetails.passwordReset' : 'auditDetails.reset'));
    } else if (k === 'unkeyedEntries') {
      out.push(t('auditDetails.unkeyed', { count: v }));
    } else if (k === 'actsErased') {
      out.push(t('auditDetails.erased', { count: v }));
    } else if (k === 'categories' || k === 'doctorId') {
      continue;
    } else {
      out.push(`${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    }
  }
  return out;
}
