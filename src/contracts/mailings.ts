import { z } from 'zod';
import { Email, HhMm, Id, LIMITS, OptText, Text } from './common.js';

/** REC-4, issue #10: mailing consents, messaging settings, segments, mailings, the outbox. */
export const MailChannel = z.enum(['email', 'sms']);

export const ConsentOut = z.object({
  channel: MailChannel,
  agreed: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export const ConsentList = z.object({ consents: z.array(ConsentOut) });
export const ConsentInput = z.strictObject({ channel: MailChannel, agreed: z.boolean() });

/** The password and the gateway token are write-only: the answer says only whether one is set. */
export const MessagingSettings = z.object({
  smtpHost: z.string().nullable(),
  smtpPort: z.number().int().nullable(),
  smtpSecure: z.boolean(),
  smtpUser: z.string().nullable(),
  smtpPasswordSet: z.boolean(),
  smtpFrom: z.string().nullable(),
  smsDriver: z.enum(['outbox', 'http']),
  smsUrl: z.string().nullable(),
  smsTokenSet: z.boolean(),
  remindersEmail: z.boolean(),
  remindersSms: z.boolean(),
  remindersFrom: z.string(),
  publicUrl: z.string().nullable(),
});
const Url = z.string().max(500).regex(/^https?:\/\/[^\s]+$/, { message: 'url' });
const Host = z.string().max(253).regex(/^[A-Za-z0-9.-]+$/, { message: 'host' });
export const MessagingSettingsInput = z.strictObject({
  smtpHost: Host.nullable().optional(),
  smtpPort: z.number().int().min(1).max(65535).nullable().optional(),
  smtpSecure: z.boolean().optional(),
  smtpUser: OptText(LIMITS.email),
  /** Absent keeps the stored password; null clears it. */
  smtpPassword: z.string().max(200).nullable().optional(),
  smtpFrom: Email.nullable().optional(),
  smsDriver: z.enum(['outbox', 'http']).optional(),
  smsUrl: Url.nullable().optional(),
  /** Sent as «Authorization: Bearer …»: printable ASCII only. */
  smsToken: z.string().max(500).regex(/^[\x21-\x7e]+$/, { message: 'token' }).nullable().optional(),
  remindersEmail: z.boolean().optional(),
  remindersSms: z.boolean().optional(),
  remindersFrom: HhMm.optional(),
  publicUrl: Url.nullable().optional(),
});
export const TestEmailInput = z.strictObject({ to: Email });
export const TestEmailOut = z.object({ ok: z.boolean(), error: z.string().nullable() });

export const Segment = z.discriminatedUnion('kind', [
  /** Everyone with an active card (the consent still decides who receives). */
  z.strictObject({ kind: z.literal('all') }),
  /** Regular patients: at least `minVisits` finished visits. */
  z.strictObject({ kind: z.literal('regular'), minVisits: z.number().int().min(2).max(50).default(3) }),
  /** Due for recall by the clinic's recall rules, nothing booked ahead: the recall worklist's patients (REC-1, one rule everywhere). */
  z.strictObject({ kind: z.literal('recall') }),
  /** Had the service (price-list code) on a bill. */
  z.strictObject({ kind: z.literal('service'), code: Text(40) }),
  /** Had a finished visit with the doctor. */
  z.strictObject({ kind: z.literal('doctor'), doctorId: Id }),
]);

export const PreviewInput = z.strictObject({ segment: Segment, channel: MailChannel });
export const Preview = z.object({
  count: z.number().int(),
  receiving: z.number().int(),
  members: z.array(z.object({ patientId: Id, name: z.string(), address: z.string().nullable(), willReceive: z.boolean(), reason: z.string().nullable() })),
});

export const MailingInput = z.strictObject({
  segment: Segment,
  channel: MailChannel,
  subject: OptText(LIMITS.shortText),
  body: Text(LIMITS.text),
});
export const MailingOut = z.object({
  id: Id,
  channel: MailChannel,
  segment: z.record(z.string(), z.unknown()),
  subject: z.string().nullable(),
  body: z.string(),
  queued: z.number().int(),
  skipped: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export const MailingList = z.object({ mailings: z.array(MailingOut) });

export const PromotionInput = z.strictObject({ segment: Segment, note: OptText(LIMITS.shortText) });
export const PromotionOut = z.object({ created: z.number().int() });

export const MessageStatus = z.enum(['pending', 'sending', 'sent', 'failed', 'manual', 'cancelled']);
export const OutboxMessage = z.object({
  id: Id,
  channel: MailChannel,
  purpose: z.enum(['mailing', 'reminder']),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: MessageStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const OutboxQuery = z.strictObject({ status: MessageStatus.optional() });
export const OutboxList = z.object({ messages: z.array(OutboxMessage), counts: z.record(z.string(), z.number().int()) });
/** A person's action on a message: «Отправлено вручную» (an SMS with no gateway), «Отменить», «Повторить». */
export const MessageAction = z.strictObject({ status: z.enum(['sent', 'cancelled', 'pending']) });
export const DispatchOut = z.object({ sent: z.number().int(), failed: z.number().int(), retried: z.number().int(), reminders: z.number().int() });
/** A link's token: `uuid.signature` (base64url). */
export const TOKEN_FORM = /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,64}$/;
/**
 * Any string up to a bound: a token cut or garbled on the way (an SMS split, a mail client's
 * wrapping) must reach the page «Ссылка недействительна», not a JSON error (TOKEN_FORM is checked there).
 */
export const TokenParams = z.strictObject({ token: z.string().max(500) });
