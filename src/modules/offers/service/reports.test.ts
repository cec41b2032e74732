import { describe, expect, it } from 'vitest';
import { buildOfferReport, type ReportFacts } from '#src/modules/offers/service/reports.ts';

const L1 = '00000000-0000-7000-8000-000000000001';
const L2 = '00000000-0000-7000-8000-000000000002';

const counts = (
  landlordId: string,
  programmeId: string,
  typology: string,
  [offers, refusals, allocations]: [number, number, number],
) => ({ landlordId, programmeId, programmeName: `Programme ${programmeId}`, typology, offers, refusals, allocations });

const refusal = (primaryReason: string, secondaryReasons: string[], stage: string, attributes: string[] = []) => ({
  primaryReason,
  secondaryReasons,
  stage,
  attributes,
  fixableByLandlord: 'unknown',
});

const demand = (typologies: string[], communes: string[], maxBudgetEur: number | null, aid = 'none', steps = 3) => ({
  typologies,
  communes,
  maxBudgetEur,
  needsStepFreeShower: aid !== 'none',
  needsLift: steps < 2,
  walkingAid: aid,
  maxStepsClimbable: steps,
});

const times = <T>(n: number, make: () => T) => Array.from({ length: n }, make);

/** Two landlords, ties in every ordering, cells on both sides of the threshold. */
const facts: ReportFacts = {
  landlords: [
    { id: L1, name: 'Habitat du Lys' },
    { id: L2, name: 'Logis de la Deûle' },
  ],
  chosen: null,
  allLandlords: true,
  counts: [
    counts(L1, 'B', 'T2', [9, 6, 2]),
    counts(L1, 'A', 'T2', [4, 1, 1]),
    counts(L1, 'A', 'T3', [5, 2, 3]),
    counts(L2, 'C', 'T1', [6, 5, 0]),
    counts(L2, 'C', 'T2', [3, 0, 3]),
  ],
  refusals: [
    ...times(6, () => refusal('LOC.SANTE', ['LOC.QUARTIER'], 'after_visit', ['distance_doctor'])),
    ...times(5, () => refusal('ACC.SDB', [], 'after_visit', ['shower'])),
    ...times(3, () => refusal('ACC.ETAGE', ['ACC.ASCENSEUR', 'LOC.SANTE'], 'before_visit', ['lift'])),
    refusal('COU.LOYER', ['COU.CHARGES'], 'after_committee', ['rent']),
    refusal('SIT.PAS_PRET', [], 'at_signature'),
  ],
  demand: [
    ...times(7, () => demand(['T2'], ['59355', '59350'], 450, 'walker', 1)),
    ...times(5, () => demand(['T2', 'T3'], ['59328'], 520)),
    ...times(5, () => demand(['T3'], ['59350'], 380, 'manual_wheelchair', 0)),
    ...times(5, () => demand(['T1'], ['59286'], null)),
  ],
  communeNames: new Map([
    ['59355', 'Lomme'],
    ['59350', 'Lille'],
    ['59328', 'Lambersart'],
    ['59286', 'Haubourdin'],
  ]),
};

describe('the landlord report', () => {
  it('publishes every breakdown in its order, withholding counts under 5', () => {
    expect(buildOfferReport(facts)).toMatchInlineSnapshot(`
      {
        "indicators": [
          {
            "key": "offers",
            "label": "Propositions",
            "value": "27",
          },
          {
            "key": "refusals",
            "label": "Refus (dont sans réponse)",
            "value": "14",
          },
          {
            "key": "refusalRate",
            "label": "Taux de refus",
            "value": "52 %",
          },
          {
            "key": "offersPerAllocation",
            "label": "Propositions par attribution acceptée (taux de concrétisation)",
            "value": "3",
          },
          {
            "key": "beforeVisit",
            "label": "Part des refus avant visite",
            "value": null,
          },
          {
            "key": "afterVisit",
            "label": "Part des refus après visite",
            "value": "81 %",
          },
          {
            "key": "qualified",
            "label": "Demandes de seniors qualifiées (tout le territoire)",
            "value": "22",
          },
        ],
        "landlordId": null,
        "landlords": [
          {
            "id": "00000000-0000-7000-8000-000000000001",
            "name": "Habitat du Lys",
          },
          {
            "id": "00000000-0000-7000-8000-000000000002",
            "name": "Logis de la Deûle",
          },
        ],
        "tables": [
          {
            "columns": [
              "Motif principal",
              "Mentions (principal ou secondaire)",
            ],
            "key": "families",
            "rows": [
              {
                "cells": [
                  8,
                  8,
                ],
                "key": "ACC",
                "label": "Accessibilité / usage du logement",
              },
              {
                "cells": [
                  6,
                  9,
                ],
                "key": "LOC",
                "label": "Localisation et environnement",
              },
              {
                "cells": [
                  null,
                  null,
                ],
                "key": "COU",
                "label": "Coût",
              },
              {
                "cells": [
                  null,
                  null,
                ],
                "key": "SIT",
                "label": "Situation du demandeur",
              },
            ],
            "title": "Refus par famille de motifs",
          },
          {
            "columns": [
              "Motif principal",
              "Mentions (principal ou secondaire)",
            ],
            "key": "reasons",
            "rows": [
              {
                "cells": [
                  null,
                  null,
                ],
                "key": "ACC.ETAGE",
                "label": "ACC.ETAGE — Étage sans ascenseur desservant le palier",
              },
              {
                "cells": [
                  null,
                  null,
                ],
                "key": "ACC.ASCENSEUR",
                "label": "ACC.ASCENSEUR — Ascenseur trop petit, souvent en panne, ne dessert pas tous les niveaux",
              },
              {
                "cells": [
                  5,
                  5,
                ],
                "key": "ACC.SDB",
                "label": "ACC.SDB — Baignoire / bac de douche haut, pas de douche de plain-pied",
              },
              {
                "cells": [
                  null,
                  6,
                ],
                "key": "LOC.QUARTIER",
                "label": "LOC.QUARTIER — Éloignement du quartier actuel, perte des repères et voisins",
              },
              {
                "cells": [
                  6,
                  9,
                ],
                "key": "LOC.SANTE",
                "label": "LOC.SANTE — Trop loin du médecin, de la pharmacie, des soins",
              },
              {
                "cells": [
                  null,
                  null,
                ],
                "key": "COU.LOYER",
                "label": "COU.LOYER — Loyer trop élevé",
              },
              {
                "cells": [
                  null,
                  null,
                ],
                "key": "COU.CHARGES",
                "label": "COU.CHARGES — Charges / chauffage trop élevés",
              },
              {
                "cells": [
                  null,
                  null,
                ],
                "key": "SIT.PAS_PRET",
                "label": "SIT.PAS_PRET — Pas prêt à quitter son logement, attachement, deuil",
              },
            ],
            "title": "Refus par motif",
          },
          {
            "columns": [
              "Refus",
            ],
            "key": "stages",
            "rows": [
              {
                "cells": [
                  null,
                ],
                "key": "before_visit",
                "label": "Avant la visite",
              },
              {
                "cells": [
                  11,
                ],
                "key": "after_visit",
                "label": "Après la visite",
              },
              {
                "cells": [
                  null,
                ],
                "key": "after_committee",
                "label": "Après la commission",
              },
              {
                "cells": [
                  null,
                ],
                "key": "at_signature",
                "label": "À la signature du bail",
              },
            ],
            "title": "Refus par étape",
          },
          {
            "columns": [
              "Refus",
            ],
            "key": "wouldAcceptIf",
            "rows": [
              {
                "cells": [
                  5,
                ],
                "key": "shower",
                "label": "Douche",
              },
              {
                "cells": [
                  null,
                ],
                "key": "lift",
                "label": "Ascenseur",
              },
              {
                "cells": [
                  null,
                ],
                "key": "rent",
                "label": "Loyer",
              },
              {
                "cells": [
                  6,
                ],
                "key": "distance_doctor",
                "label": "Distance au médecin",
              },
            ],
            "title": "Aurait accepté si…",
          },
          {
            "columns": [
              "Propositions",
              "Refus",
              "Attributions acceptées",
            ],
            "key": "programmes",
            "rows": [
              {
                "cells": [
                  9,
                  null,
                  null,
                ],
                "key": "A",
                "label": "Programme A",
              },
              {
                "cells": [
                  9,
                  6,
                  null,
                ],
                "key": "B",
                "label": "Programme B",
              },
              {
                "cells": [
                  9,
                  5,
                  null,
                ],
                "key": "C",
                "label": "Programme C",
              },
            ],
            "title": "Par programme",
          },
          {
            "columns": [
              "Propositions",
              "Refus",
              "Attributions acceptées",
            ],
            "key": "typologies",
            "rows": [
              {
                "cells": [
                  16,
                  7,
                  6,
                ],
                "key": "T2",
                "label": "T2",
              },
              {
                "cells": [
                  6,
                  5,
                  null,
                ],
                "key": "T1",
                "label": "T1",
              },
              {
                "cells": [
                  5,
                  null,
                  null,
                ],
                "key": "T3",
                "label": "T3",
              },
            ],
            "title": "Par typologie",
          },
          {
            "columns": [
              "Propositions",
              "Refus",
              "Attributions acceptées",
            ],
            "key": "landlords",
            "rows": [
              {
                "cells": [
                  18,
                  9,
                  6,
                ],
                "key": "00000000-0000-7000-8000-000000000001",
                "label": "Habitat du Lys",
              },
              {
                "cells": [
                  9,
                  5,
                  null,
                ],
                "key": "00000000-0000-7000-8000-000000000002",
                "label": "Logis de la Deûle",
              },
            ],
            "title": "Par bailleur",
          },
          {
            "columns": [
              "Demandes qualifiées",
            ],
            "key": "demandTypologies",
            "rows": [
              {
                "cells": [
                  5,
                ],
                "key": "T1",
                "label": "T1",
              },
              {
                "cells": [
                  12,
                ],
                "key": "T2",
                "label": "T2",
              },
              {
                "cells": [
                  10,
                ],
                "key": "T3",
                "label": "T3",
              },
            ],
            "title": "Demande : typologies souhaitées",
          },
          {
            "columns": [
              "Demandes qualifiées",
            ],
            "key": "demandCommunes",
            "rows": [
              {
                "cells": [
                  12,
                ],
                "key": "59350",
                "label": "Lille",
              },
              {
                "cells": [
                  7,
                ],
                "key": "59355",
                "label": "Lomme",
              },
              {
                "cells": [
                  5,
                ],
                "key": "59328",
                "label": "Lambersart",
              },
              {
                "cells": [
                  5,
                ],
                "key": "59286",
                "label": "Haubourdin",
              },
            ],
            "title": "Demande : communes souhaitées",
          },
          {
            "columns": [
              "Demandes qualifiées",
            ],
            "key": "demandCapacities",
            "rows": [
              {
                "cells": [
                  12,
                ],
                "key": "stepFreeShower",
                "label": "Douche de plain-pied nécessaire",
              },
              {
                "cells": [
                  12,
                ],
                "key": "lift",
                "label": "Ascenseur nécessaire",
              },
              {
                "cells": [
                  5,
                ],
                "key": "wheelchair",
                "label": "Se déplace en fauteuil roulant",
              },
              {
                "cells": [
                  5,
                ],
                "key": "noSteps",
                "label": "Ne peut monter aucune marche",
              },
            ],
            "title": "Demande : besoins d’accessibilité",
          },
          {
            "columns": [
              "Demandes qualifiées",
            ],
            "key": "demandBudgets",
            "rows": [
              {
                "cells": [
                  5,
                ],
                "key": "under400",
                "label": "Moins de 400 €",
              },
              {
                "cells": [
                  7,
                ],
                "key": "from400",
                "label": "De 400 à 499 €",
              },
              {
                "cells": [
                  5,
                ],
                "key": "from500",
                "label": "De 500 à 599 €",
              },
              {
                "cells": [
                  5,
                ],
                "key": "unknown",
                "label": "Non renseigné",
              },
            ],
            "title": "Demande : budget maximal",
          },
        ],
        "threshold": 5,
      }
    `);
  });

  it('leaves the per-landlord table out of a single landlord’s report', () => {
    const own = buildOfferReport({ ...facts, chosen: L1, allLandlords: false });
    expect(own.tables.map((t) => t.key)).not.toContain('landlords');
    expect(own.landlordId).toBe(L1);
  });
});
