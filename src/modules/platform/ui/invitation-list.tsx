import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { Alert, formatDateTime } from '#src/shared/ui/page.tsx';
import type { Invitation, InvitationCreated } from '#src/modules/platform/api/invitation.schema.ts';
import { roleLabel } from '#src/modules/platform/ui/user-admin-data.ts';
import './user-admin.css';

const t = messages.invitations;

/** Invitations not yet accepted; administrators may send one again (new link) or revoke it. */
export function InvitationList({
  invitations,
  canManage,
  onRenewed,
  onRevoked,
}: {
  invitations: Invitation[];
  canManage: boolean;
  onRenewed: (result: InvitationCreated) => void;
  onRevoked: (notice: string) => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (invitation: Invitation, action: 'renew' | 'revoke') => {
    if (busy) return;
    setBusy(invitation.id);
    setError(null);
    try {
      if (action === 'renew')
        onRenewed(await api<InvitationCreated>(`/api/invitations/${invitation.id}/renew`, { body: {} }));
      else {
        await api(`/api/invitations/${invitation.id}/revoke`, { body: {} });
        onRevoked(t.revoked(invitation.email));
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : messages.errors.internal);
    } finally {
      setBusy(null);
    }
  };

  if (invitations.length === 0) return <p>{t.pendingEmpty}</p>;
  return (
    <>
      {error && <Alert kind="error">{error}</Alert>}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t.email}</th>
            <th scope="col">{t.organization}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.status}</th>
            {canManage && <th scope="col">{messages.members.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {i.email}
                <span className="hint">{i.name}</span>
              </th>
              <td>{i.organizationName}</td>
              <td>{roleLabel(i.role, messages.roles)}</td>
              <td>
                {i.status === 'expired' ? <strong>{t.expired}</strong> : t.pending}
                <span className="hint">
                  {t.expires} {formatDateTime(i.expiresAt)}
                </span>
              </td>
              {canManage && (
                <td>
                  <div className="admin-actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => act(i, 'renew')}
                      aria-label={t.renewLabel(i.email)}
                      aria-disabled={busy === i.id || undefined}
                    >
                      {t.renew}
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => act(i, 'revoke')}
                      aria-label={t.revokeLabel(i.email)}
                      aria-disabled={busy === i.id || undefined}
                    >
                      {t.revoke}
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
