import type { DefaultTemplate } from '../../domain/document-template-format.js';
import { contractTemplates } from './contract.js';
import { personalDataTemplates } from './consents-pd.js';
import { questionnaireTemplates } from './questionnaires.js';
import { warrantyTemplates } from './warranties.js';
import { idsTemplates } from './ids.js';
import { leafletTemplates } from './leaflets.js';
import { serviceCardRegulationTemplates } from './service-card-regulation.js';
import { treatmentPlanTemplates } from './treatment-plans.js';

/** The whole default package of issue #11, version 1 of every clinic's templates. */
export const defaultTemplates: DefaultTemplate[] = [
  ...contractTemplates,
  ...personalDataTemplates,
  ...questionnaireTemplates,
  ...warrantyTemplates,
  ...idsTemplates,
  ...treatmentPlanTemplates,
  ...leafletTemplates,
  ...serviceCardRegulationTemplates,
];

export { defaultQuestions, healthQuestions, carefulQuestions, questionGroups } from './questions.js';
