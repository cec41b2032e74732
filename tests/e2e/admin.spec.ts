import { totpFromUri } from '#tests/fixtures/totp.ts';
import { expect, test } from '#tests/e2e/support.ts';

// The only spec that signs in as the demo administrator: it enrols TOTP for that account.
test('an administrator enrols TOTP, then adds an organisation after a refused SIRET', async ({
  page,
  expectNoAxeViolations,
}) => {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill('admin@demo.demeure.fr');
  await page.getByLabel('Mot de passe').fill('Demeure-demo-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();

  // No permission until the second factor is set up: the shell sends the admin to enrol.
  await expect(page).toHaveURL(/\/securite\/double-authentification/);
  await expect(page.getByRole('heading', { level: 1, name: 'Vérification en deux étapes' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Mot de passe actuel').fill('Demeure-demo-2026');
  await page.getByRole('button', { name: 'Continuer' }).click();
  const uri = await page.getByRole('link', { name: /Ou ouvrez directement/ }).getAttribute('href');
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  await expectNoAxeViolations(page);
  await page.getByLabel('Code à 6 chiffres de votre application d’authentification').fill(totpFromUri(uri!));
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(
    page.getByText('La vérification en deux étapes est activée. Elle vous sera demandée à chaque connexion.'),
  ).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Organisations' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Ajouter une organisation' }).click();
  await page.getByLabel('Type d’organisation').selectOption({ label: 'Association' });
  await page.getByLabel('Nom').fill('Les Amis du Val');
  await page.getByLabel('SIRET').fill('732 829 320 00075');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  // The wrong key is explained next to the field, and nothing typed is lost.
  await expect(
    page.getByText('Ce SIRET est invalide : sa clé de contrôle ne correspond pas. Vérifiez les chiffres.').first(),
  ).toBeVisible();
  await expect(page.getByLabel('Nom')).toHaveValue('Les Amis du Val');
  await expect(page.getByLabel('SIRET')).toHaveValue('732 829 320 00075');
  await expectNoAxeViolations(page);

  await page.getByLabel('SIRET').fill('732 829 320 00074');
  await page.getByRole('searchbox', { name: 'Commune' }).fill('Lattes');
  await page.getByRole('button', { name: /^Lattes \(34970\)/ }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('L’organisation « Les Amis du Val » a été créée.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Les Amis du Val' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Invite a colleague; the link is shown even though no mail server answers here.
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Utilisateurs' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs et rôles' })).toBeVisible();
  await expectNoAxeViolations(page);
  const invite = page.locator('form').filter({ has: page.getByRole('button', { name: 'Envoyer l’invitation' }) });
  await invite.getByLabel('Adresse e-mail').fill('nouvelle.referente@exemple.test');
  await invite.getByLabel('Nom et prénom').fill('Anne Vasseur');
  await invite.getByLabel('Organisation').selectOption({ label: 'CCAS du Val-de-Lys' });
  await invite.getByLabel('Rôle').selectOption({ label: 'Référent·e parcours' });
  await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  const link = await page.getByLabel('Lien d’invitation (valable 7 jours)').inputValue();
  expect(link).toMatch(/\/invitation\//);

  // The invited person creates an account from the link, then signs in.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Rejoindre Demeure' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Mot de passe (obligatoire)', { exact: true }).fill('une phrase de passe solide');
  await page.getByLabel('Confirmer le mot de passe').fill('une phrase de passe solide');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByRole('link', { name: 'Aller à la connexion' }).click();
  await page.getByLabel('Adresse e-mail').fill('nouvelle.referente@exemple.test');
  await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Anne Vasseur' })).toBeVisible();
});
