import type { Bool } from './schema-common.js';

/** Tables of migration 026 (mailings, promotions, reminders: REC-4, issue #10). */
export type MailChannel = 'email' | 'sms';
/**
 * pending → sending (claimed) → sent; a failure goes back to pending with a later next_attempt_at,
 * and after the last attempt to failed. 'manual': an SMS with no gateway, for a person to send by hand.
 */
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'manual' | 'cancelled';

export interface MailingConsentsTable {
  clinic_id: string;
  patient_id: string;
  channel: MailChannel;
  agreed: Bool;
  recorded_at: string;
  recorded_by: string | null;
  recorded_via: 'staff' | 'patient_link';
}

export interface MessagingSettingsTable {
  clinic_id: string;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_secure: Bool;
  smtp_user: string | null;
  smtp_password: string | null;
  smtp_from: string | null;
  sms_driver: 'outbox' | 'http';
  sms_url: string | null;
  sms_token: string | null;
  reminders_email: Bool;
  reminders_sms: Bool;
  reminders_from: string;
  public_url: string | null;
  token_secret: string;
  updated_at: string;
}

export interface MailingsTable {
  id: string;
  clinic_id: string;
  channel: MailChannel;
  segment_json: string;
  subject: string | null;
  body: string;
  queued: number;
  skipped: number;
  created_by: string | null;
  created_at: string;
}

export interface MessageOutboxTable {
  id: string;
  clinic_id: string;
  channel: MailChannel;
  purpose: 'mailing' | 'reminder';
  mailing_id: string | null;
  appointment_id: string | null;
  patient_id: string | null;
  recipient: string;
  subject: string | null;
  body: string;
  unsubscribe_url: string | null;
  status: MessageStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** A reminder's visit start as the message announces it (migration 034); null for mailings. */
  visit_starts_at: string | null;
  /** A reminder's number among the visit's reminders on the channel: a move after it gets the next one. */
  seq: number;
}

export interface MessageLinksTable {
  id: string;
  clinic_id: string;
  kind: 'unsubscribe' | 'reminder';
  patient_id: string;
  appointment_id: string | null;
  channel: MailChannel;
  expires_at: string;
  created_at: string;
  used_at: string | null;
  answer: 'unsubscribed' | 'confirmed' | 'move' | null;
  /** The visit start the reminder announced: a link to a visit moved since answers nothing (migration 034). */
  visit_starts_at: string | null;
}
