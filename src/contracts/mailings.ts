import { z } from 'zod';
import { Email, Id, LIMITS, OptText, Text } from './common.js';

/** REC-4, issue #10: mailing consents, messaging settings, segments, mailings and the outbox. */
export const MailChannel = z.enum(['email', 'sms']);

export const ConsentOut = z.object({
  channel: MailChannel,
  agreed: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export const ConsentList = z.object({ consents: z.array(ConsentOut) });
export const ConsentInput = z.strictObject({ channel: MailChannel, agreed: z.boolean() });

/** The password is write-only: the answer says only whether one is set. */
export const MessagingSettings = z.object({
  smtpHost: z.string().nullable(),
  smtpPort: z.number().int().nullable(),
  smtpSecure: z.boolean(),
  smtpUser: z.string().nullable(),
  smtpPasswordSet: z.boolean(),
  smtpFrom: z.string().nullable(),
  smsDriver: z.enum(['none', 'http']),
  smsUrl: z.string().nullable(),
  smsTokenSet: z.boolean(),
  remindersEmail: z.boolean(),
  remindersSms: z.boolean(),
  publicUrl: z.string().nullable(),
});
const Url = z.string().max(500).regex(/^https?:\/\/[^\s]+$/);
export const MessagingSettingsInput = z.strictObject({
  smtpHost: OptText(253),
  smtpPort: z.number().int().min(1).max(65535).nullable().optional(),
  smtpSecure: z.boolean().optional(),
  smtpUser: OptText(LIMITS.email),
  /** Absent keeps the stored password; null clears it. */
  smtpPassword: z.string().max(200).nullable().optional(),
  smtpFrom: Email.nullable().optional(),
  smsDriver: z.enum(['none', 'http']).optional(),
  smsUrl: Url.nullable().optional(),
  smsToken: z.string().max(500).nullable().optional(),
  remindersEmail: z.boolean().optional(),
  remindersSms: z.boolean().optional(),
  publicUrl: Url.nullable().optional(),
});

export const Segment = z.discriminatedUnion('kind', [
  /** Regular patients: at least `minVisits` finished visits. */
  z.strictObject({ kind: z.literal('regular'), minVisits: z.number().int().min(2).max(50).default(3) }),
  /** Due for recall: last finished visit at least `months` ago and nothing booked ahead. */
  z.strictObject({ kind: z.literal('recall'), months: z.number().int().min(1).max(60).default(6) }),
  /** Had the service (price-list code) on a bill. */
  z.strictObject({ kind: z.literal('service'), code: Text(40) }),
  /** Had a finished visit with the doctor. */
  z.strictObject({ kind: z.literal('doctor'), doctorId: Id }),
]);

export const PreviewInput = z.strictObject({ segment: Segment, channel: MailChannel.optional() });
export const Skipped = z.object({ patientId: Id, name: z.string(), reason: z.string(), reasonText: z.string() });
export const Preview = z.object({
  count: z.number().int(),
  members: z.array(z.object({ patientId: Id, name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), willReceive: z.boolean(), reason: z.string().nullable() })),
  receiving: z.number().int(),
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
  skipped: z.array(Skipped),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export const MailingList = z.object({ mailings: z.array(MailingOut) });

export const PromotionInput = z.strictObject({ segment: Segment, note: OptText(LIMITS.shortText) });
export const PromotionOut = z.object({ created: z.number().int() });

export const OutboxMessage = z.object({
  id: Id,
  channel: MailChannel,
  purpose: z.enum(['mailing', 'reminder']),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const OutboxList = z.object({ messages: z.array(OutboxMessage) });
export const DispatchOut = z.object({ sent: z.number().int(), failed: z.number().int(), retried: z.number().int(), reminders: z.number().int() });
export const TokenParams = z.strictObject({ token: z.string().min(1).max(2000) });
