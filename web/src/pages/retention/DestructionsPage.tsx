import { Anchor, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDestructions, useDueList } from '../../api/retention';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { roleIn } from './pdState';

/**
 * «Уничтожение ПД»: the register of acts (order No. 179 asks the operator to keep them and
 * produce them on request) and the cards whose retention period has ended, the clinic's to-do.
 */
export function DestructionsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <div>
        <PageHeader title={t('retention.register.title')} />
        <Text size="sm" c="dimmed" mt={-8}>
          {t('retention.register.hint')}
        </Text>
      </div>
      <Register />
      <DueList />
    </Stack>
  );
}

function Register() {
  const { t } = useTranslation();
  const lang = useLang();
  const [pages, setPages] = useState(1);
  const { data, isPending, error, isFetching } = useDestructions(pages);
  return (
    <section>
      <Title order={3} size="h4" mb="xs">
        {t('retention.register.acts')}
      </Title>
      {!data ? (
        <QueryState isPending={isPending} error={error} />
      ) : (
        <Paper withBorder>
          <Table data-testid="pd-register" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90} style={{ whiteSpace: 'nowrap' }}>{t('retention.register.number')}</Table.Th>
                <Table.Th w={110}>{t('retention.register.date')}</Table.Th>
                <Table.Th w={80}>{t('retention.register.card')}</Table.Th>
                <Table.Th miw={200}>{t('retention.register.subject')}</Table.Th>
                <Table.Th>{t('retention.register.result')}</Table.Th>
                <Table.Th miw={200}>{t('retention.register.reason')}</Table.Th>
                <Table.Th>{t('retention.register.performer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((a) => (
                <Table.Tr key={a.id} data-testid="pd-register-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/settings/pd-destructions/${a.id}`} fw={600} aria-label={t('retention.register.open', { n: a.number })}>
                      {a.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(a.localDate)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${a.patientId}`} size="sm">
                      {a.cardNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {a.subjectName ?? (
                      <Text span size="sm" c="dimmed" fs="italic">
                        {t('retention.register.actExpired')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={a.scope === 'blocked' ? 'orange' : 'gray'} variant="light" tt="none">
                      {t(`retention.register.${a.scope}`)}
                    </Badge>
                    {a.scope === 'blocked' && (
                      <Text size="xs" c="dimmed" mt={2}>
                        {t('retention.register.keptUntil', { until: formatDate(a.retainUntil) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`retention.reasonShort.${a.reason}`)}</Text>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {a.basis}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.performerName}</Text>
                    <Text size="xs" c="dimmed">
                      {roleIn(a.performerRole, lang)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data.items.length === 0 && (
            <Text c="dimmed" p="md" ta="center">
              {t('retention.register.none')}
            </Text>
          )}
          {data.hasMore && (
            <Button variant="subtle" m="xs" loading={isFetching} onClick={() => setPages((n) => n + 1)}>
              {t('retention.register.more')}
            </Button>
          )}
        </Paper>
      )}
    </section>
  );
}

function DueList() {
  const { t } = useTranslation();
  const { data, isPending, error } = useDueList();
  return (
    <section>
      <Title order={3} size="h4" mb={4}>
        {t('retention.due.title')}
      </Title>
      {!data ? (
        <QueryState isPending={isPending} error={error} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="pd-due-hint">
            {t('retention.due.hint', { medical: formatDate(data.medicalCutoff), noRecord: formatDate(data.noRecordCutoff) })}
          </Text>
          <Paper withBorder>
            {data.items.length === 0 ? (
              <Text c="dimmed" p="md" ta="center" data-testid="pd-due-none">
                {t('retention.due.none')}
              </Text>
            ) : (
              <Table data-testid="pd-due" verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('retention.due.card')}</Table.Th>
                    <Table.Th>{t('retention.due.name')}</Table.Th>
                    <Table.Th>{t('retention.due.state')}</Table.Th>
                    <Table.Th>{t('retention.due.lastVisit')}</Table.Th>
                    <Table.Th>{t('retention.due.lastContact')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id} data-testid="pd-due-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/patients/${p.id}`} fw={600}>
                          {p.cardNumber}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/patients/${p.id}`} c="inherit">
                          {p.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{p.pdState === 'blocked' ? t('retention.state.blocked') : t('retention.due.active')}</Table.Td>
                      <Table.Td>{formatDate(p.lastVisit) || '—'}</Table.Td>
                      <Table.Td>{formatDate(p.lastContact)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </>
      )}
    </section>
  );
}
