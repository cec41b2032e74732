import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from '#tests/e2e/support.ts';

/**
 * Journeys 1 (from the choice of a transfer to the move) and 9 (the landlord's view) of the product
 * scenarios, walked in the browser by the referent, the landlord's staff and the person's answers. Each run
 * creates its own senior, so no other spec's state matters and runs in parallel stay independent.
 */

const PASSWORD = 'Demeure-demo-2026';

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return page;
}

/** A calendar date in Paris, some days from now, as a date field takes it. */
function inDays(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

async function moveTo(page: Page, stage: string, fill?: (page: Page) => Promise<void>) {
  await page.getByLabel('Nouvelle étape').selectOption({ label: stage });
  await fill?.(page);
  await page.getByRole('button', { name: 'Enregistrer le changement d’étape' }).click();
  await expect(page.getByRole('status').filter({ hasText: `est passé à l’étape « ${stage} »` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Étapes du parcours' }).locator('[aria-current="step"]')).toContainText(
    stage,
  );
}

/**
 * The referent's part before any offer: a new senior's file and pathway, qualified after a home visit, the
 * transfer chosen with her, and her social-housing application recorded from the pathway (a numéro unique of its own
 * for this run, ending with `tag`).
 */
async function seniorWithApplication(browser: Browser, firstName: string, tag: string) {
  const lastName = `Verhaeghe-${Date.now().toString(36)}`;
  const fullName = `${firstName} ${lastName}`;
  const sneNumber = `05926${Date.now().toString().slice(-10)}${tag}`;
  // 1. The referent opens the senior's file and pathway, and qualifies it after a home visit.
  const referent = await as(browser, 'referente@demo.demeure.fr');
  await referent.goto('/personnes/nouvelle');
  await referent.getByLabel('Civilité').selectOption({ label: 'Madame' });
  await referent.getByLabel('Prénom (obligatoire)').fill(firstName);
  await referent.getByLabel('Nom (obligatoire)', { exact: true }).fill(lastName);
  await referent.getByLabel('Date de naissance').fill('1944-03-12');
  await referent.getByRole('button', { name: 'Créer le dossier' }).click();
  // An earlier run's senior may look alike (same birth date, near name): she is not the same person.
  const notSame = referent.getByRole('button', { name: 'Ce n’est pas la même personne : créer' });
  const created = referent.getByRole('heading', { level: 1, name: `Dossier de ${fullName}` });
  await expect(notSame.or(created)).toBeVisible();
  if (await notSame.isVisible()) await notSame.click();
  await expect(referent.getByRole('heading', { level: 1, name: `Dossier de ${fullName}` })).toBeVisible();
  await referent.getByRole('link', { name: 'Ouvrir un parcours' }).click();
  await referent.getByLabel('Référent·e (obligatoire)').selectOption({ label: 'Claire Martin' });
  await referent.getByLabel('Canal d’entrée (obligatoire)').selectOption({ label: 'La personne elle-même' });
  await referent.getByRole('button', { name: 'Ouvrir le parcours' }).click();
  await expect(referent.getByRole('heading', { level: 1, name: `Parcours de ${fullName}` })).toBeVisible();
  await moveTo(referent, 'Qualification');
  const journal = referent.getByRole('region', { name: 'Journal' });
  await journal.getByLabel('Type').selectOption({ label: 'Visite à domicile' });
  await journal
    .getByLabel('Contenu')
    .fill('Visite à domicile : 2e étage sans ascenseur, elle ne monte plus les escaliers qu’avec peine.');
  await journal.getByRole('button', { name: 'Ajouter au journal' }).click();
  await expect(journal.getByRole('paragraph').filter({ hasText: '2e étage sans ascenseur' })).toBeVisible();
  await expect(journal.getByRole('list', { name: 'Entrées en attente d’envoi' })).toHaveCount(0);
  await referent
    .getByLabel('Synthèse de la qualification')
    .fill('Escaliers impossibles ; souhaite rester près de son médecin.');
  await referent.getByRole('button', { name: 'Enregistrer la synthèse' }).click();
  await expect(referent.getByText('Enregistré.').first()).toBeVisible();
  // No collective review needed for her: the referent goes straight to the choice, saying why.
  await moveTo(referent, 'Co-construction de la solution', (page) =>
    page.getByLabel('Motif').fill('Situation simple, vue en binôme avec le service habitat.'),
  );

  // 2. She chooses the transfer in social housing; the referent records her application, mirrored from the pathway.
  const options = referent.getByRole('region', { name: 'Solutions envisagées' });
  await options.getByLabel('Type de solution').selectOption({ label: 'Mutation dans le parc social' });
  await options.getByLabel('Description (obligatoire)').fill('T2 de plain-pied ou avec ascenseur, près du Bourg');
  await options.getByLabel('Position de la personne').selectOption({ label: 'Favorable' });
  await options.getByLabel('Rester près de son médecin').check();
  await options.getByRole('button', { name: 'Ajouter la solution' }).click();
  await referent.getByRole('button', { name: 'La personne choisit : Mutation dans le parc social' }).click();
  await expect(referent.getByText(/Choisie par la personne le/)).toBeVisible();
  await expectNoAxeViolations(referent);

  await referent.getByRole('link', { name: 'Demandes de logement social' }).click();
  await referent.getByRole('link', { name: /Nouvelle demande|Enregistrer une demande/ }).click();
  await referent.getByLabel('Numéro unique (obligatoire)').fill(sneNumber);
  await referent.getByLabel('Date du premier dépôt (obligatoire)').fill(inDays(-120));
  await referent.getByLabel('Demande de mutation (la personne est déjà locataire du parc social)').check();
  await referent.getByLabel('Lomme (59355)').check();
  await referent.getByRole('checkbox', { name: 'T2', exact: true }).check();
  await referent.getByLabel('Budget maximum, loyer + charges (€ par mois)').fill('550');
  await referent.getByLabel('Nombre de marches que la personne peut monter').fill('2');
  await referent.getByLabel('Près du médecin').selectOption('5');
  await referent.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(
    referent.getByRole('heading', { level: 1, name: `Demande de logement social de ${fullName}` }),
  ).toBeVisible();
  await expectNoAxeViolations(referent);
  return { referent, fullName, sneNumber };
}

test('journey 1: from the choice of a transfer, a refused offer and an accepted one, to the move and closure', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { referent, fullName, sneNumber } = await seniorWithApplication(browser, 'Odette', 'J1A');

  // 3. The landlord offers one of their units, picked by programme, commune or typology, to the numéro unique.
  const landlord = await as(browser, 'bailleur@demo.demeure.fr');
  const firstOffer = await offerUnit(landlord, sneNumber, 0);
  await landlord.getByLabel('Date de la visite').fill(inDays(0));
  await landlord.getByRole('button', { name: 'Enregistrer la visite' }).click();
  await expect(landlord.getByText('Visitée').first()).toBeVisible();
  await decide(landlord);

  // 4. She refuses the first offer: too far from her doctor, coded, with what would have made her accept.
  await referent.goto(firstOffer);
  await expect(referent.getByRole('heading', { name: 'Réponse de la personne' })).toBeVisible();
  await referent.getByLabel('Réponse', { exact: true }).selectOption({ label: 'Refuse' });
  await referent
    .getByLabel(/Motif principal/)
    .selectOption({ label: 'Trop loin du médecin, de la pharmacie, des soins' });
  await referent.getByRole('checkbox', { name: 'Arrêt de bus/métro trop loin ou non accessible' }).check();
  await referent.getByLabel(/Les mots de la personne/).fill('Je ne pourrais plus aller chez mon médecin à pied.');
  await referent.getByLabel('Aurait accepté si… (élément)').selectOption({ label: 'Distance au médecin' });
  await referent.getByLabel(/Valeur attendue/).fill('10 minutes à pied');
  await referent.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await expect(referent.getByRole('heading', { name: 'Le logement refusé, tel qu’il était proposé' })).toBeVisible();
  await expect(referent.getByText('Distance au médecin').first()).toBeVisible();
  await expectNoAxeViolations(referent);

  // 5. A second offer; the committee attributes it; she accepts: the pathway moves to implementation.
  const secondOffer = await offerUnit(landlord, sneNumber, 1);
  await decide(landlord);
  await referent.goto(secondOffer);
  await referent.getByLabel('Réponse', { exact: true }).selectOption({ label: 'Accepte' });
  await referent.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await expect(referent.getByRole('heading', { name: 'Bail et emménagement' })).toBeVisible();
  await referent.getByLabel('Date de signature du bail').fill(inDays(0));
  await referent.getByRole('button', { name: 'Enregistrer l’emménagement' }).click();
  await expect(referent.getByText('Emménagement fait').first()).toBeVisible();
  await expectNoAxeViolations(referent);

  // 6. The move puts the pathway in aftercare; it closes with the outcome "transfer".
  await referent.goto('/parcours');
  await referent.getByRole('link', { name: fullName, exact: true }).click();
  const current = referent.getByRole('list', { name: 'Étapes du parcours' }).locator('[aria-current="step"]');
  await expect(current).toContainText('Accompagnement post');
  await moveTo(referent, 'Clôture', async (page) => {
    await page.getByLabel('Résultat du parcours').selectOption({ label: 'Mutation réalisée' });
    await page.getByLabel('Motif de clôture').selectOption({ label: 'Solution mise en place' });
  });
  await expect(referent.getByRole('table', { name: 'Historique des étapes' })).toContainText('Mise en œuvre');
  await referent.context().close();

  // 7. The refusal reaches the landlord's report, coded and anonymous.
  await landlord.goto('/propositions/rapport');
  const reasons = landlord.getByRole('figure', { name: 'Refus par motif' });
  await reasons.getByRole('button', { name: 'Tableau' }).click();
  await expect(reasons.getByRole('row', { name: /LOC\.TRANSPORT/ })).toBeVisible();
  await expect(landlord.getByText('Je ne pourrais plus aller chez mon médecin')).toHaveCount(0);
  await expectNoAxeViolations(landlord);
  await landlord.context().close();
});

/** The landlord's new-offer form: the unit picked from the list, the `index`-th of their units in Lomme. */
async function offerUnit(page: Page, sneNumber: string, index: number): Promise<string> {
  await page.goto('/propositions');
  await page.getByLabel('Numéro unique de la demande').fill(sneNumber);
  await page.getByLabel('Rechercher un logement').fill('Lomme');
  await expect(page.getByRole('status').filter({ hasText: /logements? dans la liste|correspondent/ })).toBeVisible();
  // The first option asks to choose; the units follow.
  const picker = page.getByLabel('Logement proposé');
  await expect(picker.locator('option').nth(index + 1)).toBeAttached();
  await picker.selectOption({ index: index + 1 });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Enregistrer la proposition' }).click();
  await expect(page.getByText('Proposition enregistrée.')).toBeVisible();
  return new URL(page.url()).pathname;
}

/** The allocation committee attributes the unit, rank 1, notified today: the answer delay starts. */
async function decide(page: Page) {
  await page.getByLabel('Décision', { exact: true }).selectOption({ label: 'Attribution' });
  await page.getByLabel('Date de notification à la personne').fill(inDays(0));
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(page.getByText('Attribuée en commission').first()).toBeVisible();
}

test('journey 9: a landlord signals a tenant, sees only their own supply and offers, offers a unit and reads their report', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // A landlord no other spec acts for, so their offers and report are this journey's own.
  const landlord = await as(browser, 'bailleur-07@demo.demeure.fr');

  // 1. An ageing tenant who struggles: the landlord's staff signal her to the CCAS.
  await landlord.locator('#contenu').getByRole('link', { name: 'Signaler une situation' }).click();
  await landlord.getByLabel('Canal d’entrée (obligatoire)').selectOption({ label: 'Bailleur social' });
  await landlord.getByLabel('Prénom').fill('Simone');
  await landlord.getByLabel('Nom (obligatoire)').fill(`Carpentier-${Date.now().toString(36)}`);
  await landlord.getByLabel('Âge approximatif').fill('86');
  await landlord
    .getByLabel('Description de la situation (obligatoire)')
    .fill('Locataire au 4e sans ascenseur, chutes.');
  await landlord.getByLabel('Escaliers, étage sans ascenseur').check();
  await landlord.getByLabel('Urgence (obligatoire)').selectOption({ label: 'Élevée' });
  await landlord.getByLabel('Consentement de la personne (obligatoire)').selectOption({
    label: 'La personne est d’accord',
  });
  await landlord.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(landlord.getByText(/Le signalement a été enregistré/)).toBeVisible();

  // 2. Their own supply only, each unit's level explained, and the demand for it as anonymous counts.
  await landlord.goto('/logements');
  await expect(landlord.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(landlord);
  await landlord.getByRole('table').getByRole('link').first().click();
  await expect(landlord.getByRole('heading', { name: /Pourquoi ce niveau/ })).toBeVisible();
  const unitPage = new URL(landlord.url()).pathname;
  await landlord.goto(`${unitPage}/demande`);
  await expect(landlord.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(landlord.locator('main a[href^="/personnes/"]')).toHaveCount(0);

  // 3. An offer to the application the CCAS names by its numéro unique; the committee's decision.
  const { referent, sneNumber } = await seniorWithApplication(browser, 'Jeanne', 'J9A');
  await referent.context().close();
  const offerPage = await offerUnit(landlord, sneNumber, 0);
  await decide(landlord);
  await landlord.goto('/propositions');
  await expect(landlord.getByRole('row').filter({ hasText: sneNumber })).toHaveCount(1);
  await expectNoAxeViolations(landlord);

  // 4. Their refusal report: anonymous figures, the smallest withheld, never an empty chart.
  await landlord.goto('/propositions/rapport');
  await expect(landlord.getByRole('heading', { name: 'En bref' })).toBeVisible();
  await expect(landlord.getByText(/Les effectifs sont trop petits pour être montrés/).first()).toBeVisible();
  await expect(landlord.getByRole('combobox', { name: 'Bailleur' })).toHaveCount(0);
  await expectNoAxeViolations(landlord);
  await landlord.context().close();

  // 5. Another landlord asking for this offer or this unit finds nothing there.
  const other = await as(browser, 'bailleur-08@demo.demeure.fr');
  for (const path of [offerPage, unitPage]) {
    await other.goto(path);
    await expect(other.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  }
  await other.context().close();
});
