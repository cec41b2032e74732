import { useEffect, useRef } from 'react';

export type Notice = { text: string; at: number };

export const notice = (text: string): Notice => ({ text, at: Date.now() });

/**
 * The outcome of an action, focused when it appears: the button that was used may be gone
 * (a removed row, a closed form), and keyboard users must not be sent back to the top.
 */
export function NoticeBanner({ value }: { value: Notice | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (value) ref.current?.focus();
  }, [value]);
  if (!value) return null;
  // The status itself takes the focus, so a screen reader reads the message where the keyboard now is.
  return (
    <p tabIndex={-1} ref={ref} className="alert alert--success" role="status">
      {value.text}
    </p>
  );
}
