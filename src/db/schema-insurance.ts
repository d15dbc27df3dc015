import type { Bool } from './schema-common.js';

/** Voluntary medical insurance (ДМС, PAT-4) and tax certificates (migration 014); kopecks as integers. */

export type RegisterStatus = 'sent' | 'paid';
/** Who the patient is to the taxpayer (Tax Code art. 219 p. 1 sub. 3: self, spouse, parents, children). */
export type TaxRelation = 'self' | 'spouse' | 'parent' | 'child';

/** An insurance company with the clinic's contract. */
export interface InsurersTable {
  id: string;
  clinic_id: string;
  name: string;
  legal_name: string;
  inn: string;
  kpp: string | null;
  phone: string | null;
  email: string | null;
  contact_person: string | null;
  address: string | null;
  contract_number: string;
  contract_date: string;
  contract_valid_to: string | null;
  note: string | null;
  is_active: Bool;
  created_at: string;
  updated_at: string;
}

export interface InsuranceProgrammesTable {
  id: string;
  clinic_id: string;
  insurer_id: string;
  name: string;
  description: string | null;
  is_active: Bool;
}

/** A patient's policy; valid_from/valid_to are clinic-local dates, both inclusive. */
export interface InsurancePoliciesTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  insurer_id: string;
  programme_id: string | null;
  number: string;
  valid_from: string;
  valid_to: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** The insurer's guarantee letter: what it covers, until when, up to how much. */
export interface GuaranteeLettersTable {
  id: string;
  clinic_id: string;
  insurer_id: string;
  policy_id: string;
  number: string;
  issued_on: string;
  valid_to: string;
  limit_amount: number;
  covers: string;
  created_by: string;
  created_at: string;
}

/** The monthly register of services sent to an insurer: fixed once sent. */
export interface InsuranceRegistersTable {
  id: string;
  clinic_id: string;
  insurer_id: string;
  month: string;
  number: number;
  status: RegisterStatus;
  total: number;
  bills_count: number;
  content_json: string;
  sent_by: string;
  sent_at: string;
  paid_amount: number | null;
  paid_on: string | null;
  payment_ref: string | null;
  paid_by: string | null;
  paid_at: string | null;
}

/** A bill (013-money) the insurer pays: its policy, letter, visit date and sum, and the register it went out in. */
export interface BillInsuranceTable {
  bill_id: string;
  clinic_id: string;
  insurer_id: string;
  policy_id: string;
  letter_id: string;
  service_date: string;
  amount: number;
  register_id: string | null;
  /** The insurer refused to pay this bill when it paid the register (031): why, and when it was recorded. */
  rejected_reason: string | null;
  rejected_at: string | null;
  created_by: string;
  created_at: string;
}

/** An issued tax-deduction certificate (FNS form КНД 1151156). */
export interface TaxCertificatesTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  year: number;
  number: number;
  taxpayer_name: string;
  taxpayer_inn: string | null;
  taxpayer_birth_date: string;
  taxpayer_document: string | null;
  relation: TaxRelation;
  service_code: 1 | 2;
  amount: number;
  content_json: string;
  issued_by: string;
  issued_at: string;
}
