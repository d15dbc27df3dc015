import { Anchor, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fullName } from '../../../../src/domain/names.js';
import { useDoctor } from '../../api/doctors';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../../components/session';
import { DoctorFeedPanel } from '../desk/DoctorFeedPanel';
import { DoctorForm } from './DoctorForm';
import { ExceptionsPanel } from './ExceptionsPanel';
import { HoursEditor } from './HoursEditor';

/** One doctor: profile, weekly working hours and exceptions (vacation, sick leave…). */
export function DoctorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { data: doctor, isPending, error } = useDoctor(id);

  const back = (
    <Anchor component={Link} to="/settings/doctors" size="sm">
      ← {t('doctors.back')}
    </Anchor>
  );

  if (!id) {
    return (
      <Stack gap="md">
        {back}
        <Title order={2}>{t('doctors.add')}</Title>
        <DoctorForm doctor={null} onSaved={(d) => navigate(`/settings/doctors/${d.id}`, { replace: true })} />
      </Stack>
    );
  }
  if (!doctor) return <QueryState isPending={isPending} error={error} />;

  return (
    <Stack gap="md">
      {back}
      <Title order={2} data-testid="doctor-name">
        {fullName(doctor)}
      </Title>
      <Tabs defaultValue="hours" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="hours">{t('doctors.tabHours')}</Tabs.Tab>
          <Tabs.Tab value="exceptions">{t('doctors.tabExceptions')}</Tabs.Tab>
          <Tabs.Tab value="profile">{t('doctors.tabProfile')}</Tabs.Tab>
          {can('doctors.hours') && <Tabs.Tab value="feed" data-testid="doctor-tab-feed">{t('desk.feed.tab')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="hours" pt="md">
          <HoursEditor doctor={doctor} key={doctor.id} />
        </Tabs.Panel>
        <Tabs.Panel value="exceptions" pt="md">
          <ExceptionsPanel doctorId={doctor.id} />
        </Tabs.Panel>
        <Tabs.Panel value="profile" pt="md">
          <DoctorForm doctor={doctor} key={doctor.id} />
        </Tabs.Panel>
        {can('doctors.hours') && (
          <Tabs.Panel value="feed" pt="md">
            <DoctorFeedPanel doctorId={doctor.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
