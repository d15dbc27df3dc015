import { createContext, useContext, type ReactNode } from 'react';
import type { Permission } from '../../../src/domain/permissions.js';
import type { Me } from '../api/auth';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user, clinic and permissions; only inside the signed-in part of the app. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside of a signed-in route');
  return me;
}

/** True when the signed-in user's role holds the permission (as the server reports it). */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => me.permissions.includes(permission);
}

/** The clinic's time zone: every instant on screen is shown in it. */
export function useClinicTimeZone(): string {
  return useMe().clinic.timeZone;
}
