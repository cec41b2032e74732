import { useEffect, useRef, type ReactNode } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';

// On a full page load the browser starts at the top (skip link first); only later, client-side
// navigations move focus to the new heading.
let fullPageLoad = true;

/**
 * Every page has one h1 and a document title; after client-side navigation focus moves to the
 * heading so screen-reader and keyboard users start from the new content.
 */
export function Page({ title, children, lead }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${messages.app.name}`;
    if (fullPageLoad) fullPageLoad = false;
    else heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </>
  );
}

export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(iso),
  );

export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(
    new Date(iso),
  );
