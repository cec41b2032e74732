import { frenchDay } from '#src/shared/time/paris.ts';
import type { Confidence } from './parameters.ts';
import { retirementSchemeInRules, tenureInRules, type RetirementScheme, type Tenure } from './household.ts';
import type { RawRules } from './rules-engine.ts';

export const localAidBases = ['works_excl_tax', 'works_incl_tax', 'technical_aids', 'remaining_cost', 'fixed'] as const;
export type LocalAidBase = (typeof localAidBases)[number];
export const funderKinds = ['departement', 'commune', 'epci', 'pension_fund', 'ccas', 'other'] as const;
export type FunderKind = (typeof funderKinds)[number];

/** An aid described by a workspace with a fixed template instead of code. Amounts in cents. */
export type LocalAid = {
  id: string;
  name: string;
  funderName: string;
  funderKind: FunderKind;
  description: string | null;
  minAge: number | null;
  girMin: number | null;
  girMax: number | null;
  incomeCeiling: number | null;
  incomeCeilingPerExtraPerson: number | null;
  tenures: Tenure[];
  retirementSchemes: RetirementScheme[];
  requiresAnahDecision: boolean;
  base: LocalAidBase;
  rate: number | null;
  capCents: number | null;
  fixedAmountCents: number | null;
  inForceFrom: string;
  inForceTo: string | null;
  sourceTitle: string;
  sourceUrl: string | null;
  confidence: Confidence;
};

export const LOCAL_AIDS_NAMESPACE = 'aides locales';

const euros = (cents: number) => `${cents / 100} €`;
const quoted = (text: string) => `'${text.replaceAll("'", '’')}'`;

const baseExpression: Record<Exclude<LocalAidBase, 'fixed'>, string> = {
  works_excl_tax: 'projet . travaux ht',
  works_incl_tax: 'projet . travaux ttc',
  technical_aids: 'projet . aides techniques - projet . part assurance maladie',
  remaining_cost: 'projet . reste à charge',
};

/** Publicodes rules for a workspace's own aids, named after their ids so that renaming one changes nothing. */
export function localAidRules(aids: readonly LocalAid[]): RawRules {
  const rules: RawRules = { [LOCAL_AIDS_NAMESPACE]: { titre: 'Aides locales' } };
  for (const aid of aids) {
    const name = `${LOCAL_AIDS_NAMESPACE} . a${aid.id.replaceAll('-', '')}`;
    const conditions: Record<string, Record<string, unknown>> = {
      'en vigueur': {
        titre: aid.inForceTo
          ? `En vigueur du ${frenchDay(aid.inForceFrom)} au ${frenchDay(aid.inForceTo)}`
          : `En vigueur depuis le ${frenchDay(aid.inForceFrom)}`,
        'toutes ces conditions': [
          `dates . dépôt >= ${frenchDay(aid.inForceFrom)}`,
          ...(aid.inForceTo ? [`dates . dépôt <= ${frenchDay(aid.inForceTo)}`] : []),
        ],
      },
    };
    if (aid.minAge !== null)
      conditions['âge'] = { titre: `${aid.minAge} ans ou plus`, valeur: `personne . âge >= ${aid.minAge} an` };
    if (aid.girMin !== null || aid.girMax !== null) {
      const [low, high] = [aid.girMin ?? 1, aid.girMax ?? 6];
      conditions['gir'] = {
        titre: `GIR ${low} à ${high}`,
        'toutes ces conditions': [`personne . gir >= ${low}`, `personne . gir <= ${high}`],
      };
    }
    if (aid.incomeCeiling !== null) {
      const extra = aid.incomeCeilingPerExtraPerson ?? 0;
      conditions['ressources'] = {
        titre: `Revenu fiscal de référence sous ${aid.incomeCeiling} € pour une personne${extra ? `, plus ${extra} € par personne en plus` : ''}`,
        valeur: `ménage . revenu fiscal de référence <= ${aid.incomeCeiling} €/an + (ménage . personnes - 1) * ${extra} €/an`,
      };
    }
    if (aid.tenures.length > 0)
      conditions["statut d'occupation"] = {
        titre: `Statut d'occupation : ${aid.tenures.map((t) => tenureInRules[t]).join(', ')}`,
        'une de ces conditions': aid.tenures.map((t) => `ménage . statut d'occupation = ${quoted(tenureInRules[t])}`),
      };
    if (aid.retirementSchemes.length > 0)
      conditions['régime de retraite'] = {
        titre: `Retraite principale : ${aid.retirementSchemes.map((r) => retirementSchemeInRules[r]).join(', ')}`,
        'une de ces conditions': aid.retirementSchemes.map(
          (r) => `personne . régime de retraite = ${quoted(retirementSchemeInRules[r])}`,
        ),
      };

    rules[name] = {
      titre: aid.name,
      financeur: aid.funderName,
      'date de référence': 'dépôt',
      ...(aid.description ? { description: aid.description } : {}),
      ...(aid.requiresAnahDecision
        ? { note: 'La décision de l’Anah (MaPrimeAdapt’) doit être demandée d’abord.' }
        : {}),
      ...(aid.sourceUrl ? { références: { [aid.sourceTitle]: aid.sourceUrl } } : {}),
    };
    rules[`${name} . conditions`] = { titre: 'Conditions' };
    for (const [key, rule] of Object.entries(conditions)) rules[`${name} . conditions . ${key}`] = rule;
    rules[`${name} . éligible`] = {
      titre: 'Toutes les conditions sont remplies',
      'toutes ces conditions': Object.keys(conditions).map((key) => `${name} . conditions . ${key}`),
    };
    rules[`${name} . montant`] = { titre: 'Montant', ...amountRule(aid) };
  }
  return rules;
}

function amountRule(aid: LocalAid): Record<string, unknown> {
  const cap = aid.capCents !== null ? { plafond: euros(aid.capCents) } : {};
  if (aid.base === 'fixed')
    // A fixed aid whose amount is not published stays without a value: "to check", never zero.
    return aid.fixedAmountCents !== null ? { valeur: euros(aid.fixedAmountCents) } : {};
  if (aid.rate === null) return {};
  return { valeur: `${aid.rate} * (${baseExpression[aid.base]})`, plancher: '0 €', ...cap, arrondi: '2 décimales' };
}
