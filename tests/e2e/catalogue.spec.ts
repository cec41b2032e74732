import { expect, test } from '#tests/e2e/support.ts';

const PASSWORD = 'Demeure-demo-2026';

test('the documentalist finds a product despite a typo, opens it, and is told a price needs its date', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'documentation@demo.demeure.fr', PASSWORD);
  await page.goto('/catalogue');
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogue des aides techniques' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '300 produits' })).toBeVisible();
  await expectNoAxeViolations(page);

  // "deambulatuer": no accent and two letters swapped.
  await page.getByLabel('Mots recherchés').fill('deambulatuer');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  const results = page.getByRole('table', { name: 'Produits trouvés, par pertinence puis par nom' });
  const first = results.getByRole('link').first();
  await expect(first).toHaveText(/^Déambulateur articulé/);
  await expectNoAxeViolations(page);

  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Déambulateur articulé/ })).toBeVisible();
  await expect(page.getByText('12 06 03', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Historique des modifications' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Modifier la fiche' }).click();
  const price = page.getByLabel('Prix moyen (€)');
  await price.fill('99,90');
  await page.getByLabel('Date du prix').fill('');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const dateField = page.locator('.field', { has: page.getByLabel('Date du prix') });
  await expect(dateField.getByText('Indiquez la date du prix moyen.')).toBeVisible();
  await expect(page.getByLabel('Date du prix')).toHaveAttribute('aria-invalid', 'true');
  await expect(price).toHaveValue('99,90');
  await expectNoAxeViolations(page);

  await page.goto('/showroom');
  await expect(page.getByRole('heading', { level: 2, name: 'Conventions à renouveler' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Conventions dont la date de rappel est atteinte' })).toBeVisible();
  await expectNoAxeViolations(page);
});
