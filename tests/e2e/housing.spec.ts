import { expect, test } from '#tests/e2e/support.ts';

const PASSWORD = 'Demeure-demo-2026';

test('a referent sees the units ranked for an application, each constraint and criterion explained', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await page.goto('/demandes-logement');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByText(/Demeure ne classe jamais les personnes pour un logement/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Voir les logements classés pour cette demande' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Logements pour / })).toBeVisible();
  const firstUnit = page.getByRole('table', { name: /Contraintes indispensables/ }).first();
  await expect(firstUnit.getByRole('row', { name: /Marches jusqu’à la porte/ })).toBeVisible();
  await expect(page.getByText(/min à pied/).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a landlord sees their own supply with the reasons of each level, anonymous demand and their refusal report', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'bailleur@demo.demeure.fr', PASSWORD);
  await page.goto('/logements');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /Pourquoi ce niveau/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Who would fit this unit: counts only, never a person's name for a landlord.
  await page.goto(`${new URL(page.url()).pathname}/demande`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main a[href^="/personnes/"]')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto('/propositions/rapport');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tableau' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
