/** Documents from entry to exit (migration 025, issue #11): templates, the clinic's legal references, issued documents. */

/** One immutable version of a template; the newest version of a code is in force. */
export interface DocumentTemplatesTable {
  id: string;
  clinic_id: string;
  code: string;
  kind: string;
  version: number;
  title: string;
  audience: 'patient' | 'staff';
  /** JSON array of price-list codes whose planned service needs this consent or leaflet. */
  service_codes_json: string;
  body: string;
  created_by: string | null;
  created_at: string;
}

/** The clinic's own wording of a legal reference (the shipped one otherwise). */
export interface LegalReferenceOverridesTable {
  id: string;
  clinic_id: string;
  key: string;
  text: string;
  updated_by: string | null;
  updated_at: string;
}

/** A document issued to a patient: the exact content it was printed with, its hash, how it was signed or refused. */
export interface PatientDocumentsTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  appointment_id: string | null;
  template_code: string;
  template_version: number;
  kind: string;
  title: string;
  content_json: string;
  content_sha256: string;
  status: 'issued' | 'signed_on_screen' | 'signed_on_paper' | 'refused' | 'expired';
  refusal_reason: string | null;
  signer: 'patient' | 'representative' | null;
  signer_name: string | null;
  signature_png: string | null;
  signed_at: string | null;
  paper_date: string | null;
  recorded_by: string | null;
  issued_by: string;
  issued_at: string;
  updated_at: string;
}

/** A child's or a ward's legal representative who signs for them: columns of `patients` (025). */
export interface PatientRepresentativeColumns {
  rep_full_name: string | null;
  rep_document: string | null;
  rep_relation: string | null;
  rep_phone: string | null;
}

/** DOC-2/DOC-3 (migration 032): one answered question of an issued questionnaire; frozen once the document is signed. */
export interface QuestionnaireAnswersTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  document_id: string;
  questionnaire: 'health-questionnaire' | 'careful-questionnaire';
  question_id: string;
  /** 1 «да», 0 «нет», null: a text-only answer. */
  yes: 0 | 1 | null;
  text: string | null;
  red_flag: 0 | 1;
  /** Who entered it: the patient on the tablet, or staff transcribing a paper copy. */
  source: 'patient' | 'staff';
  /** DOC-3: the service-card entry this answer wrote (updated, never duplicated, on a second save). */
  card_entry_id: string | null;
  recorded_by: string;
  recorded_at: string;
}
