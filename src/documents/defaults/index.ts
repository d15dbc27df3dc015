import type { DefaultTemplate } from '../template-format.js';
import { personalDataTemplates } from './consents-pd.js';
import { contractTemplates } from './contract.js';

/** Every default template a new clinic starts with (H7b maintains the texts; the engine seeds from this list). */
export const defaultTemplates: DefaultTemplate[] = [...contractTemplates, ...personalDataTemplates];
