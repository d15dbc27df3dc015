import { z } from 'zod';
import { Email, Id, IsoDate, LIMITS, OptText, Phone, Text } from './common.js';

/** A kopeck amount the insurer's papers carry: whole, above zero, at most 10 million rubles. */
const Limit = z.number().int().min(1).max(1_000_000_000);
export const OrgInn = z.string().trim().regex(/^\d{10}$/, { message: 'inn' });
export const Kpp = z.string().trim().regex(/^\d{4}[\dA-Z]{2}\d{3}$/, { message: 'kpp' });
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' });
const DocNumber = Text(40);

export const InsurerInput = z.strictObject({
  name: Text(LIMITS.name),
  legalName: Text(LIMITS.shortText),
  inn: OrgInn,
  kpp: Kpp.nullable().optional(),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  contactPerson: OptText(LIMITS.name),
  address: OptText(LIMITS.shortText),
  contractNumber: DocNumber,
  contractDate: IsoDate,
  contractValidTo: IsoDate.nullable().optional(),
  note: OptText(LIMITS.shortText),
  isActive: z.boolean().optional(),
});
export const InsurerPatch = InsurerInput.partial().strict();

export const Programme = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), isActive: z.boolean() });
export const ProgrammeInput = z.strictObject({ name: Text(LIMITS.name), description: OptText(LIMITS.shortText) });

export const Insurer = z.object({
  id: z.string(),
  name: z.string(),
  legalName: z.string(),
  inn: z.string(),
  kpp: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contactPerson: z.string().nullable(),
  address: z.string().nullable(),
  contractNumber: z.string(),
  contractDate: z.string(),
  contractValidTo: z.string().nullable(),
  note: z.string().nullable(),
  isActive: z.boolean(),
  programmes: z.array(Programme),
  policiesCount: z.number(),
});
export const InsurerList = z.object({ items: z.array(Insurer) });

export const PolicyInput = z.strictObject({
  insurerId: Id,
  programmeId: Id.nullable().optional(),
  number: DocNumber,
  validFrom: IsoDate,
  validTo: IsoDate,
  note: OptText(LIMITS.shortText),
});
export const LetterInput = z.strictObject({
  number: DocNumber,
  issuedOn: IsoDate,
  validTo: IsoDate,
  /** Kopecks. */
  limit: Limit,
  covers: Text(LIMITS.shortText),
});

export const Letter = z.object({
  id: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  validTo: z.string(),
  limit: z.number(),
  billed: z.number(),
  remaining: z.number(),
  covers: z.string(),
  /** Past its date on the clinic's today. */
  expired: z.boolean(),
});
export const Policy = z.object({
  id: z.string(),
  insurerId: z.string(),
  insurerName: z.string(),
  programmeId: z.string().nullable(),
  programmeName: z.string().nullable(),
  number: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  state: z.enum(['active', 'expired', 'future']),
  note: z.string().nullable(),
  letters: z.array(Letter),
});
export const PatientInsurance = z.object({
  policies: z.array(Policy),
  /** Issued bills the patient has paid nothing on: they can be handed to the insurer. */
  billable: z.array(z.object({ id: z.string(), number: z.number(), total: z.number(), serviceDate: z.string() })),
});

export const BillToInsurerInput = z.strictObject({ policyId: Id, letterId: Id });
export const BillInsurance = z.object({
  billId: z.string(),
  insurerName: z.string(),
  policyNumber: z.string(),
  letterNumber: z.string(),
  serviceDate: z.string(),
  amount: z.number(),
  letterRemaining: z.number(),
});

export const JournalStatus = z.enum(['billed', 'in_register', 'paid', 'rejected']);
export const JournalQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  insurerId: Id.optional(),
  status: JournalStatus.optional(),
  q: z.string().max(LIMITS.name).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});
export const JournalRow = z.object({
  billId: z.string(),
  billNumber: z.number(),
  serviceDate: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  cardNumber: z.number(),
  insurerId: z.string(),
  insurerName: z.string(),
  policyNumber: z.string(),
  letterNumber: z.string(),
  doctor: z.string().nullable(),
  services: z.string(),
  amount: z.number(),
  status: JournalStatus,
  registerNumber: z.number().nullable(),
  /** Why the insurer refused to pay it, when it did. */
  rejectedReason: z.string().nullable(),
});
export const JournalPage = z.object({ items: z.array(JournalRow), total: z.number(), sum: z.number(), from: z.string(), to: z.string() });

export const RegisterDraftQuery = z.strictObject({ insurerId: Id, month: Month });
export const RegisterSendInput = z.strictObject({ insurerId: Id, month: Month });
/** The insurer's payment: the total less the bills it refused (each with the reason), on a date, by a payment order. */
export const RegisterPayInput = z.strictObject({
  amount: Limit, paidOn: IsoDate, paymentRef: OptText(LIMITS.name),
  rejected: z.array(z.strictObject({ billId: Id, reason: Text(LIMITS.shortText) })).max(1000).optional(),
});
/** PDF when omitted. */
export const RegisterFileQuery = z.strictObject({ format: z.enum(['csv', 'pdf']).optional() });

const RegisterService = z.object({ code: z.string(), name: z.string(), quantity: z.number(), unitPrice: z.number(), amount: z.number(), doctor: z.string().nullable() });
export const RegisterContent = z.object({
  month: z.string(),
  insurer: z.object({ name: z.string(), legalName: z.string(), inn: z.string(), kpp: z.string().nullable(), contractNumber: z.string(), contractDate: z.string() }),
  bills: z.array(z.object({
    billId: z.string(), billNumber: z.number(), serviceDate: z.string(), patientName: z.string(), cardNumber: z.number(),
    policyNumber: z.string(), letterNumber: z.string(), amount: z.number(), services: z.array(RegisterService),
  })),
  patients: z.array(z.object({ patientName: z.string(), cardNumber: z.number(), policyNumber: z.string(), bills: z.number(), amount: z.number() })),
  servicesCount: z.number(),
  total: z.number(),
});
export const RegisterSummary = z.object({
  id: z.string(),
  number: z.number(),
  insurerId: z.string(),
  insurerName: z.string(),
  month: z.string(),
  status: z.enum(['sent', 'paid']),
  total: z.number(),
  billsCount: z.number(),
  sentAt: z.string(),
  sentBy: z.string().nullable(),
  paidAmount: z.number().nullable(),
  paidOn: z.string().nullable(),
  paymentRef: z.string().nullable(),
});
export const RegisterList = z.object({ items: z.array(RegisterSummary) });
export const RegisterDetail = RegisterSummary.extend({
  content: RegisterContent,
  /** The bills the insurer refused when it paid, with the reason: they stay owed. */
  rejected: z.array(z.object({ billId: z.string(), billNumber: z.number(), amount: z.number(), reason: z.string() })),
});
/** A register before it is sent: what would go out now. */
export const RegisterDraft = z.object({ content: RegisterContent });
