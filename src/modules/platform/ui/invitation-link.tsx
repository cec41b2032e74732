import { useEffect, useId, useRef, useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert } from '#src/shared/ui/page.tsx';
import type { InvitationCreated } from '#src/modules/platform/api/invitation.schema.ts';

const t = messages.invitations;

/**
 * Shown after an invitation is sent or renewed: whether the e-mail left, and the link itself to
 * pass on another way. Focus moves here so the outcome is announced.
 */
export function InvitationLink({ result, notice }: { result: InvitationCreated; notice: string }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => box.current?.focus(), [result.link]);

  const copyLink = () => {
    input.current?.select();
    navigator.clipboard
      .writeText(result.link)
      .then(() => setCopy('done'))
      .catch(() => setCopy('failed'));
  };
  const email = result.invitation.email;
  return (
    <div className="panel" tabIndex={-1} ref={box}>
      <Alert kind={result.mailSent ? 'success' : 'error'}>{result.mailSent ? notice : t.mailFailed(email)}</Alert>
      <div className="field">
        <label htmlFor={`${id}-link`}>{t.linkLabel}</label>
        <div className="invitation-link">
          <input
            id={`${id}-link`}
            ref={input}
            type="text"
            readOnly
            value={result.link}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button" onClick={copyLink}>
            {t.copy}
          </button>
        </div>
        <p role="status" className="commune-status">
          {copy === 'done' ? t.copied : copy === 'failed' ? t.copyFailed : ''}
        </p>
      </div>
    </div>
  );
}
