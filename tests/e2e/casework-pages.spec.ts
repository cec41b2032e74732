import { expect, test } from '#tests/e2e/support.ts';

const PASSWORD = 'Demeure-demo-2026';

test('a landlord raises a referral from their narrow view and sees only what concerns them', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'bailleur-02@demo.demeure.fr', PASSWORD);
  await page.goto('/signalements/nouveau');
  await page.getByLabel('Canal d’entrée (obligatoire)').selectOption({ label: 'Bailleur social' });
  await page.getByLabel('Prénom').fill('Lucienne');
  await page.getByLabel('Nom (obligatoire)', { exact: true }).fill('Vandewalle');
  await page.getByLabel('Âge approximatif').fill('88');
  await page
    .getByLabel('Description de la situation (obligatoire)')
    .fill('Locataire seule dans un T4 au 2e étage, chutes dans l’escalier, souhaite un logement plus petit.');
  await page.getByLabel('Logement trop grand').check();
  await page.getByLabel('Urgence (obligatoire)').selectOption({ label: 'Normale' });
  await page
    .getByLabel('Consentement de la personne (obligatoire)')
    .selectOption({ label: 'La personne est d’accord' });
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(page.getByText(/Le signalement a été enregistré/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/signalements');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes signalements' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Vandewalle' })).toHaveCount(1);
  await expectNoAxeViolations(page);
  // The triage queue and the files stay out of reach.
  await expect(page.getByRole('link', { name: 'Accepter et ouvrir le parcours' })).toHaveCount(0);
  await page.goto('/parcours');
  await expect(page.getByText('Aucun parcours')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a manager reads the indicators as charts and as tables, and the board of the team', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'direction@demo.demeure.fr', PASSWORD);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Indicateurs' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicateurs' })).toBeVisible();
  const byStage = page.getByRole('figure', { name: 'Parcours par étape, à ce jour' });
  await expect(byStage.getByRole('img', { name: 'Parcours par étape, à ce jour' })).toBeVisible();
  await expectNoAxeViolations(page);
  await byStage.getByRole('button', { name: 'Tableau' }).click();
  await expect(byStage.getByRole('table')).toContainText('Qualification');
  await expectNoAxeViolations(page);

  await page.goto('/parcours');
  await page.getByRole('link', { name: 'Tableau par étape' }).click();
  await expect(page.getByRole('heading', { name: 'Synthèse collective' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a referent is warned of a duplicate, opens the existing file, then her tasks and case reviews', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await page.goto('/personnes/nouvelle');
  await page.getByLabel('Prénom (obligatoire)').fill('Emile');
  await page.getByLabel('Nom (obligatoire)', { exact: true }).fill('LEFEVRE');
  await page.getByLabel('Date de naissance').fill('1938-02-23');
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  await expect(page.getByText('Ce dossier existe peut-être déjà')).toBeVisible();
  await expect(page.getByLabel('Nom (obligatoire)', { exact: true })).toHaveValue('LEFEVRE');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Ouvrir ce dossier' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier de Émile Lefèvre' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/taches');
  await expect(page.getByRole('heading', { level: 1, name: 'Tâches' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/syntheses');
  await expect(page.getByRole('heading', { level: 1, name: 'Synthèses collectives' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/notifications');
  await expectNoAxeViolations(page);
});

test('a referent rates the AGGIR grid, whose GIR reaches the file, and fills a form for the pathway', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('lefevre');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: /LEFÈVRE Émile/ }).click();
  await page.getByRole('link', { name: 'Évaluer avec la grille AGGIR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grille AGGIR — Émile Lefèvre' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Every activity done alone, fully, habitually and correctly: GIR 6.
  for (const radio of await page.getByRole('radio', { name: /^A —/ }).all()) await radio.check();
  await expect(page.getByText('GIR calculé : 6 (rang 13)')).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier de Émile Lefèvre' })).toBeVisible();
  await expect(page.getByText('Grille AGGIR').first()).toBeVisible();

  await page.getByRole('link', { name: 'Formulaires', exact: true }).click();
  await page.getByRole('link', { name: /Guide d’entretien : demande de logement social/ }).click();
  await page.getByLabel('Parcours concerné (facultatif)').selectOption({ index: 1 });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/Brouillon enregistré à/)).toBeVisible();
});
