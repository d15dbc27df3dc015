import { Button, Checkbox, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { ROLE_LABELS, ROLES, type Role } from '../../../../src/domain/roles.js';
import { useBranches } from '../../api/clinic';
import { useCreateStaff, useUpdateStaff, type StaffCreatedT, type StaffUser } from '../../api/staff';
import { FormErrors } from '../../components/FormErrors';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

/** Create a staff account (optionally with a password) or change a member's name, role and access. */
export function StaffFormModal({
  user,
  onClose,
  onCreated,
  onResetPassword,
}: {
  user: StaffUser | null;
  onClose: () => void;
  onCreated: (created: StaffCreatedT) => void;
  /** Offered for an existing account other than one's own. */
  onResetPassword?: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const mutation = user ? update : create;
  const errors = useFieldErrors(mutation.error);
  const [login, setLogin] = useState(user?.login ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'administrator');
  const [isActive, setActive] = useState(user?.isActive ?? true);
  const [password, setPassword] = useState('');
  const [branchId, setBranchId] = useState<string>(user?.branchId ?? '');
  const branches = (useBranches().data?.items ?? []).filter((b) => b.isActive || b.id === user?.branchId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (user) {
      update.mutate(
        { id: user.id, body: { fullName: fullName.trim(), role, isActive, branchId: branchId || null } },
        { onSuccess: () => { notifySaved(); onClose(); } },
      );
    } else {
      create.mutate(
        { login: login.trim(), fullName: fullName.trim(), role, ...(password ? { password } : {}), ...(branchId ? { branchId } : {}) },
        { onSuccess: (created) => onCreated(created) },
      );
    }
  };

  return (
    <Modal opened onClose={onClose} title={user ? t('staff.edit') : t('staff.add')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('staff.login')}
            description={user ? undefined : t('staff.loginHint')}
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            error={errors.field('login')}
            readOnly={!!user}
            required
            data-autofocus={!user || undefined}
            autoCapitalize="off"
            spellCheck={false}
            maxLength={LIMITS.login}
          />
          <TextInput
            label={t('staff.fullName')}
            placeholder={t('staff.fullNamePlaceholder')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={errors.field('fullName')}
            required
            data-autofocus={user ? true : undefined}
          />
          <Select
            label={t('staff.role')}
            data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            allowDeselect={false}
            error={errors.field('role')}
          />
          {branches.length > 1 && (
            <Select
              label={t('telephony.staffBranch')}
              description={t('telephony.staffBranchHint')}
              data={[{ value: '', label: t('telephony.staffBranchAll') }, ...branches.map((b) => ({ value: b.id, label: b.name }))]}
              value={branchId}
              onChange={(v) => setBranchId(v ?? '')}
              allowDeselect={false}
              error={errors.field('branchId')}
              data-testid="staff-branch"
            />
          )}
          {user ? (
            <Checkbox label={t('staff.activeLabel')} checked={isActive} onChange={(e) => setActive(e.currentTarget.checked)} />
          ) : (
            <PasswordInput
              label={t('staff.password')}
              description={t('staff.passwordHint', { min: LIMITS.passwordMin })}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.field('password')}
              autoComplete="new-password"
            />
          )}
          <FormErrors messages={errors.rest((f) => ['login', 'fullName', 'role', 'password', 'isActive', 'branchId'].includes(f))} />
          <Group justify="flex-end">
            {onResetPassword && (
              <Button variant="subtle" color="orange" mr="auto" onClick={onResetPassword} data-testid="staff-reset-password">
                {t('staff.resetPassword')}
              </Button>
            )}
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {user ? t('common.save') : t('staff.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
