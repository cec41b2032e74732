import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { totpFromUri } from '#tests/fixtures/totp.ts';
import { expect, test } from '#tests/e2e/support.ts';

/**
 * A workspace administrator builds a template: a choice question and a question shown only for
 * one of its answers, tried in the preview, a broken reference reported next to its field, a
 * reload that loses nothing, a key refused by the server, then versions 1 and 2 published.
 */

const EMAIL = 'admin-formulaires@demo.demeure.fr';
const PASSWORD = 'Demeure-demo-2026';
const CODE_LABEL = 'Code à 6 chiffres de votre application d’authentification';

// The account enrols its second factor on its first run against a server; later runs read the key back.
const keyFile = (baseURL: string) => path.join(tmpdir(), `demeure-e2e-${new URL(baseURL).port}-${EMAIL}.otpauth`);

async function signInAsAdministrator(page: Page, baseURL: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(EMAIL);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const code = page.getByLabel(CODE_LABEL);
  const enrol = page.getByLabel('Mot de passe actuel');
  await expect(code.or(enrol)).toBeVisible();
  if (await code.isVisible()) {
    expect(existsSync(keyFile(baseURL)), 'the key enrolled by an earlier run against this server').toBe(true);
    await code.fill(totpFromUri(readFileSync(keyFile(baseURL), 'utf8')));
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await page.waitForURL((url) => url.pathname !== '/connexion');
    return;
  }
  await enrol.fill(PASSWORD);
  await page.getByRole('button', { name: 'Continuer' }).click();
  const uri = (await page.getByRole('link', { name: /Ou ouvrez directement/ }).getAttribute('href'))!;
  writeFileSync(keyFile(baseURL), uri);
  await page.getByLabel(CODE_LABEL).fill(totpFromUri(uri));
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByText('La vérification en deux étapes est activée.', { exact: false })).toBeVisible();
}

test('an administrator builds a template with a conditional question, tries it and publishes it', async ({
  page,
  baseURL,
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const title = `Visite test ${run}`;
  await signInAsAdministrator(page, baseURL!);

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Modèles de formulaire' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modèles de formulaire' })).toBeVisible();
  // The shipped Lomme grids are there from the first visit, each with its latest version.
  await expect(page.getByRole('row').filter({ hasText: 'Guide d’entretien' }).first()).toContainText('Version');
  await expect(page.getByRole('link', { name: 'Importer un XLSForm' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Nouveau modèle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau modèle de formulaire' })).toBeVisible();
  await page.getByLabel('Titre du modèle').fill(title);
  await expect(page.getByLabel('Clé du modèle')).toHaveValue(`visite_test_${run}`);
  await page.getByLabel('Type de formulaire').selectOption({ label: 'Visite à domicile' });

  // Adding a section moves focus to its title; the live region says what happened.
  await page.getByRole('button', { name: 'Ajouter une section' }).click();
  await expect(page.getByLabel('Titre de la section')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Section 1 ajoutée.' })).toBeAttached();
  await page.keyboard.type('Logement');

  const first = page.getByRole('group', { name: /^Question 1\.1/ });
  await first.getByLabel('Type de question').selectOption({ label: 'Choix unique' });
  await first.getByLabel('Libellé de la question').fill('Type de logement');
  await expect(first.getByLabel('Nom (obligatoire)', { exact: true })).toHaveValue('type_de_logement');
  await first.getByLabel('Libellé du choix 1').fill('Maison');
  await expect(first.getByLabel('Valeur du choix 1')).toHaveValue('maison');
  await first.getByRole('button', { name: 'Ajouter un choix à la question 1.1' }).click();
  await expect(first.getByLabel('Libellé du choix 2')).toBeFocused();
  await page.keyboard.type('Appartement');
  await expect(first.getByLabel('Valeur du choix 2')).toHaveValue('appartement');
  // A choice added by mistake goes with the keyboard; focus returns to the add button.
  await first.getByRole('button', { name: 'Ajouter un choix à la question 1.1' }).press('Enter');
  await expect(first.getByLabel('Libellé du choix 3')).toBeFocused();
  await first.getByRole('button', { name: 'Supprimer le choix 3 de la question 1.1' }).press('Enter');
  await expect(first.getByLabel('Libellé du choix 3')).toHaveCount(0);
  await expect(first.getByRole('button', { name: 'Ajouter un choix à la question 1.1' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Choix supprimé.' })).toBeAttached();

  await page.getByRole('button', { name: 'Ajouter une question à la section 1' }).click();
  const second = page.getByRole('group', { name: /^Question 1\.2/ });
  await expect(second.getByLabel('Libellé de la question')).toBeFocused();
  await page.keyboard.type('Étage');
  await second.getByLabel('Type de question').selectOption({ label: 'Nombre' });
  const relevant = second.getByLabel('Condition d’affichage (facultatif)');

  // A reference to a question that does not exist is explained next to the field as it is typed.
  await relevant.fill("${type_logement} = 'appartement'");
  const unknown = 'Référence inconnue : ${type_logement} ne désigne aucune question.';
  await expect(second.getByText(unknown)).toBeVisible();
  await expect(relevant).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Publier la version 1' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Le modèle contient une erreur' });
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: `Question 1.2 — Condition d’affichage : ${unknown}` }).click();
  await expect(relevant).toBeFocused();
  await relevant.fill("${type_de_logement} = 'appartement'");
  await expect(second.getByText(unknown)).toHaveCount(0);
  await expect(summary).toHaveCount(0);

  // The preview hides the conditional question until its condition holds.
  const preview = page.getByRole('region', { name: 'Aperçu' });
  await expect(preview.getByRole('radio', { name: 'Maison' })).toBeVisible();
  await expect(preview.getByLabel('Étage')).toHaveCount(0);
  await preview.getByRole('radio', { name: 'Appartement' }).check();
  await expect(preview.getByLabel('Étage')).toBeVisible();
  await preview.getByRole('radio', { name: 'Maison' }).check();
  await expect(preview.getByLabel('Étage')).toHaveCount(0);

  // Leaving an empty field for the next button adds a repeat group at once: no message moves the button away.
  await page.getByRole('button', { name: 'Ajouter une question à la section 1' }).click();
  await page.getByRole('button', { name: 'Ajouter un groupe répété à la section 1' }).click();
  const group = page.getByRole('group', { name: /^Groupe répété 1\.4/ });
  await expect(group.getByLabel('Libellé du groupe')).toBeFocused();
  page.once('dialog', (dialog) => void dialog.accept());
  await group.getByRole('button', { name: 'Supprimer le groupe 1.4' }).click();
  await expect(group).toHaveCount(0);
  await page.getByRole('button', { name: 'Supprimer la question 1.3' }).click();
  await expect(page.getByRole('heading', { name: 'Question 1.2 : Étage' })).toBeFocused();

  // Moved above the question it depends on, the condition refers to a later question: said at once.
  await second.getByRole('button', { name: 'Monter la question 1.2' }).click();
  const moved = page.getByRole('group', { name: /^Question 1\.1/ });
  await expect(moved.getByRole('button', { name: 'Descendre la question 1.1' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Question déplacée en position 1.' })).toBeAttached();
  await expect(
    moved.getByText('${type_de_logement} désigne une question posée plus loin : elle n’est pas encore connue ici.'),
  ).toBeVisible();
  await moved.getByRole('button', { name: 'Descendre la question 1.1' }).click();
  await expect(page.getByRole('group', { name: /^Question 1\.2/ }).getByText(/posée plus loin/)).toHaveCount(0);

  // A reload loses nothing: the draft is kept on the device until it is published.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByText(/Brouillon non publié du .* repris\./)).toBeVisible();
  await expect(page.getByLabel('Titre du modèle')).toHaveValue(title);
  await expect(
    page.getByRole('group', { name: /^Question 1\.2/ }).getByLabel('Condition d’affichage (facultatif)'),
  ).toHaveValue("${type_de_logement} = 'appartement'");

  // A key already taken is refused by the server: its message stands next to the key, nothing is lost.
  const key = page.getByLabel('Clé du modèle');
  await key.fill('lomme_visite_qualification');
  await page.getByRole('button', { name: 'Publier la version 1' }).click();
  await expect(page.getByText('Un modèle porte déjà cette clé.').first()).toBeVisible();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Titre du modèle')).toHaveValue(title);
  await key.fill(`visite_test_${run}`);
  await expect(key).not.toHaveAttribute('aria-invalid');

  await page.getByRole('button', { name: 'Publier la version 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Modifier « ${title} »` })).toBeVisible();
  await expect(page.getByText('Version 1 publiée.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publier la version 2' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Versions publiées/ }).getByRole('rowheader')).toHaveText(['Version 1']);
  await expectNoAxeViolations(page);

  // The next version starts from the published one; version 1 stays listed as it was.
  const help = page.getByRole('group', { name: /^Question 1\.2/ }).getByLabel('Aide (facultatif)');
  await help.fill('Rez-de-chaussée : 0.');
  await page.getByRole('button', { name: 'Publier la version 2' }).click();
  await expect(page.getByText('Version 2 publiée.')).toBeVisible();
  await expect(page.getByRole('table', { name: /Versions publiées/ }).getByRole('rowheader')).toHaveText([
    'Version 2',
    'Version 1',
  ]);
  await expect(help).toHaveValue('Rez-de-chaussée : 0.');

  // An unpublished change asks before leaving; the list then shows the new template at version 1.
  await help.fill('Rez-de-chaussée : 0, premier étage : 1.');
  await page.getByRole('link', { name: 'Retour aux modèles de formulaire' }).click();
  await expect(page.getByRole('button', { name: 'Rester sur la page' })).toBeFocused();
  await page.getByRole('button', { name: 'Quitter la page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modèles de formulaire' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Version 2');
  // Its latest version downloads as an XLSForm workbook.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: `Exporter en XLSForm « ${title} »` }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});
