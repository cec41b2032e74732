import { expect, test } from '#tests/e2e/support.ts';

const PASSWORD = 'Demeure-demo-2026';

test.describe('each role sees its own home', () => {
  test('a referent sees their caseload, finds a person without accents and opens the file', async ({
    page,
    expectNoAxeViolations,
    signIn,
  }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/connexion/);
    await expectNoAxeViolations(page);
    await signIn(page, 'referente@demo.demeure.fr', PASSWORD);

    await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Claire Martin' })).toBeVisible();
    const caseload = page.getByRole('region', { name: 'Personnes que vous suivez' });
    await expect(caseload.getByRole('link', { name: /DUVAL Germaine/ })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }),
    ).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('lefevre');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '1 personne trouvée' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /LEFÈVRE Émile/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dossier de Émile Lefèvre' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a landlord sees only the tenant whose case team they joined', async ({
    page,
    expectNoAxeViolations,
    signIn,
  }) => {
    await page.goto('/connexion');
    await signIn(page, 'bailleur@demo.demeure.fr', PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Marc Dufresne' })).toBeVisible();
    const caseload = page.getByRole('region', { name: 'Personnes que vous suivez' });
    await expect(caseload.getByRole('listitem')).toHaveCount(1);
    await expect(caseload.getByRole('link', { name: /DUVAL Germaine/ })).toBeVisible();

    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('Lefèvre');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Aucune personne trouvée' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a manager sees the administration menu and every file of the organisation', async ({
    page,
    expectNoAxeViolations,
    signIn,
  }) => {
    await page.goto('/connexion');
    await signIn(page, 'direction@demo.demeure.fr', PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Françoise Delattre' })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Navigation principale' }).getByText('Administration'),
    ).toBeVisible();
    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('garcia');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: /GARCIA André/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // Opening a file is audited, and the manager can read the trail.
    await page.getByRole('link', { name: /GARCIA André/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dossier de André Garcia' })).toBeVisible();
    await page.getByRole('link', { name: 'Journal d’audit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Journal d’audit' })).toBeVisible();
    await expect(
      page
        .getByRole('table')
        .getByRole('row')
        .filter({ hasText: 'Françoise Delattre' })
        .filter({ hasText: 'person.read' })
        .first(),
    ).toBeVisible();
    await page.getByLabel('Action').fill('Mauvaise action');
    await page.getByRole('button', { name: 'Afficher', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Action invalide');
    await expect(page.getByLabel('Action')).toHaveValue('Mauvaise action');
    await expectNoAxeViolations(page);
  });

  test('a wrong password is refused in French and the e-mail stays typed', async ({ page, expectNoAxeViolations }) => {
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill('accueil@demo.demeure.fr');
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
    await expect(page.getByLabel('Adresse e-mail')).toHaveValue('accueil@demo.demeure.fr');
    await expectNoAxeViolations(page);
  });

  test('an unknown address shows the French 404 page inside the shell', async ({
    page,
    expectNoAxeViolations,
    signIn,
  }) => {
    await page.goto('/connexion');
    await signIn(page, 'accueil@demo.demeure.fr', PASSWORD);
    await page.goto('/nulle-part');
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the keyboard alone reaches the content and signs out', async ({ page, signIn }) => {
    await page.goto('/connexion');
    await signIn(page, 'ergo@demo.demeure.fr', PASSWORD);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#contenu')).toBeFocused();
    await page.getByRole('button', { name: 'Se déconnecter' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/connexion/);
  });
});
