import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pdfText } from '#src/shared/pdf/pdf-text.ts';
import { expect, expectNoAxeViolations, signIn, test } from '#tests/e2e/support.ts';

/**
 * Journey 3 of the product scenarios, up to the printed sheet: a senior walks in, the occupational
 * therapist has him try a bath board and grab bars, records both trials, builds the recommendation
 * sheet from his pathway, hands it over and downloads the PDF. Each run brings its own senior and
 * products (names ending with the run's tag), so earlier runs and other specs do not matter.
 */

const PASSWORD = 'Demeure-demo-2026';

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

async function recordTrial(page: Page, personId: string, pathwayId: string, product: string) {
  await page.goto(`/essais/nouveau?personne=${personId}&parcours=${pathwayId}`);
  await page.getByLabel('Rechercher un produit du catalogue').fill(product);
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await page.getByLabel(new RegExp(product)).check();
  await page.getByLabel('Cadre de l’essai').selectOption({ label: 'Showroom' });
  await page.getByLabel('Résultat', { exact: true }).selectOption({ label: 'Adapté' });
  await page.getByRole('button', { name: 'Enregistrer un essai' }).click();
  await expect(page.getByText('L’essai est enregistré.')).toBeVisible();
}

test('journey 3: trials of a bath board and grab bars, the recommendation sheet handed over and printed', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const tag = Date.now().toString(36);
  const board = `Planche de bain ${tag}`;
  const bars = `Barre d’appui coudée ${tag}`;
  await signIn(page, 'ergo@demo.demeure.fr', PASSWORD);

  // The setting: two catalogue products, the senior's file and his walk-in pathway (written through the API).
  const me = await (await page.request.get('/api/me')).json();
  const organizationId: string = me.memberships[0].organizationId;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  // Products are classified on the workspace's licensed ISO list: the two divisions are imported if missing.
  const isoList = (await (await page.request.get('/api/catalogue/iso-codes')).json()) as {
    imported: { code: string }[];
  };
  const missing = [
    ['093303', 'Planches de bain'],
    ['181803', 'Barres d’appui'],
  ].filter(([code]) => !isoList.imported.some((c) => c.code === code));
  if (missing.length > 0) {
    const csv = ['code;libellé', ...missing.map((row) => row.join(';'))].join('\n');
    await post(page, '/api/catalogue/iso-codes/import', {
      fileName: 'iso.csv',
      content: Buffer.from(csv).toString('base64'),
    });
  }
  for (const [name, iso, cents] of [
    [board, '093303', 4590],
    [bars, '181803', 3900],
  ] as const) {
    await post(page, '/api/catalogue/products', {
      name,
      primaryIsoCode: iso,
      averagePriceCents: cents,
      priceDate: today,
      priceSource: 'relevé des distributeurs',
    });
  }
  const person = await post<{ id: string }>(page, '/api/people', {
    firstName: 'Marcel',
    lastName: `Garcia-${tag}`,
    birthDate: '1941-11-02',
    allowDuplicate: true,
  });
  const pathway = await post<{ id: string }>(page, '/api/pathways', {
    personId: person.id,
    owningOrganizationId: organizationId,
    referentUserId: me.user.id,
    channel: 'self',
  });

  // 1. The trials, recorded in the browser.
  await recordTrial(page, person.id, pathway.id, board);
  await recordTrial(page, person.id, pathway.id, bars);

  // 2. The sheet, from the pathway.
  await page.goto(`/parcours/${pathway.id}`);
  await page.getByRole('link', { name: 'Fiche de préconisations' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Fiche de préconisations — Marcel Garcia-${tag}` }),
  ).toBeVisible();
  const situation = page.getByLabel('Situation en bref');
  await expect(situation).toHaveValue(/\d+ ans/);
  await situation.fill('Vit seul ; ne peut plus enjamber la baignoire sans aide.');

  await page.getByRole('button', { name: 'Ajouter une rubrique' }).click();
  const first = page.getByRole('group', { name: /^Rubrique 1/ });
  await first.getByLabel('Activité ou pièce').selectOption({ label: 'Se laver' });
  await first.getByLabel(/Chercher un produit du catalogue/).fill(board);
  await first.getByRole('button', { name: 'Chercher' }).click();
  await first.getByRole('button', { name: `Ajouter ${board}` }).click();
  await first.getByLabel(`Pourquoi, réglages — ${board}`).fill('Largeur adaptée à la baignoire.');

  await page.getByRole('button', { name: 'Ajouter une rubrique' }).click();
  const second = page.getByRole('group', { name: /^Rubrique 2/ });
  await second.getByLabel('Activité ou pièce').selectOption({ label: 'Se transférer' });
  await second.getByLabel(/Chercher un produit du catalogue/).fill(bars);
  await second.getByLabel(/Chercher un produit du catalogue/).press('Enter');
  await second.getByRole('button', { name: `Ajouter ${bars}` }).click();

  // Reordering with the keyboard only: focus stays on the moved group.
  await page.getByRole('button', { name: 'Descendre la rubrique Se laver' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Rubrique 1 : Se transférer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Monter la rubrique Se laver' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Rubrique 1 : Se laver' })).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter des travaux' }).click();
  await page.getByLabel('Travaux à réaliser').fill('Remplacer la baignoire par une douche de plain-pied');
  await page.getByLabel('Pourquoi', { exact: true }).fill('Supprimer l’enjambement');
  // Funding leads: no plan on this pathway yet, so the aids come from a simulation on his file.
  const mpa = page
    .getByRole('list', { name: /^Simulation sur le dossier du / })
    .getByRole('listitem')
    .filter({ hasText: /^MaPrimeAdapt.* — Anah/ });
  await expect(mpa).toContainText('À vérifier');
  await mpa.getByRole('button', { name: /Ajouter aux pistes : MaPrimeAdapt/ }).click();
  await expect(mpa).toContainText('Retenue');
  await expect(page.getByRole('button', { name: /Retirer MaPrimeAdapt/ })).toBeVisible();
  await page.getByLabel(/Précisions — MaPrimeAdapt/).fill('Pour la douche de plain-pied.');
  await page.getByLabel('Autres pistes de financement').fill('Complémentaire santé pour la planche de bain.');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText('Brouillon enregistré.')).toBeVisible();
  // Saved, each line shows the person's trial of the product.
  await expect(
    page.getByRole('group', { name: 'Rubrique 1 : Se laver' }).getByText(/Essai du .* : Adapté/),
  ).toBeVisible();
  await expect(page.getByLabel(/Précisions — MaPrimeAdapt/)).toHaveValue('Pour la douche de plain-pied.');
  await expectNoAxeViolations(page);

  // 3. Handed over, then printed.
  await page.getByRole('button', { name: 'Remettre la fiche (nouvelle version)' }).click();
  await expect(page.getByText('Version 1 remise.')).toBeVisible();
  const versions = page.getByRole('table', { name: 'Versions remises, la plus récente en premier' });
  await expect(versions.getByRole('row')).toHaveCount(2);
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    versions.getByRole('link', { name: 'Télécharger le PDF de la version 1' }).click(),
  ]);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  expect(text).toContain(board);
  expect(text).toContain(bars);
  expect(text).toContain('Fiche de préconisations');
  expect(text).toMatch(/Essai du .* : Adapté/);
  expect(text).toMatch(/MaPrimeAdapt.* Anah À vérifier/);
  expect(text).toContain('Pour la douche de plain-pied.');
  expect(text).toContain('Complémentaire santé pour la planche de bain.');
});
