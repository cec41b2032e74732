import { createContext, useContext } from 'react';
import type { Me } from '#src/modules/platform/api/me.schema.ts';
import type { Permission } from '#src/shared/auth/permissions.ts';

export type Session = { me: Me; can: (permission: Permission) => boolean; refresh: () => void };

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in shell');
  return session;
}
