import { Anchor, Badge, Button, ColorSwatch, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fullName } from '../../../../src/domain/names.js';
import { SPECIALTY_LABELS } from '../../../../src/domain/specialties.js';
import { useDoctors } from '../../api/doctors';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../../components/session';
import { useLang } from '../../i18n';
import { WEEKDAYS } from '../../lib/weekdays';

/** Doctors and hygienists (SCH-1, CALL-7): specialties and the weekdays they work. */
export function DoctorsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const { data, isPending, error } = useDoctors();

  const items = [...(data?.items ?? [])].sort(
    (a, b) => Number(b.isActive) - Number(a.isActive) || a.surname.localeCompare(b.surname, 'ru'),
  );

  return (
    <>
      <PageHeader title={t('doctors.title')}>
        {can('doctors.write') && (
          <Button component={Link} to="/settings/doctors/new" data-testid="doctor-add">
            {t('doctors.add')}
          </Button>
        )}
      </PageHeader>
      <QueryState isPending={isPending} error={error} />
      {data && (
        <Paper withBorder>
          <Table highlightOnHover data-testid="doctors-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('doctors.fullName')}</Table.Th>
                <Table.Th>{t('doctors.position')}</Table.Th>
                <Table.Th>{t('doctors.specialties')}</Table.Th>
                <Table.Th w={190}>{t('doctors.workdays')}</Table.Th>
                <Table.Th w={150}>{t('doctors.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => {
                const days = new Set(d.hours.map((h) => h.weekday));
                return (
                  <Table.Tr key={d.id} data-testid="doctor-row" data-clickable="true" onClick={() => navigate(`/settings/doctors/${d.id}`)}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <ColorSwatch color={d.color} size={14} aria-hidden />
                        <Anchor component={Link} to={`/settings/doctors/${d.id}`} fw={500} onClick={(e) => e.stopPropagation()}>
                          {fullName(d)}
                        </Anchor>
                      </Group>
                    </Table.Td>
                    <Table.Td>{d.position}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {d.specialties.map((s) => (
                          <Badge key={s} variant="light" color="gray" tt="none" fw={500}>
                            {SPECIALTY_LABELS[s][lang]}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {days.size === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('doctors.noHours')}
                        </Text>
                      ) : (
                        <Group gap={2} wrap="nowrap">
                          {WEEKDAYS.map((wd) => (
                            <Text key={wd} size="xs" fw={days.has(wd) ? 700 : 400} c={days.has(wd) ? undefined : 'dimmed'} w={20} ta="center">
                              {t(`weekday.short.${wd}`)}
                            </Text>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {d.isActive ? <Badge color="teal" variant="light" tt="none">{t('doctors.active')}</Badge> : <Badge color="gray" tt="none">{t('doctors.inactive')}</Badge>}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {items.length === 0 && (
            <Text c="dimmed" p="md">
              {t('doctors.none')}
            </Text>
          )}
        </Paper>
      )}
    </>
  );
}
