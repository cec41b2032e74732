import type { Page } from '@playwright/test';
import { expect, test } from '#tests/e2e/support.ts';

const PASSWORD = 'Demeure-demo-2026';
const GRID = 'Visite à domicile : grille de qualification';

/** The app must be served by its service worker before the network goes, as on a tablet that opened it earlier. */
async function waitForOfflineShell(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The header says nothing about sending once the outbox is empty (not while a sync is still running). */
const expectEverythingSent = (page: Page) => expect(page.locator('.sync-status')).toBeEmpty({ timeout: 30_000 });

const group = (page: Page, name: string | RegExp) => page.getByRole('group', { name });

test('a referent fills the home-visit grid with no network, reloads, and the server gets every answer once', async ({
  page,
  context,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await waitForOfflineShell(page);

  // Before leaving: the file of the visit is prepared on the device.
  const personId = await openGridOfPreparedFile(page, 0);

  // In the kitchen, no network.
  await context.setOffline(true);
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }));
  await page.getByLabel(/Date de la visite/).fill(today);
  await group(page, /Visite en binôme/)
    .getByLabel('Oui')
    .check();
  await page.getByLabel(/Second visiteur/).fill('Mme Lefebvre, ergothérapeute');
  await page.getByRole('button', { name: 'Ajouter : Pièce' }).click();
  await group(page, /^Pièce/)
    .last()
    .getByRole('radio')
    .first()
    .check();
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/Enregistré sur cet appareil/)).toBeVisible();
  await expect(page.getByRole('link', { name: /1 enregistrement en attente d’envoi/ })).toBeVisible();
  await expect(page).toHaveURL(/\/formulaires\/[0-9a-f-]{36}$/);
  const responseId = page.url().split('/').pop()!;

  // A reload without network finds the app, the file and the answers kept on the device.
  await page.reload();
  await expect(page.getByLabel(/Second visiteur/)).toHaveValue('Mme Lefebvre, ergothérapeute');
  await expect(page.getByLabel(/Date de la visite/)).toHaveValue(today);
  await expect(page.getByText(/Hors ligne/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await group(page, /tombée dans les 12 derniers mois/)
    .getByLabel('Oui')
    .check();
  await page.getByLabel(/Nombre de chutes/).fill('2');
  await group(page, /Projet envisagé/)
    .getByRole('radio')
    .first()
    .check();
  await group(page, /hésitations ou des craintes/)
    .getByLabel('Non')
    .check();
  await page
    .getByLabel(/Synthèse de la qualification/)
    .fill('Salle de bain inadaptée ; souhaite rester près de son médecin.');
  await page.getByRole('button', { name: 'Valider le formulaire' }).click();
  await expect(page.getByRole('cell', { name: 'Sur cet appareil, en attente d’envoi' })).toBeVisible();

  // Back in range: the outbox empties by itself.
  await context.setOffline(false);
  await expectEverythingSent(page);

  const list = await page.request.get(`/api/people/${personId}/form-responses`);
  const mine = ((await list.json()) as { items: { id: string; templateTitle: string; status: string }[] }).items.filter(
    (r) => r.id === responseId,
  );
  expect(mine).toEqual([expect.objectContaining({ templateTitle: GRID, status: 'submitted' })]);
  const detail = await (await page.request.get(`/api/form-responses/${responseId}`)).json();
  expect(detail.answers).toMatchObject({
    date_visite: today,
    visite_binome: 'yes',
    second_visiteur: 'Mme Lefebvre, ergothérapeute',
    chute_recente: 'yes',
    nombre_chutes: 2,
    hesite: 'no',
    synthese: 'Salle de bain inadaptée ; souhaite rester près de son médecin.',
    pieces: [expect.objectContaining({ piece: expect.any(String) })],
  });

  // Signing out leaves nothing of the prepared file on the tablet.
  const keptRecords = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('demeure-offline');
          request.onerror = () => reject(new Error(String(request.error)));
          request.onsuccess = () => {
            const db = request.result;
            const stores = [...db.objectStoreNames].filter((n) => n !== 'meta');
            if (stores.length === 0) return resolve(0);
            const tx = db.transaction(stores);
            let total = 0;
            for (const store of stores)
              tx.objectStore(store).count().onsuccess = (e) => (total += (e.target as IDBRequest<number>).result);
            tx.oncomplete = () => resolve(total);
          };
        }),
    );
  expect(await keptRecords()).toBeGreaterThan(0);
  await page.goto('/hors-ligne');
  await expect(page.getByRole('table', { name: 'Dossiers consultables sans réseau' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL('**/connexion');
  expect(await keptRecords()).toBe(0);
});

/** Prepares on the device the file of one person of the referent's caseload (the n-th, or the one named). */
async function prepareFile(page: Page, choose: number | string): Promise<string> {
  await page.goto('/hors-ligne');
  const choices = page.getByRole('group', { name: 'Personnes de mon portefeuille' }).locator('label');
  const choice = typeof choose === 'number' ? choices.nth(choose) : choices.filter({ hasText: choose });
  const name = ((await choice.textContent()) ?? '').split(' — ')[0]!.trim();
  await choice.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Préparer les dossiers cochés' }).click();
  await expect(page.getByText('1 dossier prêt hors ligne.')).toBeVisible();
  const fileLink = page.getByRole('table', { name: 'Dossiers consultables sans réseau' }).getByRole('link', { name });
  return (await fileLink.getAttribute('href'))!.split('/').pop()!;
}

/** Prepares the n-th file of the referent's caseload and opens a new form of `template` for that person. */
async function openGridOfPreparedFile(page: Page, nth: number, template = GRID): Promise<string> {
  const personId = await prepareFile(page, nth);
  await page.goto(`/personnes/${personId}/formulaires`);
  await page.getByRole('region', { name: 'Remplir un formulaire' }).getByRole('link', { name: template }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(template) })).toBeVisible();
  return personId;
}

test('a change saved on the server while the tablet was offline is shown side by side, never overwritten', async ({
  page,
  context,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await waitForOfflineShell(page);
  await openGridOfPreparedFile(page, 1);
  await page.getByLabel(/Date de la visite/).fill('2026-11-02');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/^Brouillon enregistré à/)).toBeVisible();
  const responseId = page.url().split('/').pop()!;

  await context.setOffline(true);
  await page.getByLabel(/Date de la visite/).fill('2026-11-03');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/Enregistré sur cet appareil/)).toBeVisible();

  // Meanwhile a colleague at the office corrects the same draft.
  const stored = await (await page.request.get(`/api/form-responses/${responseId}`)).json();
  const colleague = await page.request.put(`/api/form-responses/${responseId}`, {
    data: { revision: stored.revision, answers: { date_visite: '2026-11-04' } },
  });
  expect(colleague.status()).toBe(200);

  await context.setOffline(false);
  await expect(page.getByRole('link', { name: /1 enregistrement à vérifier/ })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  const conflict = page.getByRole('region', { name: /Conflit/ });
  await expect(conflict.getByRole('row', { name: /Date de la visite/ })).toContainText('3 novembre 2026');
  await expect(conflict.getByRole('row', { name: /Date de la visite/ })).toContainText('4 novembre 2026');
  await expectNoAxeViolations(page);
  expect((await (await page.request.get(`/api/form-responses/${responseId}`)).json()).answers.date_visite).toBe(
    '2026-11-04',
  );

  await conflict.getByRole('button', { name: 'Garder mes réponses' }).click();
  await expectEverythingSent(page);
  expect((await (await page.request.get(`/api/form-responses/${responseId}`)).json()).answers.date_visite).toBe(
    '2026-11-03',
  );
});

test('a save whose answer was lost on the way is sent again and stored once', async ({ page, signIn }) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await waitForOfflineShell(page);
  const personId = await openGridOfPreparedFile(page, 2);

  // The server stores the first create, but its answer never reaches the tablet.
  let dropped = false;
  await page.route(`**/api/people/${personId}/form-responses`, async (route) => {
    if (route.request().method() !== 'POST' || dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByLabel(/Date de la visite/).fill('2026-11-05');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/Enregistré sur cet appareil/)).toBeVisible();
  expect(dropped).toBe(true);
  const responseId = page.url().split('/').pop()!;

  await page.goto('/hors-ligne');
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect(page.getByText('Rien n’attend : tout ce que vous avez enregistré est sur le serveur.')).toBeVisible();
  const list = await (await page.request.get(`/api/people/${personId}/form-responses`)).json();
  expect(list.items.filter((r: { id: string }) => r.id === responseId)).toHaveLength(1);
  const detail = await (await page.request.get(`/api/form-responses/${responseId}`)).json();
  expect(detail.answers.date_visite).toBe('2026-11-05');
});

test('a journal note typed with no network joins the pathway journal once the network is back', async ({
  page,
  context,
  signIn,
}) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await waitForOfflineShell(page);
  const mine = await (await page.request.get('/api/pathways?scope=mine')).json();
  await page.goto(`/parcours/${mine.items[0].id}`);
  await expect(page.getByRole('heading', { name: 'Ajouter une entrée' })).toBeVisible();

  await context.setOffline(true);
  const note = `Visite : la baignoire est devenue infranchissable (${Date.now()}).`;
  await page.getByLabel(/^Contenu/).fill(note);
  await page.getByRole('button', { name: 'Ajouter au journal' }).click();
  await expect(page.getByText(/Entrée gardée sur cet appareil/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Entrées en attente d’envoi' })).toContainText(note);

  await context.setOffline(false);
  await expect(page.getByRole('list', { name: 'Entrées en attente d’envoi' })).toHaveCount(0, { timeout: 30_000 });
  await page.reload();
  await expect(page.locator('.journal__body', { hasText: note })).toHaveCount(1);
});

test('a photo taken with no network is sent before the answers that name it', async ({ page, context, signIn }) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await waitForOfflineShell(page);
  const personId = await openGridOfPreparedFile(page, 4, 'L’Étape : évaluation de l’environnement au domicile');

  await context.setOffline(true);
  await page.getByLabel(/Date de la visite/).fill('2026-11-06');
  await page
    .getByRole('button', { name: /^Ajouter : / })
    .first()
    .click();
  await group(page, /^Pièce/)
    .last()
    .getByRole('radio')
    .first()
    .check();
  // A one-pixel PNG: the page turns it into a small JPEG before keeping it.
  const pixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  await page
    .getByLabel(/Photo de la pièce/)
    .setInputFiles({ name: 'cuisine.png', mimeType: 'image/png', buffer: pixel });
  await expect(page.getByRole('img', { name: /Photo de la pièce/ })).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByRole('link', { name: /2 enregistrements en attente d’envoi/ })).toBeVisible();
  const responseId = page.url().split('/').pop()!;

  await context.setOffline(false);
  await expectEverythingSent(page);
  const detail = await (await page.request.get(`/api/form-responses/${responseId}`)).json();
  expect(detail.personId).toBe(personId);
  const photoId = detail.answers.pieces[0].photo_piece as string;
  const photo = await page.request.get(`/api/attachments/${photoId}`);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/jpeg');
});

test('a prepared file read again online shows its latest state once the network is gone', async ({
  page,
  context,
  signIn,
}) => {
  await signIn(page, 'referente@demo.demeure.fr', PASSWORD);
  await waitForOfflineShell(page);
  const mine = await (await page.request.get('/api/pathways?scope=mine')).json();
  const { id: pathwayId, lastName } = mine.items[1] as { id: string; lastName: string };
  await prepareFile(page, lastName);

  // Written after the preparation, by a colleague or from another device.
  const note = `Appel de la fille : rendez-vous avec le bailleur pris (${Date.now()}).`;
  const written = await page.request.post(`/api/pathways/${pathwayId}/journal`, {
    data: { kind: 'phone_call', occurredAt: new Date().toISOString(), body: note },
  });
  expect(written.ok()).toBe(true);
  await page.goto(`/parcours/${pathwayId}`);
  await expect(page.locator('.journal__body', { hasText: note })).toHaveCount(1);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.journal__body', { hasText: note })).toHaveCount(1);
});
