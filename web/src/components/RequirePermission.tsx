import type { ReactNode } from 'react';
import type { Permission } from '../../../src/domain/permissions.js';
import { useCan } from './session';
import { NoAccess } from './NoAccess';

/** Renders the page only for roles holding the permission; others see a calm refusal. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? <>{children}</> : <NoAccess />;
}
