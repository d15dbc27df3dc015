import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreatePatient } from '../../api/patients';
import { PageHeader } from '../../components/PageHeader';
import { notifySaved } from '../../lib/notify';
import { draftFrom, PatientForm } from './PatientForm';

/** PAT-1: a new patient gets a medical card; after saving the card opens with its number. */
export function NewPatientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePatient();
  return (
    <>
      <PageHeader title={t('patients.new')} />
      <PatientForm
        initial={draftFrom()}
        saving={create.isPending}
        error={create.error}
        submitLabel={t('patient.createCard')}
        onCancel={() => navigate(-1)}
        onSubmit={(input) =>
          create.mutate(input, {
            onSuccess: (p) => {
              notifySaved(t('patient.created', { n: p.cardNumber }));
              navigate(`/patients/${p.id}`, { replace: true });
            },
          })
        }
      />
    </>
  );
}
