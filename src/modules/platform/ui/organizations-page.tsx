import { useRef, useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import type { Organization, OrganizationList } from '#src/modules/platform/api/organization.schema.ts';
import { OrganizationForm } from '#src/modules/platform/ui/organization-form.tsx';
import { formatSiret } from '#src/modules/platform/ui/user-admin-data.ts';
import { useApi } from '#src/shared/ui/use-api.ts';
import { notice as noticeOf, NoticeBanner, type Notice } from '#src/shared/ui/notice.tsx';
import './user-admin.css';

const t = messages.organizations;

type Editing = { mode: 'create' } | { mode: 'edit'; organization: Organization } | null;

/** The workspace's organisations: a table for everyone allowed to read, forms for administrators. */
export function OrganizationsPage() {
  const { state, reload } = useApi<OrganizationList>('/api/organizations');
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const open = (next: Editing) => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setNotice(null);
    setEditing(next);
    requestAnimationFrame(() => formHeading.current?.focus());
  };
  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => returnFocus.current?.focus());
  };
  const saved = (organization: Organization, created: boolean) => {
    setNotice(noticeOf(created ? t.created(organization.name) : t.updated(organization.name)));
    setEditing(null);
    reload();
  };

  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') {
    return (
      <Page title={state.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  }
  const { items, canManage } = state.data;
  return (
    <Page title={t.title} lead={t.lead}>
      <NoticeBanner value={notice} />
      {!canManage && <p>{t.readOnly}</p>}
      {canManage && !editing && (
        <div className="admin-toolbar">
          <button type="button" className="button button--primary" onClick={() => open({ mode: 'create' })}>
            {t.create}
          </button>
        </div>
      )}
      {editing && (
        <section className="panel" aria-labelledby="organization-form-title">
          <h2 id="organization-form-title" tabIndex={-1} ref={formHeading}>
            {editing.mode === 'create' ? t.createTitle : t.editTitle(editing.organization.name)}
          </h2>
          <OrganizationForm
            key={editing.mode === 'create' ? 'create' : editing.organization.id}
            organization={editing.mode === 'edit' ? editing.organization : undefined}
            onSaved={(organization) => saved(organization, editing.mode === 'create')}
            onCancel={close}
          />
        </section>
      )}
      <section aria-labelledby="organization-list-title">
        <h2 id="organization-list-title">{t.listTitle}</h2>
        {items.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <table className="admin-table">
            <caption>{t.count(items.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.siret}</th>
                <th scope="col">{t.commune}</th>
                {canManage && <th scope="col">{messages.members.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  <td>{messages.organizationKinds[o.kind] ?? o.kind}</td>
                  <td className="nowrap">{o.siret ? formatSiret(o.siret) : t.missing}</td>
                  <td>
                    {o.communeInsee ? (
                      <>
                        {o.communeName ?? o.communeInsee}
                        <span className="hint">{o.communeInsee}</span>
                      </>
                    ) : (
                      t.missing
                    )}
                  </td>
                  {canManage && (
                    <td>
                      <button type="button" className="button" onClick={() => open({ mode: 'edit', organization: o })}>
                        {t.edit}
                        <span className="visually-hidden"> {o.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}
