/** Tables of migration 022 (mailings, REC-4). Used through `db.withTables<MailingTables>()`. */
export type MailChannel = 'email' | 'sms';
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'failed';

export type MailingConsentsTable = {
  clinic_id: string;
  patient_id: string;
  channel: MailChannel;
  agreed: number;
  recorded_at: string;
  recorded_by: string | null;
  recorded_via: string;
}

export type MessagingSettingsTable = {
  clinic_id: string;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_secure: number;
  smtp_user: string | null;
  smtp_password: string | null;
  smtp_from: string | null;
  sms_driver: 'none' | 'http';
  sms_url: string | null;
  sms_token: string | null;
  reminders_email: number;
  reminders_sms: number;
  public_url: string | null;
  token_secret: string;
  updated_at: string;
}

export type MailingsTable = {
  id: string;
  clinic_id: string;
  channel: MailChannel;
  segment_json: string;
  subject: string | null;
  body: string;
  queued: number;
  skipped_json: string;
  created_by: string | null;
  created_at: string;
}

export type MessageOutboxTable = {
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
  status: MessageStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export type MailingTables = {
  mailing_consents: MailingConsentsTable;
  messaging_settings: MessagingSettingsTable;
  mailings: MailingsTable;
  message_outbox: MessageOutboxTable;
}
