import { describe, expect, it } from 'vitest';
import { readProductRows } from '#src/modules/catalogue/domain/product-import.ts';
import { parseCsv } from '#src/modules/catalogue/domain/table-file.ts';
import { checkProductLines } from '#src/modules/catalogue/service/product-import.ts';

const isoList = [
  { code: '093303', edition: '2022' },
  { code: '183010', edition: '2022' },
];
const check = (csv: string) => checkProductLines(readProductRows(parseCsv(csv), []).lines, isoList);
const HEADER = 'nom;code ISO principal;codes ISO secondaires;prix moyen (€);date du prix;source du prix;code LPP\n';

describe('checking the lines of a product file with the product form’s rules', () => {
  it('passes a good line on as the form’s input', () => {
    const [line] = check(`${HEADER}Planche de bain;09 33 03;18.30.10;49,90;2026-09-15;relevé 2026;1243290\n`);
    expect(line!.errors).toEqual([]);
    expect(line!.input).toMatchObject({
      name: 'Planche de bain',
      primaryIsoCode: '093303',
      secondaryIsoCodes: ['183010'],
      averagePriceCents: 4990,
      priceDate: '2026-09-15',
      lppCode: '1243290',
      kind: 'product',
      isoEdition: '2022',
    });
  });

  it('reports each broken rule on its column: price without date, LPP shape, ISO shape, ISO not in the list', () => {
    const lines = check(
      HEADER +
        'Sans date;09 33 03;;49,90;;relevé 2026;\n' +
        'Mauvais LPP;09 33 03;;;;;12-34\n' +
        'Code court;09 33;;;;;\n' +
        'Hors liste;12 23 06;09 33 99;;;;\n' +
        ';09 33 03;;;;;\n',
    );
    expect(lines.map((l) => [l.row, l.key, l.errors, l.input])).toEqual([
      [2, 'Sans date', [{ column: 'date du prix', message: 'Indiquez la date du prix moyen.' }], null],
      [
        3,
        'Mauvais LPP',
        [{ column: 'code LPP', message: 'Le code LPP compte 7 chiffres, par exemple 1243290.' }],
        null,
      ],
      [
        4,
        'Code court',
        [
          {
            column: 'code ISO principal',
            message: 'Le code ISO 9999 doit compter 6 chiffres, par exemple 12 23 06.',
          },
        ],
        null,
      ],
      [
        5,
        'Hors liste',
        [
          {
            column: 'code ISO principal',
            message: 'Le code 12 23 06 ne figure pas dans la liste ISO 9999 de l’espace.',
          },
          {
            column: 'codes ISO secondaires',
            message: 'Le code 09 33 99 ne figure pas dans la liste ISO 9999 de l’espace.',
          },
        ],
        null,
      ],
      [6, '', [{ column: 'nom', message: 'Indiquez le nom du produit.' }], null],
    ]);
  });

  it('keeps one message per column when the cell could not be read', () => {
    const [line] = check(`${HEADER}Prix illisible;09 33 03;;beaucoup;2026-09-15;relevé;\n`);
    expect(line!.errors).toEqual([
      { column: 'prix moyen (€)', message: 'Montant en euros attendu, par exemple 249,90.' },
    ]);
  });
});
