import { serve } from '@hono/node-server';
import { freePort } from '#tests/fixtures/net.ts';
import { loadConfig } from '#src/shared/config.ts';
import { openDatabase, type Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createLogger } from '#src/shared/log.ts';
import { createMailer } from '#src/shared/mail.ts';
import { insertCatalogueRows, sendLoanAgreementReminders } from '#src/modules/catalogue/index.ts';
import { createApp } from '#src/app/create-app.ts';
import { expect, test as base } from '#tests/e2e/support.ts';
import { createOrganization, createUser, createWorkspace, TEST_PASSWORD } from '#tests/fixtures/factories.ts';

/**
 * Journey 4 (Lattes): a manufacturer lends a stair-lift to the showroom for twelve months. The reminder job
 * runs at dates the shared demo server cannot reach, so this journey has its own server in the test
 * process, on its own in-memory database: the test calls the job at the reminder day, as the daily queue
 * would, and the browser reads the notification it left.
 */
type Journey = { origin: string; database: Database; email: string; close: () => Promise<void> };

async function startJourney(): Promise<Journey> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const database = await openDatabase({ kind: 'pglite', dir: 'memory://' });
  await database.migrate();
  const db = database.db;
  const workspaceId = await createWorkspace(db, { name: 'CCAS de Lattes' });
  const ccas = await createOrganization(db, workspaceId, { kind: 'ccas', name: 'CCAS de Lattes' });
  await createOrganization(db, workspaceId, { kind: 'company', name: 'Ascenseurs Méridien' });
  const { email } = await createUser(db, { workspaceId, organizationId: ccas, role: 'documentation' });
  const product = (name: string, code: string) => ({
    workspaceId,
    id: newId(),
    name,
    primaryIsoCode: code,
    isoEdition: '2022',
  });
  const stairLift = product('Monte-escalier droit Méridien S1', '183010');
  const grabBar = product('Barre d’appui coudée 135°', '181806');
  await insertCatalogueRows(db, {
    isoCodes: ['1830', '183010', '1818', '181806'].map((code) => ({
      workspaceId,
      id: newId(),
      code,
      edition: '2022',
      label: code.length === 4 ? 'Accessibilité' : 'Équipement',
    })),
    products: [stairLift, grabBar],
    // The showroom already owns a grab bar: the inventory will show owned and loaned items side by side.
    showroomItems: [
      {
        workspaceId,
        id: newId(),
        productId: grabBar.id,
        location: 'showroom',
        ownership: 'owned',
        state: 'good',
      },
    ],
  });

  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: origin,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    SIGN_IN_RATE_LIMIT: '1000',
  });
  const mailer = createMailer(config.smtp);
  const { app } = createApp(
    { config, database, mailer, log: createLogger('silent') },
    { authSecret: 'journey-secret-journey-secret-0123456789' },
  );
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  return {
    origin,
    database,
    email,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      mailer.close();
      await database.close();
    },
  };
}

const test = base.extend<object, { journey: Journey }>({
  journey: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
    async ({}, use) => {
      const journey = await startJourney();
      await use(journey);
      await journey.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ journey }, use) => {
    await use(journey.origin);
  },
});

/** A calendar day in Paris, `offset` days from `from`. */
const parisDay = (from: Date, offset = 0) =>
  new Date(from.getTime() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

test('a manufacturer lends a stair-lift for twelve months: agreement, loaned item, and the reminder 30 days before the end', async ({
  page,
  signIn,
  expectNoAxeViolations,
  journey,
}) => {
  const startsOn = parisDay(new Date());
  const [year, month, day] = startsOn.split('-');
  const endsOn = `${Number(year) + 1}-${month}-${day === '29' && month === '02' ? '28' : day}`;
  const title = 'Prêt d’un monte-escalier pour le show-room';

  await signIn(page, journey.email, TEST_PASSWORD);
  await page.goto('/showroom');
  await expect(page.getByRole('heading', { level: 1, name: 'Show-room, unité mobile et prêts' })).toBeVisible();
  await expect(page.getByText('1 en propriété · 0 mis à disposition')).toBeVisible();
  await expectNoAxeViolations(page);

  // The loan agreement, twelve months from today.
  const agreementForm = page.getByRole('form', { name: 'Ajouter une convention' });
  await agreementForm.getByLabel('Fabricant ou partenaire').selectOption({ label: 'Ascenseurs Méridien' });
  await agreementForm.getByLabel('Objet de la convention').fill(title);
  await agreementForm.getByLabel(/^Début/).fill(startsOn);
  await agreementForm.getByLabel(/^Fin/).fill(endsOn);
  await expect(agreementForm.getByLabel('Rappel (jours avant la fin)')).toHaveValue('30');
  await agreementForm.getByLabel('Conditions').fill('Prêt gratuit, assurance à la charge du fabricant.');
  await agreementForm.getByRole('button', { name: 'Enregistrer' }).click();
  const agreements = page.getByRole('table', { name: 'Conventions de mise à disposition, par date de fin' });
  const agreementRow = agreements.getByRole('row', { name: new RegExp(title) });
  await expect(agreementRow).toContainText('Ascenseurs Méridien');
  await expect(agreementRow).toContainText(/Dans 36[56] jour\(s\)/);
  // Twelve months ahead: nothing to renew yet.
  await expect(page.getByText('Aucune convention à renouveler.')).toBeVisible();

  // The loaned stair-lift, attached to its agreement.
  const itemForm = page.getByRole('form', { name: 'Ajouter un objet' });
  await itemForm.getByLabel('Produit (rechercher par nom)').fill('monte-escalier');
  const productChoice = itemForm.getByRole('combobox', { name: 'Produit (obligatoire)' });
  await expect(productChoice.getByRole('option', { name: /Monte-escalier droit Méridien S1/ })).toBeAttached();
  await productChoice.selectOption({ label: 'Monte-escalier droit Méridien S1 (18 30 10)' });
  await itemForm.getByLabel('Statut').selectOption({ label: 'Mis à disposition' });
  await itemForm.getByLabel('Convention').selectOption({ label: title });
  await itemForm.getByLabel('État').selectOption({ label: 'Neuf' });
  await itemForm.getByLabel('Numéro de série').fill('MER-S1-0042');
  await itemForm.getByRole('button', { name: 'Enregistrer' }).click();

  // The inventory tells owned from loaned items.
  const inventory = page.getByRole('table', { name: 'Objets du show-room et de l’unité mobile' });
  const loaned = inventory.getByRole('row', { name: /Monte-escalier droit Méridien S1/ });
  await expect(loaned).toContainText('Mis à disposition');
  await expect(loaned).toContainText(title);
  await expect(loaned).toContainText('MER-S1-0042');
  await expect(inventory.getByRole('row', { name: /Barre d’appui coudée/ })).toContainText('Propriété du service');
  await expect(page.getByText('1 en propriété · 1 mis à disposition')).toBeVisible();
  await expect(agreementRow.getByRole('cell', { name: '1', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The daily job, on the eve of the reminder date and on the day itself (30 days before the end, 05:30 UTC).
  const reminderDay = new Date(`${endsOn}T05:30:00Z`);
  reminderDay.setUTCDate(reminderDay.getUTCDate() - 30);
  const eve = new Date(reminderDay.getTime() - 86_400_000);
  expect(await sendLoanAgreementReminders(journey.database.db, eve)).toEqual({ sent: 0 });
  expect(await sendLoanAgreementReminders(journey.database.db, reminderDay)).toEqual({ sent: 1 });
  // Once only.
  expect(await sendLoanAgreementReminders(journey.database.db, reminderDay)).toEqual({ sent: 0 });

  await page.goto('/notifications');
  const reminder = page.getByRole('heading', { level: 2, name: `Convention de prêt à renouveler : ${title}` });
  await expect(reminder).toBeVisible();
  const [endYear, endMonth, endDay] = endsOn.split('-');
  await expect(
    page.getByText(`La convention avec Ascenseurs Méridien prend fin le ${endDay}/${endMonth}/${endYear}.`),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
