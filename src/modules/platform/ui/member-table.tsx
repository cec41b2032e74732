import { useId, useRef, useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import type { Member, MembershipView } from '#src/modules/platform/api/member.schema.ts';
import { roles } from '#src/modules/platform/api/member.schema.ts';
import { roleLabel } from '#src/modules/platform/ui/user-admin-data.ts';
import './user-admin.css';

const t = messages.members;

/** One organisation and role of one account, with its role change and its confirmed removal. */
function MembershipItem({
  member,
  membership,
  canManage,
  onChanged,
}: {
  member: Member;
  membership: MembershipView;
  canManage: boolean;
  onChanged: (notice: string) => void;
}) {
  const id = useId();
  const [role, setRole] = useState(membership.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const org = membership.organizationName;

  const run = async (work: () => Promise<unknown>, notice: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged(notice);
    } catch (e) {
      // The chosen role stays selected so the person sees what was refused.
      setError(e instanceof ApiError ? e.message : messages.errors.internal);
    } finally {
      setBusy(false);
    }
  };
  const changeRole = async () => {
    if (role === membership.role) return;
    await run(
      () => api(`/api/memberships/${membership.id}`, { method: 'PATCH', body: { role } }),
      t.roleChanged(member.name, org),
    );
  };
  const remove = () =>
    run(
      async () => {
        setConfirming(false);
        await api(`/api/memberships/${membership.id}`, { method: 'DELETE' });
      },
      t.removed(member.name, org),
    );
  const askToRemove = () => {
    setConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };
  const cancelRemove = () => {
    setConfirming(false);
    requestAnimationFrame(() => removeRef.current?.focus());
  };

  if (!canManage) {
    return (
      <li>
        <strong>{org}</strong> — {roleLabel(membership.role, messages.roles)}
      </li>
    );
  }
  return (
    <li>
      <strong>{org}</strong>
      <div className="membership-role">
        <label htmlFor={`${id}-role`} className="visually-hidden">
          {t.roleFor(member.name, org)}
        </label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r, messages.roles)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onClick={changeRole}
          aria-label={t.changeRoleFor(member.name, org)}
          aria-disabled={busy || role === membership.role || undefined}
        >
          {t.changeRole}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={askToRemove}
          ref={removeRef}
          aria-label={t.removeLabel(member.name, org)}
        >
          {t.remove}
        </button>
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <div className="confirm-box" tabIndex={-1} ref={confirmRef} role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t.confirmRemove(member.name, org)}</p>
          <div className="form-actions">
            <button type="button" className="button button--danger button--primary" onClick={remove}>
              {t.confirm}
            </button>
            <button type="button" className="button" onClick={cancelRemove}>
              {messages.app.cancel}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** The accounts of the workspace and, for administrators, their roles to change. */
export function MemberTable({
  members,
  canManage,
  onChanged,
}: {
  members: Member[];
  canManage: boolean;
  onChanged: (notice: string) => void;
}) {
  return (
    <table className="admin-table">
      <caption>{t.count(members.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.memberships}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.userId}>
            <th scope="row">
              {m.name}
              <span className="hint">{m.email}</span>
              {m.twoFactorEnabled && <span className="hint">{t.twoFactorOn}</span>}
            </th>
            <td>
              <ul className="membership-list">
                {m.memberships.map((membership) => (
                  <MembershipItem
                    key={`${membership.id}-${membership.role}`}
                    member={m}
                    membership={membership}
                    canManage={canManage}
                    onChanged={onChanged}
                  />
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
