import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, isAppPath, MAX_EMAIL_ATTEMPTS } from '#src/modules/notifications/domain/email-delivery.ts';

const now = new Date('2026-03-02T08:00:00Z');
const minutesLater = (result: ReturnType<typeof afterFailedAttempt>) =>
  result.status === 'pending' ? (result.nextAttemptAt.getTime() - now.getTime()) / 60_000 : null;

describe('retrying a notification e-mail', () => {
  it('waits twice as long after each failure', () => {
    expect([1, 2, 3, 4].map((n) => minutesLater(afterFailedAttempt(n, now)))).toEqual([1, 2, 4, 8]);
  });

  it('gives up after the last attempt', () => {
    expect(afterFailedAttempt(MAX_EMAIL_ATTEMPTS, now)).toEqual({ status: 'failed' });
    expect(afterFailedAttempt(MAX_EMAIL_ATTEMPTS - 1, now).status).toBe('pending');
  });
});

describe('notification links', () => {
  it('accept paths inside the app only', () => {
    expect(isAppPath('/parcours/0190a1b2?onglet=taches')).toBe(true);
    expect(isAppPath('https://exemple.fr/')).toBe(false);
    expect(isAppPath('//exemple.fr/')).toBe(false);
    expect(isAppPath('/\\exemple.fr')).toBe(false);
    expect(isAppPath('parcours')).toBe(false);
  });
});
