import type { PatientDocumentT } from '../../api/documents';

export const DOC_STATUS_COLOR: Record<PatientDocumentT['status'], string> = {
  issued: 'orange',
  signed_on_screen: 'teal',
  signed_on_paper: 'teal',
  refused: 'red',
  expired: 'gray',
};
