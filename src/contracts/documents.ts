import { z } from 'zod';
import { Id, IsoDate, Text } from './common.js';

/** DOC-1..7: the clinic's document templates and the documents issued to patients (issue #11). */
export const DocumentKindSchema = z.enum([
  'contract', 'pd_consent', 'mailing_consent', 'health_questionnaire', 'careful_questionnaire', 'warranty_regulation', 'warranty_coupon',
  'ids_instruction', 'refusal', 'consent', 'leaflet', 'service_card_regulation', 'treatment_plan',
]);

export const DocumentTemplate = z.object({
  code: z.string(),
  kind: DocumentKindSchema,
  version: z.number().int(),
  title: z.string(),
  audience: z.enum(['patient', 'staff']),
  serviceCodes: z.array(z.string()),
  body: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export const DocumentTemplateList = z.object({ items: z.array(DocumentTemplate) });
export const DocumentTemplateVersions = z.object({ current: DocumentTemplate, versions: z.array(DocumentTemplate) });
export const TemplateCodeParams = z.strictObject({ code: z.string().regex(/^[a-z0-9_-]{1,60}$/) });
/** A template body is at most 100 000 characters (the longest default is a few pages). */
export const TemplateInput = z.strictObject({
  title: Text(300),
  body: z.string().min(1).max(100_000),
  serviceCodes: z.array(z.string().min(1).max(40)).max(200).optional(),
  /** Only for a new code: the clinic's own template (e.g. one more consent form). */
  kind: DocumentKindSchema.optional(),
  audience: z.enum(['patient', 'staff']).optional(),
});
/** `code`: the template being edited (its kind decides e.g. which questionnaire [[questions]] prints). */
export const TemplatePreviewInput = z.strictObject({ title: Text(300), body: z.string().min(1).max(100_000), child: z.boolean().optional(), code: z.string().regex(/^[a-z0-9_-]{1,60}$/).optional() });

/** `check`: the «ПРОВЕРИТЬ» note of a reference whose act is time-limited or due to be replaced (null: none). */
export const LegalReferenceList = z.object({ items: z.array(z.object({ key: z.string(), default: z.string(), override: z.string().nullable(), check: z.string().nullable() })) });
export const LegalReferenceInput = z.strictObject({ text: z.string().max(2000).nullable() });
export const LegalKeyParams = z.strictObject({ key: z.string().regex(/^[A-Za-z0-9_]{1,60}$/) });

/** DOC-2: after how many months a signed health questionnaire is renewed. */
export const DocumentSettings = z.strictObject({ questionnaireRenewalMonths: z.number().int().min(1).max(60) });

export const DocumentStatus = z.enum(['issued', 'signed_on_screen', 'signed_on_paper', 'refused', 'expired']);
export const PatientDocument = z.object({
  id: Id,
  patientId: Id,
  appointmentId: Id.nullable(),
  templateCode: z.string(),
  templateVersion: z.number().int(),
  kind: DocumentKindSchema,
  title: z.string(),
  number: z.string(),
  status: DocumentStatus,
  refusalReason: z.string().nullable(),
  signer: z.enum(['patient', 'representative']).nullable(),
  signerName: z.string().nullable(),
  signedAt: z.string().nullable(),
  paperDate: z.string().nullable(),
  issuedAt: z.string(),
  contentSha256: z.string(),
});
export const Representative = z.object({ fullName: z.string().nullable(), document: z.string().nullable(), relation: z.string().nullable(), phone: z.string().nullable() });
export const PatientDocumentRegister = z.object({ items: z.array(PatientDocument), representative: Representative, child: z.boolean() });
export const RepresentativeInput = z.strictObject({
  fullName: z.string().max(200).nullable(),
  document: z.string().max(300).nullable(),
  relation: z.string().max(100).nullable(),
  phone: z.string().max(40).nullable(),
});
export const IssueInput = z.strictObject({ templateCode: z.string().regex(/^[a-z0-9_-]{1,60}$/), appointmentId: Id.nullable().optional() });
/** A signature pad PNG as a data URL, at most ~700 KB. */
export const SignInput = z.strictObject({ signaturePng: z.string().min(30).max(700_000) });
export const PaperInput = z.strictObject({ date: IsoDate });
export const RefuseInput = z.strictObject({ reason: Text(1000) });

export const MissingDocument = z.object({
  templateCode: z.string(),
  kind: DocumentKindSchema,
  title: z.string(),
  /** expired: the signed health questionnaire is past the clinic's renewal period (documents.questionnaireRenewalMonths). */
  reason: z.enum(['first_visit', 'planned_intervention', 'expired']),
  issuedId: Id.nullable(),
});
export const VisitDocuments = z.object({ appointmentId: Id, plannedServices: z.array(z.string()), missing: z.array(MissingDocument) });
export const PlannedServicesInput = z.strictObject({ codes: z.array(z.string().min(1).max(40)).max(50) });
export const PackQuery = z.strictObject({ branchId: Id.optional() });
