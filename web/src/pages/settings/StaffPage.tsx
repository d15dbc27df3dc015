import { Badge, Button, Group, Modal, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../../src/domain/roles.js';
import { useBranches } from '../../api/clinic';
import { useResetStaffPassword, useStaff, type StaffUser } from '../../api/staff';
import { OneTimePasswordModal } from '../../components/OneTimePasswordModal';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone, useMe } from '../../components/session';
import { useLang } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { StaffFormModal } from './StaffFormModal';

/** Staff accounts (STAFF-1): who signs in, with which role, and when they last did. */
export function StaffPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const me = useMe();
  const tz = useClinicTimeZone();
  const { data, isPending, error } = useStaff();
  const branches = useBranches().data?.items ?? [];
  const manyBranches = branches.length > 1;
  const reset = useResetStaffPassword();
  const [editing, setEditing] = useState<StaffUser | 'new' | null>(null);
  const [confirmReset, setConfirmReset] = useState<StaffUser | null>(null);
  const [otp, setOtp] = useState<{ login: string; password: string } | null>(null);
  const canWrite = can('staff.write');

  return (
    <>
      <PageHeader title={t('staff.title')}>
        {canWrite && (
          <Button onClick={() => setEditing('new')} data-testid="staff-add">
            {t('staff.add')}
          </Button>
        )}
      </PageHeader>
      <QueryState isPending={isPending} error={error} />
      {data && (
        <Paper withBorder>
          <Table highlightOnHover data-testid="staff-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={220}>{t('staff.fullName')}</Table.Th>
                <Table.Th>{t('staff.login')}</Table.Th>
                <Table.Th>{t('staff.role')}</Table.Th>
                {manyBranches && <Table.Th>{t('telephony.staffBranch')}</Table.Th>}
                <Table.Th>{t('staff.status')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('staff.lastLogin')}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((u) => (
                <Table.Tr key={u.id} data-testid="staff-row">
                  <Table.Td fw={500}>{u.fullName}</Table.Td>
                  <Table.Td ff="monospace">{u.login}</Table.Td>
                  <Table.Td>{ROLE_LABELS[u.role][lang]}</Table.Td>
                  {manyBranches && <Table.Td>{branches.find((b) => b.id === u.branchId)?.name ?? <Text span c="dimmed" size="sm">{t('telephony.staffBranchAll')}</Text>}</Table.Td>}
                  <Table.Td>
                    {!u.isActive ? (
                      <Badge color="gray">{t('staff.blocked')}</Badge>
                    ) : u.mustChangePassword ? (
                      <Badge color="yellow" variant="light">{t('staff.tempPassword')}</Badge>
                    ) : (
                      <Badge color="teal" variant="light">{t('staff.active')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {u.lastLoginAt ? formatInstant(u.lastLoginAt, tz) : <Text span c="dimmed" size="sm">{t('staff.never')}</Text>}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(u)} aria-label={t('staff.editNamed', { name: u.fullName })}>
                          {t('common.edit')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && (
        <StaffFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onResetPassword={editing !== 'new' && editing.id !== me.user.id ? () => { setConfirmReset(editing); setEditing(null); } : undefined}
          onCreated={(created) => {
            setEditing(null);
            if (created.temporaryPassword) setOtp({ login: created.user.login, password: created.temporaryPassword });
          }}
        />
      )}
      <Modal opened={!!confirmReset} onClose={() => setConfirmReset(null)} title={t('staff.resetPassword')}>
        <Text size="sm" mb="md">
          {t('staff.resetConfirm', { name: confirmReset?.fullName ?? '' })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmReset(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            loading={reset.isPending}
            data-testid="reset-password-confirm"
            onClick={() =>
              confirmReset &&
              reset.mutate(confirmReset.id, {
                onSuccess: (r) => {
                  setOtp({ login: confirmReset.login, password: r.temporaryPassword });
                  setConfirmReset(null);
                },
              })
            }
          >
            {t('staff.resetDo')}
          </Button>
        </Group>
      </Modal>
      {otp && <OneTimePasswordModal login={otp.login} password={otp.password} onClose={() => setOtp(null)} />}
    </>
  );
}
