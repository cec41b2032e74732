import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export { expect };

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails with a readable list (rule, impact, elements) when axe finds a WCAG 2.1 A/AA violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`,
  );
  expect(report, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Signs in through the real form and waits until the app has left the sign-in page,
 * so that a following navigation cannot cancel the session request.
 * Not for accounts with two-factor authentication, which stay on the code step.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (new URL(page.url(), 'http://localhost').pathname !== '/connexion') await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/connexion');
}

export const test = base.extend<{
  expectNoAxeViolations: typeof expectNoAxeViolations;
  signIn: typeof signIn;
}>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
  expectNoAxeViolations: async ({}, use) => {
    await use(expectNoAxeViolations);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
  signIn: async ({}, use) => {
    await use(signIn);
  },
});
