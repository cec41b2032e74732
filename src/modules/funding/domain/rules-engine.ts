import Engine, { type EvaluatedNode } from 'publicodes';
import { parse } from 'yaml';
import { frenchDay } from '#src/shared/time/paris.ts';
import { CompiledRules, NotCompiled } from './compiled-rules.ts';
import { valueOn, type Confidence, type DatedValue, type ParameterSet, type ParameterValue } from './parameters.ts';

/** Publicodes rules as read from YAML: a rule name to its definition (or null for a bare namespace). */
export type RawRules = Record<string, Record<string, unknown> | string | number | null>;

export const PARAMETERS_NAMESPACE = 'paramètres';
const unitOf: Record<string, string> = { eur: '€', eur_per_year: '€/an', eur_per_month: '€/mois' };

/** A list in the parameters file is a table by household size: 1 to n persons, then the amount per extra person. */
function tableByHouseholdSize(values: readonly number[], unit: string) {
  const sized = values.slice(0, -1);
  const extra = values.at(-1)!;
  const largest = sized.length;
  return {
    variations: [
      ...sized.map((amount, index) => ({ si: `ménage . personnes <= ${index + 1}`, alors: `${amount} ${unit}` })),
      { sinon: `${sized.at(-1)} ${unit} + (ménage . personnes - ${largest}) * ${extra} ${unit}` },
    ],
  };
}

/**
 * Rules for one value; `shape` is another value of the same parameter, so that an unknown value still has every
 * part the rules refer to (each without a value).
 */
function valueRules(
  name: string,
  value: ParameterValue,
  shape: ParameterValue,
  unit: string,
  title: string,
  rules: RawRules,
) {
  if (value === null && shape !== null && typeof shape === 'object' && !Array.isArray(shape)) {
    rules[name] = { titre: title };
    for (const [key, part] of Object.entries(shape as Record<string, ParameterValue>))
      valueRules(`${name} . ${key}`, null, part, unit, title, rules);
  } else if (value === null) {
    // No formula: Publicodes reports the rule as missing, and the aid as "to check".
    rules[name] = { titre: title };
  } else if (typeof value === 'number') {
    rules[name] = { titre: title, valeur: unit ? `${value} ${unit}` : value };
  } else if (Array.isArray(value)) {
    rules[name] = { titre: title, ...tableByHouseholdSize(value, unit) };
  } else {
    rules[name] = { titre: title };
    for (const [key, part] of Object.entries(value)) valueRules(`${name} . ${key}`, part, part, unit, title, rules);
  }
}

/** The rule name under which a parameter's value is given to the rules. */
export const parameterRuleName = (id: string) => [PARAMETERS_NAMESPACE, ...id.split('.')].join(' . ');

/** Rules holding, for each parameter, the value in force on `date` (none in force: the rule has no value). */
export function parameterRules(set: ParameterSet, date: string): RawRules {
  const rules: RawRules = { [PARAMETERS_NAMESPACE]: null };
  for (const parameter of set.parameters.values()) {
    const name = parameterRuleName(parameter.id);
    const segments = name.split(' . ');
    for (let i = 2; i < segments.length; i++) rules[segments.slice(0, i).join(' . ')] ??= null;
    const unit = parameter.unit ? (unitOf[parameter.unit] ?? '') : '';
    const shape = parameter.values.find((v) => v.value !== null)?.value ?? null;
    valueRules(name, valueOn(parameter, date)?.value ?? null, shape, unit, parameter.label, rules);
  }
  return rules;
}

export type AidRuleMeta = { name: string; title: string; funder: string; referenceDate: 'dépôt' | 'paiement' };

/** The aids of a rules set: the rules that state which date selects their parameters. */
export function aidsOf(rules: RawRules): AidRuleMeta[] {
  return Object.entries(rules).flatMap(([name, rule]) =>
    rule && typeof rule === 'object' && 'date de référence' in rule
      ? [
          {
            name,
            title: rule.titre as string,
            funder: (rule.financeur as string | undefined) ?? '',
            referenceDate: rule['date de référence'] as AidRuleMeta['referenceDate'],
          },
        ]
      : [],
  );
}

export const parseRules = (text: string) => parse(text) as RawRules;

export type ParameterUse = {
  id: string;
  label: string;
  value: ParameterValue;
  from: string | null;
  confidence: Confidence | null;
  status: DatedValue['status'];
  note: string | null;
  sources: { title: string; url: string }[];
};

export type ConditionResult = { name: string; title: string; holds: boolean | null };
export type AidStatus = 'eligible' | 'not_eligible' | 'to_check';
export type AidResult = {
  aid: string;
  title: string;
  funder: string;
  referenceDate: string;
  status: AidStatus;
  /** Euros (per month for monthly aids), null when it cannot be computed. */
  amount: number | null;
  details: { name: string; title: string; value: number | string | boolean | null }[];
  conditions: ConditionResult[];
  notes: string[];
  references: { title: string; url: string }[];
  /** Facts about the person or household that would settle what is left to check. */
  missingInputs: string[];
  /** Parameters the aid needs on its date but that are not known here. */
  missingParameters: ParameterUse[];
  parameters: ParameterUse[];
};

type Situation = Record<string, string | number>;
type AidDates = { dépôt: string; paiement: string };
const MAX_REMEMBERED_DATES = 1024;
const DATE_RULES = { dépôt: 'dates . dépôt', paiement: 'dates . paiement' } as const;

/**
 * Evaluates aid rules with the parameters in force on each aid's reference date. Engines are built once per
 * distinct set of parameter values, so a batch of households reuses them.
 */
export class AidRulesEngine {
  private readonly engines = new Map<string, Engine>();
  private readonly enginesByDate = new Map<string, Engine>();
  private readonly parametersByRule = new Map<string, string[]>();
  private readonly layouts = new WeakMap<Engine, Map<string, AidLayout>>();
  private readonly compiled = new WeakMap<Engine, CompiledRules | null>();

  constructor(
    private readonly set: ParameterSet,
    private readonly rules: RawRules,
  ) {}

  private aidList: AidRuleMeta[] | null = null;
  readonly aids = (): AidRuleMeta[] => (this.aidList ??= aidsOf(this.rules));

  private engineOn(date: string): Engine {
    let engine = this.enginesByDate.get(date);
    if (engine) return engine;
    const key = [...this.set.parameters.values()].map((p) => valueOn(p, date)?.from ?? '-').join('|');
    engine = this.engines.get(key);
    if (!engine) {
      engine = new Engine(
        { ...this.rules, ...parameterRules(this.set, date) },
        // Unit and cycle checks run in the tests of the rules; at run time they would only slow each household.
        { logger: { log() {}, warn() {}, error: (message: string) => console.error(message) } },
      );
      this.engines.set(key, engine);
    }
    // Dates are few (today, a filing date, a payment date): remember which engine each one selects.
    if (this.enginesByDate.size >= MAX_REMEMBERED_DATES) this.enginesByDate.clear();
    this.enginesByDate.set(date, engine);
    return engine;
  }

  /** Every parameter a rule depends on, directly or through other rules. */
  private parametersUsedBy(engine: Engine, root: string): string[] {
    const cached = this.parametersByRule.get(root);
    if (cached) return cached;
    const references = engine.context.referencesMaps.referencesIn;
    const seen = new Set<string>();
    const stack = Object.keys(engine.getParsedRules()).filter((name) => name === root || name.startsWith(`${root} . `));
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const next of references.get(name) ?? []) stack.push(next);
    }
    const ids = [...this.set.parameters.keys()].filter((id) => {
      const name = parameterRuleName(id);
      return [...seen].some((used) => used === name || used.startsWith(`${name} . `));
    });
    this.parametersByRule.set(root, ids);
    return ids;
  }

  private parameterUse(id: string, date: string): ParameterUse {
    const parameter = this.set.parameters.get(id)!;
    const value = valueOn(parameter, date);
    return {
      id,
      label: parameter.label,
      value: value?.value ?? null,
      from: value?.from ?? null,
      confidence: value?.confidence ?? null,
      status: value ? value.status : 'not_retrieved',
      note: value?.note ?? null,
      sources: (value?.sources ?? []).flatMap((s) => {
        const source = this.set.sources.get(s);
        return source ? [{ title: source.title, url: source.url }] : [];
      }),
    };
  }

  /** Every aid for a household, each explained: conditions, computation steps, parameters with their sources. */
  evaluate(household: Situation, dates: AidDates): AidResult[] {
    return this.forEachAid(household, dates, (engine, aid, date) => this.evaluateAid(engine, aid, date));
  }

  /**
   * Every aid's status and amount only, for batches: through the compiled rules, or Publicodes when they do not
   * handle this household.
   */
  outcomes(household: Situation, dates: AidDates): AidOutcome[] {
    const filing = this.compiledOn(this.engineOn(dates.dépôt));
    const payment = this.compiledOn(this.engineOn(dates.paiement));
    if (filing && payment) {
      try {
        return this.compiledOutcomes(household, dates, { dépôt: filing, paiement: payment });
      } catch (error) {
        if (!(error instanceof NotCompiled)) throw error;
      }
    }
    return this.explainedOutcomes(household, dates);
  }

  /** The same through Publicodes: the reference the compiled rules are tested against. */
  explainedOutcomes(household: Situation, dates: AidDates): AidOutcome[] {
    return this.forEachAid(household, dates, (engine, aid) => {
      const { status, amount } = this.decide(engine, this.layoutOf(engine, aid));
      return { aid: aid.name, status, amount };
    });
  }

  /** One run per set of compiled rules (usually one for both dates), so the rules aids share are computed once. */
  private compiledOutcomes(
    household: Situation,
    dates: AidDates,
    compiledOn: Record<keyof AidDates, CompiledRules>,
  ): AidOutcome[] {
    const situation = this.situationOf(household, dates);
    const roots = this.compiledRoots();
    const valuesOf = new Map(
      [...new Set(Object.values(compiledOn))].map((compiled) => {
        const values = compiled.values(situation, roots);
        return [compiled, new Map(roots.map((root, i) => [root, values[i]]))] as const;
      }),
    );
    return this.aids().map((aid) => {
      const values = valuesOf.get(compiledOn[aid.referenceDate])!;
      return { aid: aid.name, ...decision(values.get(`${aid.name} . éligible`), values.get(`${aid.name} . montant`)) };
    });
  }

  private compiledRoots = () => this.aids().flatMap((aid) => [`${aid.name} . éligible`, `${aid.name} . montant`]);

  private compiledOn(engine: Engine): CompiledRules | null {
    let compiled = this.compiled.get(engine);
    if (compiled === undefined) {
      try {
        compiled = CompiledRules.of(engine, this.compiledRoots());
      } catch (error) {
        if (!(error instanceof NotCompiled)) throw error;
        compiled = null;
      }
      this.compiled.set(engine, compiled);
    }
    return compiled;
  }

  private situationOf(household: Situation, dates: AidDates): Situation {
    // Publicodes reads dates written the French way.
    return {
      ...household,
      [DATE_RULES.dépôt]: frenchDay(dates.dépôt),
      [DATE_RULES.paiement]: frenchDay(dates.paiement),
    };
  }

  private forEachAid<T>(
    household: Situation,
    dates: AidDates,
    evaluateAid: (engine: Engine, aid: AidRuleMeta, date: string) => T,
  ): T[] {
    const situation = this.situationOf(household, dates);
    const prepared = new Set<Engine>();
    return this.aids().map((aid) => {
      const date = dates[aid.referenceDate];
      const engine = this.engineOn(date);
      if (!prepared.has(engine)) {
        // Strict: the situation is parsed in one pass (and a malformed one is a fault of ours, not of the user).
        engine.setSituation(situation, { strict: true });
        prepared.add(engine);
      }
      return evaluateAid(engine, aid, date);
    });
  }

  /**
   * Where an aid's parts are in an engine's parsed rules: found once per engine rather than by scanning every rule
   * for every household.
   */
  private layoutOf(engine: Engine, aid: AidRuleMeta): AidLayout {
    let layouts = this.layouts.get(engine);
    if (!layouts) this.layouts.set(engine, (layouts = new Map<string, AidLayout>()));
    let layout = layouts.get(aid.name);
    if (!layout) {
      const parsed = engine.getParsedRules();
      const depth = aid.name.split(' . ').length;
      const titled = (name: string) => ({
        name,
        title: String(parsed[name]!.rawNode.titre ?? name),
        node: parsed[name]!,
      });
      const names = Object.keys(parsed).filter((n) => n.startsWith(`${aid.name} . `));
      layout = {
        conditions: names
          .filter((n) => n.startsWith(`${aid.name} . conditions . `) && n.split(' . ').length === depth + 2)
          .map(titled),
        eligible: parsed[`${aid.name} . éligible`]!,
        amount: parsed[`${aid.name} . montant`]!,
        details: names
          .filter(
            (n) =>
              !n.startsWith(`${aid.name} . conditions`) && n !== `${aid.name} . éligible` && parsed[n]!.rawNode.titre,
          )
          .map(titled),
        rule: parsed[aid.name]!.rawNode,
      };
      layouts.set(aid.name, layout);
    }
    return layout;
  }

  /** Whether the aid's conditions hold and its amount is known. */
  private decide(engine: Engine, layout: AidLayout) {
    // Parsed rules are evaluated as they are: `evaluate` would parse them again (with the whole rule set) each time.
    const allConditions = engine.evaluateNode(layout.eligible);
    const evaluatedAmount = engine.evaluateNode(layout.amount);
    return { ...decision(allConditions.nodeValue, evaluatedAmount.nodeValue), allConditions, evaluatedAmount };
  }

  private evaluateAid(engine: Engine, aid: AidRuleMeta, date: string): AidResult {
    const parsed = engine.getParsedRules();
    const layout = this.layoutOf(engine, aid);
    const evaluate = (node: RuleNode) => engine.evaluateNode(node);
    const conditions = layout.conditions.map(({ name, title, node }) => {
      const value = evaluate(node).nodeValue;
      return { name, title, holds: value === null || value === undefined ? null : Boolean(value) };
    });
    const { status, amount, allConditions, evaluatedAmount } = this.decide(engine, layout);

    const missing = new Set([
      ...Object.keys(allConditions.missingVariables),
      ...Object.keys(evaluatedAmount.missingVariables),
    ]);
    const parameterIds = this.parametersUsedBy(engine, aid.name);
    const parameters = parameterIds.map((id) => this.parameterUse(id, date));
    const ownMissing = [...missing].some((name) => name.startsWith(`${aid.name} . `));
    return {
      aid: aid.name,
      title: aid.title,
      funder: aid.funder,
      referenceDate: date,
      status,
      amount,
      details: layout.details.map(({ name, title, node }) => ({ name, title, value: plain(evaluate(node)) })),
      conditions,
      notes: [
        ...(layout.rule.note ? [layout.rule.note] : []),
        // A workspace's aid whose amount is not published: the funder decides it.
        ...(ownMissing ? ['Montant non publié : à demander au financeur.'] : []),
      ],
      references: Object.entries(layout.rule.références ?? {}).map(([title, url]) => ({ title, url })),
      missingInputs: [...missing]
        .filter((name) => !name.startsWith(`${PARAMETERS_NAMESPACE} . `) && !name.startsWith(`${aid.name} . `))
        .map((name) => String(parsed[name]?.rawNode.titre ?? name)),
      missingParameters: parameters.filter(
        (p) => p.value === null && [...missing].some((m) => m.startsWith(parameterRuleName(p.id))),
      ),
      parameters,
    };
  }
}

export type AidOutcome = Pick<AidResult, 'aid' | 'status' | 'amount'>;

type RuleNode = ReturnType<Engine['getParsedRules']>[string];
type AidLayout = {
  conditions: { name: string; title: string; node: RuleNode }[];
  eligible: RuleNode;
  amount: RuleNode;
  details: { name: string; title: string; node: RuleNode }[];
  rule: { note?: string; références?: Record<string, string> };
};

/** An aid is eligible when its conditions hold and its amount is known, not eligible when one fails. */
function decision(holds: unknown, amount: unknown): { status: AidStatus; amount: number | null } {
  const status: AidStatus =
    holds === false ? 'not_eligible' : holds === true && typeof amount === 'number' ? 'eligible' : 'to_check';
  return { status, amount: status === 'not_eligible' || typeof amount !== 'number' ? null : amount };
}

function plain(node: EvaluatedNode): number | string | boolean | null {
  const value = node.nodeValue;
  return value === undefined || value === null ? null : value;
}
