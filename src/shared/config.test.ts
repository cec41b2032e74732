import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#src/shared/config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dir: './data/pglite' });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.signInRateLimit).toBe(20);
  });

  it('lets an office sharing one address allow more sign-ins per minute', () => {
    expect(loadConfig({ SIGN_IN_RATE_LIMIT: '200' }).signInRateLimit).toBe(200);
    expect(() => loadConfig({ SIGN_IN_RATE_LIMIT: '0' })).toThrow(/SIGN_IN_RATE_LIMIT doit valoir au moins 1/);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', PORT: '8080' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/db' });
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('names every bad variable in French', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_SECURE: 'oui' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT doit être un nombre entier/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL doit commencer par postgres/);
    expect(problems.join('\n')).toMatch(/SMTP_SECURE doit valoir true ou false/);
  });
});
