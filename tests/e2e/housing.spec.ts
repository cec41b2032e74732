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

test('a refused offer keeps its coded reasons, the person’s words and a copy of the unit', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await page.goto('/propositions');
  await page
    .getByRole('row', { name: /Visitée/ })
    .first()
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Réponse de la personne' })).toBeVisible();

  // Refusing without a reason is refused, next to the field, with nothing lost.
  await page.getByLabel('Réponse', { exact: true }).selectOption({ label: 'Refuse' });
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }));
  await page.getByLabel(/Date de la réponse/).fill(today);
  await page.getByLabel(/Les mots de la personne/).fill('Trop loin de mon médecin, je ne pourrai plus y aller à pied.');
  await page.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await expect(page.getByText(/motif/i).and(page.locator('.field__error')).first()).toBeVisible();
  await expect(page.getByLabel(/Les mots de la personne/)).toHaveValue(/Trop loin de mon médecin/);

  await page.getByLabel(/Motif principal/).selectOption({ label: 'Trop loin du médecin, de la pharmacie, des soins' });
  await page.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await expect(page.getByText('Refusée').first()).toBeVisible();
  await expect(page.getByText('Trop loin du médecin, de la pharmacie, des soins').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Le logement refusé, tel qu’il était proposé' })).toBeVisible();
  await expectNoAxeViolations(page);
});
