import { expect, test } from '#tests/e2e/support.ts';

test('the social and financial referent simulates every aid at the desk, with what is missing and why', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'financement@demo.demeure.fr', 'Demeure-demo-2026');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Simulateur d’aides' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Simulateur d’aides' })).toBeVisible();

  // funding-rules §7 worked case, filed in 2025: the income is typed with a French thousands space.
  await page.getByLabel('Âge').fill('78');
  await page.getByLabel('Personnes vivant dans le logement').fill('1');
  await page.getByLabel('Statut d’occupation').selectOption({ label: 'Propriétaire occupant' });
  await page.getByLabel('Logement en Île-de-France').selectOption({ label: 'Non' });
  await page.getByLabel(/Travaux d’adaptation éligibles HT/).fill('9 000');
  await page.getByLabel('Date de dépôt des demandes').fill('2025-06-01');
  await page.getByLabel('GIR', { exact: true }).fill('trois');
  await page.getByRole('button', { name: 'Calculer les aides' }).click();
  await expect(page.locator('.field--error', { hasText: 'Saisissez un nombre, par exemple 1 250,50.' })).toBeVisible();
  await expect(page.getByLabel(/Travaux d’adaptation éligibles HT/)).toHaveValue('9 000');

  await page.getByLabel('GIR', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Calculer les aides' }).click();
  const mpa = page.getByRole('article', { name: /MaPrimeAdapt'/ });
  // No income yet: the aid waits for it and says so.
  await expect(mpa).toContainText('À vérifier');
  await expect(mpa).toContainText('Somme des revenus fiscaux de référence du ménage');

  await page.getByLabel(/Somme des revenus fiscaux/).fill('16 000');
  await page.getByRole('button', { name: 'Calculer les aides' }).click();
  await expect(mpa).toContainText('Éligible · Montant : 6 300,00 €');
  await mpa.getByText(/Calcul · Paramètres utilisés/).click();
  await expect(mpa).toContainText('déduit de textes officiels');
  await expect(page.getByRole('article', { name: /Crédit d’impôt|Crédit d'impôt/ })).toContainText('Non éligible');
  await expectNoAxeViolations(page);
});
