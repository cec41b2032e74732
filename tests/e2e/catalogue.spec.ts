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

test('a loan agreement close to its end is listed to renew, and renewing it takes it off the list', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'documentation@demo.demeure.fr', PASSWORD);
  await page.goto('/showroom');
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const title = `Prêt d’un monte-escalier (${Date.now()})`;

  const form = page.getByRole('form', { name: 'Ajouter une convention' });
  await form.getByLabel('Fabricant ou partenaire').selectOption({ index: 1 });
  await form.getByLabel('Objet de la convention').fill(title);
  await form.getByLabel(/^Début/).fill(day(-355));
  await form.getByLabel(/^Fin/).fill(day(10));
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  const toRenew = page.getByRole('table', { name: 'Conventions dont la date de rappel est atteinte' });
  await expect(toRenew.getByRole('row', { name: new RegExp(title.replace(/[()]/g, '.')) })).toBeVisible();

  await toRenew.getByRole('button', { name: `Modifier ou renouveler ${title}` }).click();
  const renewal = page.getByRole('form', { name: `Modifier ou renouveler « ${title} »` });
  await renewal.getByLabel(/^Fin/).fill(day(375));
  await expectNoAxeViolations(page);
  await renewal.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Convention enregistrée : son rappel suit la nouvelle date de fin.')).toBeVisible();
  await expect(toRenew.getByRole('row', { name: new RegExp(title.replace(/[()]/g, '.')) })).toHaveCount(0);
});
