import type { Page } from '@playwright/test';
import { expect, test } from '#tests/e2e/support.ts';

/**
 * The social and financial referent fills a parameter the rules lack (the 2026 hourly SMIC, which no aid amount
 * reads, so other specs are not affected): faults come back together and nothing typed is lost, a value saved
 * meanwhile by someone else is named without losing the form, and the value is withdrawn into the history.
 */

const PASSWORD = 'Demeure-demo-2026';
const PARAMETER = 'smic.hourly_gross';
const LABEL = "SMIC brut horaire (l'APA n'est pas versée sous 3 × ce montant)";

type Entered = { id: string; revision: number; withdrawnAt: string | null };
const enteredOf = async (page: Page) => {
  const { items } = (await (await page.request.get('/api/funding/parameters')).json()) as {
    items: { id: string; entered: Entered[] }[];
  };
  return items.find((p) => p.id === PARAMETER)!.entered.filter((e) => !e.withdrawnAt);
};

test('a parameter value: every fault at once, a conflict that keeps the form, then withdrawn', async ({
  page,
  signIn,
  expectNoAxeViolations,
}) => {
  await signIn(page, 'financement@demo.demeure.fr', PASSWORD);
  // A value left by an interrupted run would overlap the one entered here.
  for (const left of await enteredOf(page)) {
    // A body-less request states its origin, as the browser does, for the cross-site check.
    const withdrawn = await page.request.delete(`/api/funding/parameters/values/${left.id}`, {
      headers: { origin: new URL(page.url()).origin },
    });
    expect(withdrawn.status(), await withdrawn.text()).toBe(200);
  }

  await page.goto('/financements/parametres');
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres des aides' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: `Saisir une valeur : ${LABEL}` }).click();
  const form = page.getByRole('region', { name: `Nouvelle valeur : ${LABEL}` });

  // A value that is not a number, an end before the start and no source: all three named at once, nothing lost.
  await form.getByLabel('En vigueur à partir du').fill('2026-01-01');
  await form.getByLabel('Jusqu’au (vide : jusqu’à la valeur suivante)').fill('2025-12-31');
  await form.getByLabel('Valeur (€)').fill('douze');
  await form.getByLabel('Adresse de la source').fill('https://www.legifrance.gouv.fr/smic-2026');
  await form.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  for (const message of [
    'Indiquez la source (texte officiel, guide, circulaire).',
    'Saisissez un nombre, par exemple 22 000,50.',
    'La fin ne peut pas précéder le début.',
  ])
    await expect(form.locator('.field--error', { hasText: message })).toBeVisible();
  await expect(form.getByLabel('Valeur (€)')).toHaveValue('douze');
  await expect(form.getByLabel('Adresse de la source')).toHaveValue('https://www.legifrance.gouv.fr/smic-2026');
  await expectNoAxeViolations(page);

  await form.getByLabel('Jusqu’au (vide : jusqu’à la valeur suivante)').fill('');
  await form.getByLabel('Valeur (€)').fill('12,02');
  await form.getByLabel('Source (texte officiel, guide, circulaire)').fill('Décret SMIC 2026 (chiffres de test)');
  await form.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Valeur enregistrée' })).toBeFocused();
  const section = page.getByRole('region', { name: LABEL });
  await expect(section.getByRole('row', { name: /depuis le 1 janvier 2026/ })).toContainText('12,02');

  // Someone else saves the value while the form is open: the message says so and what was typed stays.
  await section.getByRole('button', { name: 'Modifier la valeur du 1 janvier 2026' }).click();
  const edit = page.getByRole('region', { name: `Modifier la valeur du 1 janvier 2026 : ${LABEL}` });
  await edit.getByLabel('Valeur (€)').fill('12,10');
  const [entered] = await enteredOf(page);
  const meanwhile = await page.request.put(`/api/funding/parameters/values/${entered!.id}`, {
    data: {
      parameter: PARAMETER,
      from: '2026-01-01',
      value: 12.05,
      confidence: 'official',
      sourceTitle: 'Décret SMIC 2026 (chiffres de test)',
      sourceUrl: 'https://www.legifrance.gouv.fr/smic-2026',
      revision: entered!.revision,
    },
  });
  expect(meanwhile.status(), await meanwhile.text()).toBe(200);
  await edit.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(edit.getByText('Cette valeur a été modifiée entre-temps.')).toBeVisible();
  await expect(edit.getByLabel('Valeur (€)')).toHaveValue('12,10');
  await edit.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Valeur enregistrée' })).toBeFocused();
  await expect(section.getByRole('row', { name: /depuis le 1 janvier 2026/ })).toContainText('12,1');

  // Withdrawn: the message takes the focus (the button is gone) and the value goes to the history.
  page.once('dialog', (dialog) => void dialog.accept());
  await section.getByRole('button', { name: 'Retirer la valeur du 1 janvier 2026' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Valeur retirée.' })).toBeFocused();
  await expect(section.getByRole('button', { name: 'Retirer la valeur du 1 janvier 2026' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Valeurs retirées' })).toContainText(LABEL);
  await expectNoAxeViolations(page);
});
