import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { Permission } from '#src/shared/auth/permissions.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError, onSessionExpired } from '#src/shared/ui/api.ts';
import { claimOfflineData, wipeOfflineData } from '#src/shared/offline/store.ts';
import { startBackgroundSync } from '#src/shared/offline/sync.ts';
import { useOffline } from '#src/shared/ui/use-offline.ts';
import { Alert } from '#src/shared/ui/page.tsx';
import { PermissionsContext } from '#src/shared/ui/permissions.tsx';
import type { Me } from '#src/modules/platform/api/me.schema.ts';
import { TWO_FACTOR_PATH } from '#src/modules/platform/api/two-factor.schema.ts';
import { ReauthPanel } from '#src/modules/platform/ui/reauth-panel.tsx';
import { PersonSearchBox } from '#src/modules/people/ui/person-search-box.tsx';
import { NotificationBell } from '#src/modules/notifications/ui/notification-bell.tsx';
import { visibleNavigation } from '#src/app/ui/navigation.ts';
import { SessionContext, type Session } from '#src/app/ui/session.tsx';
import { SyncStatus } from '#src/app/ui/sync-status.tsx';

/** The signed-in frame: loads the session, then header, navigation and the current page. */
export function Shell() {
  const [me, setMe] = useState<Me | null>(null);
  const [expired, setExpired] = useState(false);
  const [reconnected, setReconnected] = useState(false);
  const [unreachable, setUnreachable] = useState(false);
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const offline = useOffline();
  const navigate = useNavigate();
  const location = useLocation();

  const load = useCallback(() => {
    api<Me>('/api/me')
      .then((data) => {
        setMe(data);
        setExpired(false);
        // The data kept on this device belongs to the user signed in; anyone else starts from nothing.
        void claimOfflineData(data.user.id);
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'network') setUnreachable(true);
        if (error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'session_expired')) {
          void navigate(`/connexion?${new URLSearchParams({ retour: location.pathname + location.search })}`, {
            replace: true,
          });
        }
      });
    // The session is loaded once per shell mount; navigation inside the shell does not reload it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(load, [load]);
  useEffect(() => onSessionExpired(() => setExpired(true)), []);
  useEffect(startBackgroundSync, []);

  const permissions = useMemo(() => new Set((me?.permissions ?? []) as Permission[]), [me]);
  const session = useMemo<Session | null>(
    () => (me ? { me, can: (p: Permission) => permissions.has(p), refresh: load } : null),
    [me, permissions, load],
  );

  if (!session) {
    return unreachable ? (
      <main id="contenu" className="app-main">
        <h1>{messages.offline.unreachable.title}</h1>
        <p>{messages.offline.unreachable.lead}</p>
      </main>
    ) : (
      <p className="loading" role="status">
        {messages.app.loading}
      </p>
    );
  }

  // Signing out wipes the device; writes not yet sent are only dropped if the user says so.
  const signOut = (force = false) => {
    if (!force && offline.items.length > 0) return setConfirmSignOut(true);
    void wipeOfflineData()
      .then(() => api('/api/auth/sign-out', { body: {} }))
      .catch(() => undefined)
      .finally(() => navigate('/connexion', { replace: true }));
  };

  return (
    <SessionContext.Provider value={session}>
      <PermissionsContext.Provider value={permissions}>
        <a className="skip-link" href="#contenu">
          {messages.app.skipToContent}
        </a>
        <header className="app-header">
          <Link to="/" className="app-header__brand">
            {messages.app.name}
          </Link>
          <span className="app-header__workspace">{session.me.workspace.name}</span>
          {session.can('person.read') && <PersonSearchBox />}
          <div className="app-header__user">
            <SyncStatus view={offline} />
            <NotificationBell />
            <span>{session.me.user.name}</span>
            <Link to={TWO_FACTOR_PATH}>{messages.twoFactor.securityLink}</Link>
            <button type="button" className="button button--secondary" onClick={() => signOut()}>
              {messages.app.signOut}
            </button>
          </div>
        </header>
        <div className="app-body">
          <nav aria-label={messages.app.mainNav} className="app-nav">
            {visibleNavigation(session.can).map((section) => (
              <div key={section.label ?? 'main'} className="app-nav__section">
                {section.label && <p className="app-nav__title">{section.label}</p>}
                <ul>
                  {section.items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.to === '/'}>
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
          <main id="contenu" className="app-main" tabIndex={-1}>
            {!offline.online && <Alert kind="info">{messages.offline.status.offlineLead}</Alert>}
            {confirmSignOut && (
              <section className="alert alert--error" role="alertdialog" aria-labelledby="sign-out-title">
                <h2 id="sign-out-title">{messages.offline.signOut.title}</h2>
                <p>{messages.offline.signOut.lead(offline.items.length)}</p>
                <p className="actions">
                  <Link to="/hors-ligne" className="button" onClick={() => setConfirmSignOut(false)}>
                    {messages.offline.signOut.review}
                  </Link>{' '}
                  <button type="button" className="button" onClick={() => setConfirmSignOut(false)}>
                    {messages.offline.signOut.cancel}
                  </button>{' '}
                  <button type="button" className="button button--danger" onClick={() => signOut(true)}>
                    {messages.offline.signOut.anyway}
                  </button>
                </p>
              </section>
            )}
            {expired && (
              <ReauthPanel
                email={session.me.user.email}
                onDone={() => {
                  setExpired(false);
                  setReconnected(true);
                }}
              />
            )}
            {reconnected && !expired && (
              <p className="alert alert--success" role="status">
                {messages.reauth.done}
              </p>
            )}
            {/* An administrator without a second factor holds no permission until it is set up. */}
            {session.me.twoFactorSetupRequired && location.pathname !== TWO_FACTOR_PATH ? (
              <Navigate to={TWO_FACTOR_PATH} replace />
            ) : (
              <Outlet />
            )}
          </main>
        </div>
      </PermissionsContext.Provider>
    </SessionContext.Provider>
  );
}
