import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '#src/shared/pdf/document.ts';
import { pdfText } from '#src/shared/pdf/pdf-text.ts';
import { sheetDocument } from '#src/modules/recommendations/service/sheet-pdf.ts';
import { sampleSheet } from '#tests/fixtures/demo-recommendations.ts';

const reference = join(dirname(fileURLToPath(import.meta.url)), '__reference__', 'sheet-page-1.png');

const sheet = sampleSheet();

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The first page as a grey PNG at 50 dpi (poppler), the way the reference was made. */
function firstPage(pdf: Buffer): PNG {
  const dir = mkdtempSync(join(tmpdir(), 'sheet-'));
  try {
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '50', '-gray', '-png', '-f', '1', '-l', '1', '-singlefile', 'sheet.pdf', 'page'], {
      cwd: dir,
    });
    return PNG.sync.read(readFileSync(join(dir, 'page.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('sheetDocument', () => {
  it('prints the header, the situation, every product with its ISO code, trial, amounts in euros and distributors', async () => {
    const text = flat(pdfText(await renderPdf(sheetDocument(sheet))));
    expect(text).toContain('CCAS de Lattes — Territoire de démonstration');
    expect(text).toContain('Ergothérapeute : Élodie Ergo');
    expect(text).toContain('Fiche de préconisations');
    expect(text).toContain('Version 2 remise le 20 novembre 2026');
    expect(text).toContain('Personne Joseph Garcia');
    expect(text).toContain('Âge 81 ans');
    expect(text).toContain('GIR 4');
    expect(text).toContain('Difficultés pour enjamber la baignoire.');
    // Groups in the therapist's order, empty ones left out, a product no longer resolved skipped.
    const order = ['Se laver', 'Planche de bain réglable', 'Se transférer', 'Barre d’appui coudée 135°', 'Marcher'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((pos) => pos >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain('Aller aux toilettes');
    expect(text).toContain('ISO 9999 09 33 03 (éd. 2022) — Soins personnels');
    expect(text).toContain('Essai du 20 novembre 2026 : Adapté — Transfert sûr avec la barre');
    expect(text).toContain('Pas d’essai enregistré');
    expect(text).toContain('Essai du 20 novembre 2026 : Adapté avec réglages');
    expect(text).toMatch(/Prix moyen 45,90\s€ \(relevé le 1 septembre 2026, relevé distributeurs\)/);
    expect(text).toContain('Hors LPP : non remboursé par l’Assurance Maladie');
    expect(text).toContain('Code LPP 1234567');
    expect(text).toMatch(/Base de remboursement : 12,20\s€/);
    expect(text).toMatch(/Prix limite de vente : 22,00\s€/);
    expect(text).toContain('Le prix moyen dépasse le prix limite de vente');
    expect(text).toMatch(/Reste à charge estimé 12,80\s€/);
    expect(text).toContain('Médical Sud — 12 av. de Montpellier, Lattes — 04 67 00 00 00');
    expect(text).toContain('Aucun distributeur local connu');
    // Totals: 45,90 + 39,00 + 25,00 = 109,90; base 12,20; remaining 97,70.
    expect(text).toMatch(/Total des prix moyens 109,90\s€/);
    expect(text).toMatch(/Total des bases LPP 12,20\s€/);
    expect(text).toMatch(/Reste à charge estimé 97,70\s€/);
    expect(text).toMatch(
      /Travaux préconisés Pièce Travaux Pourquoi Salle de bain Remplacer la baignoire .*Risque de chute/,
    );
    // Funding leads: the aid, its funder and source; an uncertain amount never printed as an estimate.
    expect(text).toContain('Pistes de financement Aide Financeur Statut Montant estimé');
    // pdftotext reads a table line by line: the title, funder, status and amount, then the note and the source.
    expect(text).toMatch(
      /MaPrimeAdapt’ Anah Éligible 6\s300,00\s€ Pour la douche de plain-pied\. Plan de financement « Salle de bain : douche » du 18 novembre 2026/,
    );
    expect(text).toMatch(/Aide de la caisse de retraite Carsat À vérifier À confirmer \(indicatif :/);
    expect(text).toMatch(/Simulation sur le dossier du 20 novembre 2026 500,00\s€\)/);
    expect(text).not.toMatch(/Éligible 500,00/);
    expect(text).toContain('APA à domicile Département À vérifier — Simulation sur le dossier du 20 novembre 2026');
    expect(text).toContain('seul le financeur décide');
    expect(text).toContain('Complémentaire santé pour la canne anglaise.');
    expect(text).toContain('Revoir dans trois mois.');
    expect(text).toMatch(/Page 1 \/ \d/);
  });

  it('prints the free-text leads of a version handed over before leads named an aid', async () => {
    const old = sampleSheet();
    const content = { ...old.content, aidLeads: [], fundingLeads: 'Caisse de retraite ; MaPrimeAdapt’ (Anah).' };
    const text = flat(pdfText(await renderPdf(sheetDocument({ ...old, content }))));
    expect(text).toContain('Pistes de financement Caisse de retraite ; MaPrimeAdapt’ (Anah).');
    expect(text).not.toContain('Montant estimé');
  });

  it('looks like the committed reference on its first page', async () => {
    const page = firstPage(await renderPdf(sheetDocument(sheet)));
    // Set UPDATE_REFERENCE=1 to write a new reference after an intended layout change (then look at it).
    if (process.env.UPDATE_REFERENCE === '1') {
      mkdirSync(dirname(reference), { recursive: true });
      writeFileSync(reference, PNG.sync.write(page));
    }
    const expected = PNG.sync.read(readFileSync(reference));
    expect([page.width, page.height]).toEqual([expected.width, expected.height]);
    const differing = pixelmatch(page.data, expected.data, undefined, page.width, page.height, { threshold: 0.2 });
    // Anti-aliasing may differ between poppler builds; a layout change moves far more than 1 % of the pixels.
    expect(differing / (page.width * page.height)).toBeLessThan(0.01);
  });
});
