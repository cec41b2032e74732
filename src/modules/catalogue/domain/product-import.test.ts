import { describe, expect, it } from 'vitest';
import { readProductRows } from '#src/modules/catalogue/domain/product-import.ts';
import { parseCsv } from '#src/modules/catalogue/domain/table-file.ts';

const distributors = [
  { id: 'd-lys', name: 'Lys Médical' },
  { id: 'd-ortho-1', name: 'Ortho Sud' },
  { id: 'd-ortho-2', name: 'Ortho sud' },
];
const read = (csv: string) => readProductRows(parseCsv(csv), distributors);

describe('reading a product file', () => {
  it('turns each line into the body the product form sends', () => {
    const { lines, headerError } = read(
      'Nom;Code ISO principal;Codes ISO secondaires;Prix moyen (€);Date du prix;Activités;Pièces;Distributeurs;Caractéristiques;Type\n' +
        'Planche de bain;09 33 03;"09 33 06, 18 18 06";1 249,90;15/09/2026;d510, Aller aux toilettes;salle de bains;lys medical;Largeur : 68 cm | Charge : 150 kg;Solution d’aménagement\n',
    );
    expect(headerError).toBeNull();
    expect(lines).toEqual([
      {
        row: 2,
        name: 'Planche de bain',
        errors: [],
        body: {
          name: 'Planche de bain',
          primaryIsoCode: '09 33 03',
          secondaryIsoCodes: ['09 33 06', '18 18 06'],
          averagePriceCents: 124990,
          priceDate: '2026-09-15',
          activities: ['d510', 'd530'],
          rooms: ['bathroom'],
          distributorIds: ['d-lys'],
          features: [
            { key: 'Largeur', value: '68 cm' },
            { key: 'Charge', value: '150 kg' },
          ],
          kind: 'adaptation',
        },
      },
    ]);
  });

  it('reports unreadable cells on their column, line by line', () => {
    const { lines } = read(
      'nom;code iso principal;prix moyen (€);activités;distributeurs\n' +
        'Canne;12 03 06;douze euros;nager;Inconnu | Ortho Sud\n' +
        'Rollator;12 06 06;89;;\n',
    );
    expect(lines.map((l) => [l.row, l.errors])).toEqual([
      [
        2,
        [
          { column: 'prix moyen (€)', message: 'Montant en euros attendu, par exemple 249,90.' },
          { column: 'activités', message: 'Activité inconnue : « nager ».' },
          {
            column: 'distributeurs',
            message: 'Aucun distributeur ne s’appelle « Inconnu » : ajoutez-le d’abord.',
          },
          { column: 'distributeurs', message: 'Plusieurs distributeurs s’appellent « Ortho Sud ».' },
        ],
      ],
      [3, []],
    ]);
    expect(lines[1]!.body).toMatchObject({ averagePriceCents: 8900, activities: [], distributorIds: [] });
  });

  it('refuses a header it does not know, or without the required columns', () => {
    expect(read('nom;code ISO principal;prix TTC\nCanne;12 03 06;10\n').headerError).toBe(
      'Colonne inconnue : « prix TTC ». Reprenez les en-têtes du modèle.',
    );
    expect(read('nom;fabricant\nCanne;Acme\n').headerError).toBe(
      'Colonnes attendues dans la première ligne : code ISO principal.',
    );
    expect(read('nom;code ISO principal\n').headerError).toBe('Le fichier ne contient aucune ligne.');
  });
});
