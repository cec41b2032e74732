import { useEffect, useRef } from 'react';
import { Alert } from '#src/shared/ui/page.tsx';

export type Notice = { text: string; at: number };

export const notice = (text: string): Notice => ({ text, at: Date.now() });

/**
 * The outcome of an action, focused when it appears: the button that was used may be gone
 * (a removed row, a closed form), and keyboard users must not be sent back to the top.
 */
export function NoticeBanner({ value }: { value: Notice | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (value) ref.current?.focus();
  }, [value]);
  if (!value) return null;
  return (
    <div tabIndex={-1} ref={ref} className="notice">
      <Alert kind="success">{value.text}</Alert>
    </div>
  );
}
