import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from '#tests/e2e/support.ts';

/**
 * Journey 1 of the product scenarios, up to the person's choice of a solution (the housing part
 * follows with the housing module): a home-help agent flags Mme Duval, reception triages her into a
 * pathway, the referent qualifies it after a home visit in pairs, a collective case review discusses
 * it, and she chooses a transfer in social housing over adapting her flat.
 */

const PASSWORD = 'Demeure-demo-2026';

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return page;
}

test('from a home-help alert to the choice of a solution', async ({ browser }) => {
  test.setTimeout(240_000);

  // 1. The home-help agent raises the alert from her narrow view.
  const homeHelp = await as(browser, 'aide-domicile@demo.demeure.fr');
  await homeHelp.locator('#contenu').getByRole('link', { name: 'Signaler une situation' }).click();
  await expect(homeHelp.getByRole('heading', { level: 1, name: 'Signaler une situation' })).toBeVisible();
  await homeHelp.getByLabel('Nom (obligatoire)').fill('Duval');
  await homeHelp.getByLabel('Prénom').fill('Germaine');
  await homeHelp.getByLabel('Âge approximatif').fill('82');
  await homeHelp.getByRole('searchbox', { name: 'Commune' }).fill('Lomme');
  await homeHelp.getByRole('button', { name: 'Lomme (59) — commune associée de Lille' }).click();
  const description = 'Au 3e étage sans ascenseur, elle ne peut plus enjamber sa baignoire.';
  await homeHelp.getByLabel('Description de la situation (obligatoire)').fill(description);
  await homeHelp.getByLabel('Salle de bain, baignoire').check();
  await homeHelp.getByLabel('Escaliers, étage sans ascenseur').check();
  await homeHelp.getByLabel('Urgence (obligatoire)').selectOption({ label: 'Élevée' });
  await homeHelp.getByLabel('Consentement de la personne (obligatoire)').selectOption({
    label: 'La personne est d’accord',
  });
  // No channel: the message stands next to the field and nothing typed is lost.
  await homeHelp.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(homeHelp.getByText('Choisissez le canal par lequel la situation est arrivée.').first()).toBeVisible();
  await expect(homeHelp.getByLabel('Description de la situation (obligatoire)')).toHaveValue(description);
  await expectNoAxeViolations(homeHelp);
  await homeHelp
    .getByLabel('Canal d’entrée (obligatoire)')
    .selectOption({ label: 'Alerte d’un agent d’aide ou de soins à domicile (SAAD/SIAD)' });
  await homeHelp.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(homeHelp.getByText(/Le signalement a été enregistré/)).toBeVisible();
  await homeHelp.goto('/signalements');
  await expect(homeHelp.getByRole('heading', { level: 1, name: 'Mes signalements' })).toBeVisible();
  await expect(homeHelp.getByRole('row').filter({ hasText: 'Duval' })).toHaveCount(1);
  await expectNoAxeViolations(homeHelp);
  await homeHelp.context().close();

  // 2. Reception triages it into a pathway, linked to her existing file, with Claire Martin as referent.
  const reception = await as(browser, 'accueil@demo.demeure.fr');
  await reception.goto('/signalements');
  await expect(reception.getByRole('heading', { level: 1, name: 'Signalements à trier' })).toBeVisible();
  await expectNoAxeViolations(reception);
  await reception.getByRole('row').filter({ hasText: 'Duval' }).getByRole('link').first().click();
  await expect(reception.getByRole('heading', { level: 2, name: 'Trier le signalement' })).toBeVisible();
  await reception
    .getByLabel('Référente ou référent du parcours')
    .selectOption({ label: 'Claire Martin (CCAS du Val-de-Lys)' });
  await reception.getByLabel('Organisation qui porte le parcours').selectOption({ label: 'CCAS du Val-de-Lys' });
  // The identity sketched by the agent matches the file reception already holds: it is offered, not duplicated.
  await reception.getByRole('button', { name: 'Accepter et ouvrir le parcours' }).click();
  await expect(reception.getByText('Des dossiers ressemblants existent déjà.', { exact: false })).toBeVisible();
  await reception.getByRole('button', { name: /Rattacher à Germaine Duval/ }).click();
  await expectNoAxeViolations(reception);
  await reception.getByRole('button', { name: 'Accepter et ouvrir le parcours' }).click();
  await expect(reception.getByText('Le signalement est accepté : le parcours est ouvert.')).toBeVisible();
  await reception.context().close();

  // 3. The referent qualifies the request after a home visit with the city housing officer.
  const referent = await as(browser, 'referente@demo.demeure.fr');
  await referent.goto('/parcours');
  await expectNoAxeViolations(referent);
  await referent.getByRole('link', { name: 'Germaine Duval', exact: true }).click();
  await expect(referent.getByRole('heading', { level: 1, name: 'Parcours de Germaine Duval' })).toBeVisible();
  await expectNoAxeViolations(referent);
  await moveTo(referent, 'Qualification');

  // Leaving qualification without the summary and the visit is refused, naming what is missing.
  await referent.getByLabel('Nouvelle étape').selectOption({ label: 'Synthèse collective' });
  await referent.getByRole('button', { name: 'Enregistrer le changement d’étape' }).click();
  await expect(referent.getByText(/Pour quitter l’étape « Qualification », renseignez/).first()).toBeVisible();

  const journal = referent.getByRole('region', { name: 'Journal' });
  await journal.getByLabel('Type').selectOption({ label: 'Visite à domicile' });
  await journal.getByLabel('Second intervenant (visite en binôme)').selectOption({ label: 'Julien Roussel' });
  await journal
    .getByLabel('Contenu')
    .fill(
      'Visite en binôme avec le service habitat. Baignoire impossible à enjamber, 3e étage sans ascenseur. ' +
        'Elle veut rester près de son médecin et garder une chambre pour ses petits-enfants ; elle hésite à déménager.',
    );
  await journal.getByRole('button', { name: 'Ajouter au journal' }).click();
  await expect(journal.getByText(/avec Julien Roussel/)).toBeVisible();

  await referent
    .getByLabel('Synthèse de la qualification')
    .fill('Difficultés : salle de bain et escaliers. Attentes : près de son médecin, une deuxième chambre.');
  await referent.getByRole('button', { name: 'Enregistrer la synthèse' }).click();
  await expect(referent.getByText('Enregistré.').first()).toBeVisible();
  await moveTo(referent, 'Synthèse collective');
  await expectNoAxeViolations(referent);

  // 4. A collective case review discusses her file; a decision becomes a task.
  await referent.goto('/syntheses/nouvelle');
  await expectNoAxeViolations(referent);
  await caseReview(referent);

  // 5. Co-construction: two options, her own view, and her choice of the transfer.
  await referent.goto('/parcours');
  await referent.getByRole('link', { name: 'Germaine Duval', exact: true }).click();
  await moveTo(referent, 'Co-construction de la solution');
  await addOption(referent, 'Adaptation du logement', 'Douche de plain-pied à la place de la baignoire', 'Hésitante');
  await addOption(
    referent,
    'Mutation dans le parc social',
    'Logement social en rez-de-chaussée, près du centre',
    'Favorable',
    ['Rester près de son médecin', 'Avoir une deuxième chambre'],
  );
  await referent.getByRole('button', { name: 'La personne choisit : Mutation dans le parc social' }).click();
  await expect(referent.getByText(/Choisie par la personne le/)).toBeVisible();
  await moveTo(referent, 'Mise en œuvre');
  await expectNoAxeViolations(referent);

  // The time spent in each stage is on the pathway page.
  await expect(referent.getByRole('table', { name: 'Historique des étapes' }).getByRole('row')).toHaveCount(6);
  await referent.context().close();
});

async function moveTo(page: Page, stage: string) {
  await page.getByLabel('Nouvelle étape').selectOption({ label: stage });
  await page.getByRole('button', { name: 'Enregistrer le changement d’étape' }).click();
  await expect(page.getByRole('status').filter({ hasText: `est passé à l’étape « ${stage} »` })).toBeVisible();
  // The page reloads the pathway after the move: wait for the stepper to show it before the next step.
  await expect(page.getByRole('list', { name: 'Étapes du parcours' }).locator('[aria-current="step"]')).toContainText(
    stage,
  );
}

async function caseReview(page: Page) {
  await page.getByLabel('Intitulé (obligatoire)').fill('Synthèse CCAS, service habitat et bailleurs');
  await page.getByLabel('Date (obligatoire)').fill(inDays(0));
  await page.getByLabel('Heure (obligatoire)').fill('14:30');
  await page.getByLabel('Lieu').fill('Maison des Seniors');
  await page.getByLabel('Julien Roussel (Service habitat-logement de la ville)').check();
  await page.getByLabel('Marc Dufresne (Habitat Lys et Deûle)').check();
  await page.getByRole('button', { name: 'Planifier' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Synthèse : Synthèse CCAS, service habitat et bailleurs' }),
  ).toBeVisible();
  await page.getByLabel('Parcours').selectOption({ label: 'Duval Germaine — Synthèse collective' });
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  const item = page.getByRole('region', { name: '1. Germaine Duval' });
  await item
    .getByLabel('Compte rendu de l’échange')
    .fill('Deux pistes : adapter la salle de bain, ou une mutation près de son médecin. À revoir avec elle.');
  await item.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Compte rendu enregistré.' })).toBeVisible();
  await item.getByLabel('Décision').fill('Présenter les deux pistes à Mme Duval et à sa fille');
  await item.getByLabel('Tâche confiée à (facultatif)').selectOption({ label: 'Claire Martin (CCAS du Val-de-Lys)' });
  await item.getByLabel('Échéance de la tâche').fill(inDays(7));
  await item.getByRole('button', { name: 'Ajouter la décision' }).click();
  await expect(item.getByText('Tâche créée sur le parcours')).toBeVisible();
  await expectNoAxeViolations(page);
}

/** A calendar date in Paris, some days from now, as a date field takes it. */
function inDays(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

async function addOption(page: Page, kind: string, description: string, stance: string, criteria: string[] = []) {
  const options = page.getByRole('region', { name: 'Solutions envisagées' });
  await options.getByLabel('Type de solution').selectOption({ label: kind });
  await options.getByLabel('Description').fill(description);
  await options.getByLabel('Position de la personne').selectOption({ label: stance });
  for (const criterion of criteria) await options.getByLabel(criterion).check();
  await options.getByRole('button', { name: 'Ajouter la solution' }).click();
  await expect(options.getByRole('paragraph').filter({ hasText: description })).toBeVisible();
}
