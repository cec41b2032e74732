import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import type { Invitation, InvitationCreated } from '#src/modules/platform/api/invitation.schema.ts';
import type { MemberList } from '#src/modules/platform/api/member.schema.ts';
import type { OrganizationList } from '#src/modules/platform/api/organization.schema.ts';
import { InvitationForm } from '#src/modules/platform/ui/invitation-form.tsx';
import { InvitationLink } from '#src/modules/platform/ui/invitation-link.tsx';
import { InvitationList } from '#src/modules/platform/ui/invitation-list.tsx';
import { MemberAddForm } from '#src/modules/platform/ui/member-add-form.tsx';
import { MemberTable } from '#src/modules/platform/ui/member-table.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { notice as noticeOf, NoticeBanner, type Notice } from '#src/shared/ui/notice.tsx';
import './user-admin.css';

const t = messages.members;

/** Accounts, their roles and the invitations of the workspace. */
export function UsersPage() {
  const members = useApi<MemberList>('/api/users');
  const organizations = useApi<OrganizationList>('/api/organizations');
  const invitations = useApi<{ items: Invitation[] }>('/api/invitations');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [sent, setSent] = useState<{ result: InvitationCreated; notice: string } | null>(null);
  // Remounting the forms after a success empties them for the next entry.
  const [formKey, setFormKey] = useState(0);

  const changed = (message: string) => {
    setSent(null);
    setNotice(noticeOf(message));
    members.reload();
  };
  const added = (message: string) => {
    changed(message);
    setFormKey((k) => k + 1);
  };
  const invited = (result: InvitationCreated, message: string) => {
    setNotice(null);
    setSent({ result, notice: message });
    setFormKey((k) => k + 1);
    invitations.reload();
  };

  const failed = [members.state, organizations.state, invitations.state].find((s) => s.status === 'error');
  if (failed?.status === 'error') {
    return (
      <Page title={failed.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{failed.error.message}</Alert>
      </Page>
    );
  }
  if (
    members.state.status !== 'ready' ||
    organizations.state.status !== 'ready' ||
    invitations.state.status !== 'ready'
  ) {
    return <p role="status">{messages.app.loading}</p>;
  }
  const { items, canManage } = members.state.data;
  const orgs = organizations.state.data.items;
  return (
    <Page title={t.title} lead={t.lead}>
      <NoticeBanner value={notice} />
      {!canManage && <p>{t.readOnly}</p>}
      <section aria-labelledby="members-title" className="panel">
        <h2 id="members-title">{t.listTitle}</h2>
        {items.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <MemberTable members={items} canManage={canManage} onChanged={changed} />
        )}
      </section>
      {canManage && (
        <section aria-labelledby="invite-title" className="panel">
          <h2 id="invite-title">{messages.invitations.title}</h2>
          <p>{messages.invitations.help}</p>
          {sent && <InvitationLink result={sent.result} notice={sent.notice} />}
          <InvitationForm
            key={`invite-${formKey}`}
            organizations={orgs}
            onSent={(result) => invited(result, messages.invitations.sent(result.invitation.email))}
          />
        </section>
      )}
      <section aria-labelledby="pending-title" className="panel">
        <h2 id="pending-title">{messages.invitations.pendingTitle}</h2>
        <InvitationList
          invitations={invitations.state.data.items}
          canManage={canManage}
          onRenewed={(result) => invited(result, messages.invitations.renewed(result.invitation.email))}
          onRevoked={(message) => {
            setSent(null);
            setNotice(noticeOf(message));
            invitations.reload();
          }}
        />
      </section>
      {canManage && (
        <section aria-labelledby="add-member-title" className="panel">
          <h2 id="add-member-title">{t.addTitle}</h2>
          <MemberAddForm key={`add-${formKey}`} members={items} organizations={orgs} onAdded={added} />
        </section>
      )}
    </Page>
  );
}
