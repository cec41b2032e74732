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

test('the documentalist imports a product file with a bad line: nothing is imported and the report names the line and column', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'documentation@demo.demeure.fr', PASSWORD);
  await page.goto('/catalogue/produits/nouveau');
  await page.getByRole('link', { name: 'Importer des produits depuis un fichier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des produits' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger le modèle (CSV)' })).toHaveAttribute(
    'href',
    '/api/catalogue/product-imports/template.csv',
  );
  await expect(page.getByRole('table', { name: 'Colonnes attendues, dans l’ordre du modèle' })).toBeVisible();
  await expectNoAxeViolations(page);

  const csv =
    'nom;code ISO principal;prix moyen (€);date du prix;source du prix\n' +
    'Enfile-bas importé;09 09 03;19,90;01/10/2026;relevé 2026\n' +
    'Enfile-bouton importé;09 09 03;12,50;;relevé 2026\n';
  await page.getByLabel('Fichier (CSV ou XLSX, 512 Ko au plus)').setInputFiles({
    name: 'produits.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(
    page.getByText('Une ligne est en erreur : rien n’a été importé. Corrigez-la puis réessayez.'),
  ).toBeVisible();
  const report = page.getByRole('table', { name: 'Résultat ligne par ligne' });
  await expect(report.getByRole('row', { name: /^2 Enfile-bas importé/ })).toContainText('Correcte');
  await expect(
    report.getByRole('row', { name: '3 Enfile-bouton importé date du prix Indiquez la date du prix moyen.' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // All or nothing: the good line was not imported either.
  await page.goto('/catalogue');
  await page.getByLabel('Mots recherchés').fill('enfile-bas importé');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page.getByRole('link', { name: /Enfile-bas importé/ })).toHaveCount(0);
});

test('a showroom item changed meanwhile by someone else is not overwritten, and what was typed stays', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'documentation@demo.demeure.fr', PASSWORD);
  await page.goto('/showroom');
  const inventory = page.getByRole('table', { name: 'Objets du show-room et de l’unité mobile' });
  const editButton = inventory.getByRole('button', { name: /^Modifier l’objet / }).first();
  const name = (await editButton.textContent())!.replace('Modifier l’objet ', '');
  await editButton.click();
  const form = page.getByRole('form', { name: `Modifier l’objet « ${name} »` });
  await expect(form.getByRole('heading', { level: 3 })).toBeFocused();
  await form.getByLabel('État').selectOption({ label: 'En réparation' });
  await form.getByLabel('Remarque').fill('Télécommande à remplacer');
  await expectNoAxeViolations(page);

  // Someone else saves the same item first.
  type Items = { items: { id: string; productName: string; revision: string; [field: string]: unknown }[] };
  const showroom = (await (await page.request.get('/api/catalogue/showroom')).json()) as Items;
  const item = showroom.items.find((i) => i.productName === name)!;
  const { id, revision, productId, location, ownership, loanAgreementId, state, serialNumber } = item;
  const other = await page.request.put(`/api/catalogue/showroom/items/${id}`, {
    data: { productId, location, ownership, loanAgreementId, state, serialNumber, note: 'Vérifié', revision },
  });
  expect(other.status()).toBe(204);

  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    form.getByText('Cet objet a été modifié entre-temps : rechargez la page, puis refaites vos changements.'),
  ).toBeVisible();
  await expect(form.getByLabel('Remarque')).toHaveValue('Télécommande à remplacer');
  await expect(form.getByLabel('État')).toHaveValue('under_repair');
  await expectNoAxeViolations(page);

  await page.reload();
  await inventory
    .getByRole('button', { name: `Modifier l’objet ${name}` })
    .first()
    .click();
  const again = page.getByRole('form', { name: `Modifier l’objet « ${name} »` });
  await expect(again.getByLabel('Remarque')).toHaveValue('Vérifié');
  await again.getByLabel('Remarque').fill('Télécommande à remplacer');
  await again.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Objet enregistré.')).toBeVisible();
  await expect(inventory.getByRole('row', { name: new RegExp(name) }).first()).toContainText(
    'Télécommande à remplacer',
  );
});
