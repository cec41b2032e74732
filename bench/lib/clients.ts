import { BENCH_PASSWORD } from '../generate.ts';
import type { Recorder } from './load.ts';

/** A simulated user: the address it says it comes from (so the sign-in rate limit sees each one) and its session. */
export type SignedInClient = { email: string; forwardedFor: string; cookie?: string };

/** The body of a successful answer; any other status fails the measure with what the server said. */
export async function expectOk(response: Response): Promise<string> {
  const body = await response.text();
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status} ${body.slice(0, 160)}`);
  return body;
}

/**
 * Every client signs in at once, as at the start of the working day, each timed under `label`; returns the
 * seconds it took. The sign-in rate limit is keyed by x-forwarded-for, so each client sends its own address:
 * the benchmark measures the application, not the limiter refusing one shared address.
 */
export async function signInAll(
  baseUrl: string,
  clients: SignedInClient[],
  recorder: Recorder,
  label: string,
): Promise<number> {
  const started = performance.now();
  await Promise.all(
    clients.map((client) =>
      recorder.time(label, async () => {
        const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { origin: baseUrl, 'content-type': 'application/json', 'x-forwarded-for': client.forwardedFor },
          body: JSON.stringify({ email: client.email, password: BENCH_PASSWORD }),
        });
        await expectOk(response);
        client.cookie = response.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
      }),
    ),
  );
  return (performance.now() - started) / 1000;
}
