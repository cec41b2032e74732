import { expect, test } from '#tests/e2e/support.ts';

const PASSWORD = 'Demeure-demo-2026';

test('a landlord creates a programme with the commune picker and adds a building', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  const name = `Les Tilleuls ${Date.now()}`;
  await signIn(page, 'bailleur@demo.demeure.fr', PASSWORD);
  await page.goto('/logements');
  await page.getByRole('link', { name: 'Nouveau programme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau programme' })).toBeVisible();
  await expectNoAxeViolations(page);

  // No commune and a count that is not a number: both refused next to their field, nothing typed is lost.
  await page.getByLabel(/Nom du programme/).fill(name);
  await page.getByLabel(/Type de programme/).selectOption({ label: 'Résidence seniors' });
  await page.getByLabel('Adresse', { exact: true }).fill('4 rue des Tilleuls');
  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await page.getByLabel('Typologie (ligne 1)').selectOption('T2');
  await page.getByLabel('Nombre de logements (ligne 1)').fill('douze');
  await page.getByLabel('Gardien').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.field__error', { hasText: 'Choisissez la commune.' })).toBeVisible();
  await expect(page.locator('.field__error', { hasText: 'Saisissez un nombre entier positif.' })).toBeVisible();
  await expect(page.getByLabel(/Nom du programme/)).toHaveValue(name);
  await expect(page.getByLabel('Nombre de logements (ligne 1)')).toHaveValue('douze');
  await expect(page.getByLabel('Gardien')).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByRole('searchbox', { name: 'Commune' }).fill('Lomme');
  await page
    .getByRole('button', { name: /^Lomme \(/ })
    .first()
    .click();
  await expect(page.getByText(/Commune choisie/)).toBeVisible();
  await page.getByLabel('Nombre de logements (ligne 1)').fill('12');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Programme ${name}` })).toBeVisible();
  await expect(page.getByText('4 rue des Tilleuls Lomme')).toBeVisible();
  await expect(
    page.getByRole('table', { name: /Logements prévus/ }).getByRole('row', { name: /T2 PLUS 12/ }),
  ).toBeVisible();

  // A building: an impossible door width is named on the field and the other measurements stay.
  await page.getByRole('link', { name: 'Ajouter un bâtiment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau bâtiment' })).toBeVisible();
  await page.getByLabel(/Entrée ou bâtiment/).fill('Entrée A');
  await page.getByLabel('Nombre d’étages au-dessus du rez-de-chaussée').fill('3');
  await page.getByLabel('Nombre d’ascenseurs').fill('1');
  await page.getByLabel('L’ascenseur dessert tous les paliers').selectOption({ label: 'Oui' });
  await page.getByLabel('Passage libre de la porte du hall (cm)').fill('250');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    page.locator('.field__error', { hasText: 'Une largeur de porte se mesure entre 40 et 200 cm.' }),
  ).toBeVisible();
  await expect(page.getByLabel('Nombre d’ascenseurs')).toHaveValue('1');
  await expectNoAxeViolations(page);
  await page.getByLabel('Passage libre de la porte du hall (cm)').fill('90');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    page.getByRole('table', { name: 'Bâtiments et entrées' }).getByRole('row', { name: /Entrée A/ }),
  ).toBeVisible();

  // The programme's form comes back with what was saved, the commune associée included.
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Modifier le programme' }).click();
  await expect(page.getByText(/Commune choisie : Lomme/)).toBeVisible();
  await expect(page.getByLabel('Nombre de logements (ligne 1)')).toHaveValue('12');
  await expectNoAxeViolations(page);
});

test('a landlord records the yearly value of a charter commitment, a missing value refused on its field', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'bailleur@demo.demeure.fr', PASSWORD);
  await page.goto('/bailleurs');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('link', { name: 'Signature et suivi de la charte' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Signature et suivi de la charte' }).click();
  await expect(page.getByRole('heading', { name: 'Suivi annuel d’un engagement' })).toBeVisible();
  await expectNoAxeViolations(page);
  const review = page.locator('form', { has: page.getByRole('heading', { name: 'Suivi annuel d’un engagement' }) });
  await review.getByLabel(/Valeur/).fill('');
  await review.getByLabel(/Commentaire/).fill('Relevé au 30 novembre');
  await review.getByRole('button', { name: 'Enregistrer le suivi' }).click();
  await expect(review.locator('.field__error', { hasText: 'Indiquez la valeur de l’indicateur.' })).toBeVisible();
  await expect(review.getByLabel(/Commentaire/)).toHaveValue('Relevé au 30 novembre');
  await review.getByLabel(/Valeur/).fill('14 logements adaptés');
  await review.getByRole('button', { name: 'Enregistrer le suivi' }).click();
  await expect(review.getByText('Suivi enregistré.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a landlord keeps its profile and contacts, adding, changing and removing a contact', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  const contact = `Nadia Ferhat ${Date.now()}`;
  await signIn(page, 'bailleur-02@demo.demeure.fr', PASSWORD);
  await page.goto('/bailleurs');
  await page.getByRole('table').getByRole('link').first().click();
  const landlordUrl = page.url();

  await page.getByRole('link', { name: 'Modifier le profil' }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel('Résidence seniors').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(landlordUrl);
  await expect(page.getByText(/Résidence seniors/).first()).toBeVisible();

  await page.getByRole('link', { name: 'Ajouter un contact' }).click();
  await page.getByLabel(/Rôle/).selectOption({ label: 'Référent seniors' });
  await page.getByLabel(/^Nom/).fill(contact);
  await page.getByLabel('E-mail').fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.field__error').first()).toBeVisible();
  await expect(page.getByLabel(/^Nom/)).toHaveValue(contact);
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mail').fill('nadia.ferhat@exemple.fr');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('row', { name: new RegExp(contact) })).toBeVisible();

  await page.getByRole('link', { name: `Modifier ${contact}` }).click();
  await page.getByLabel('Téléphone').fill('03 20 11 22 33');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`${contact}.*03 20 11 22 33`) })).toBeVisible();

  await page.getByRole('link', { name: `Modifier ${contact}` }).click();
  await page.getByRole('button', { name: 'Supprimer ce contact' }).click();
  await page.getByRole('button', { name: `Confirmer la suppression de ${contact}` }).click();
  await expect(page).toHaveURL(landlordUrl);
  await expect(page.getByRole('row', { name: new RegExp(contact) })).toHaveCount(0);
});

test('the supply is filtered on a commune chosen from the official list, shown by its name', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'habitat@demo.demeure.fr', PASSWORD);
  await page.goto('/logements');
  await page.getByRole('searchbox', { name: 'Commune' }).fill('Lambersart');
  await page
    .getByRole('button', { name: /^Lambersart \(/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/communeInsee=59328/);
  await expect(page.getByText(/Commune choisie : Lambersart/)).toBeVisible();
  const communes = page
    .getByRole('table', { name: 'Logements correspondant aux filtres' })
    .locator('tbody td:nth-child(4)');
  await expect(communes.first()).toHaveText('Lambersart');
  await expectNoAxeViolations(page);
});
