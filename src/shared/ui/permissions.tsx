import { createContext, useContext } from 'react';
import type { Permission } from '#src/shared/auth/permissions.ts';

/**
 * What the signed-in user may do, provided by the shell from the session it loads once, so that a page can show
 * or hide a link or a form without asking the server again. The server still checks every request.
 */
export const PermissionsContext = createContext<ReadonlySet<Permission>>(new Set());

export function useCan(permission: Permission): boolean {
  return useContext(PermissionsContext).has(permission);
}
