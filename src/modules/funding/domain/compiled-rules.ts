import type Engine from 'publicodes';
import { serializeUnit, simplifyNodeUnit, type Unit } from 'publicodes';

/**
 * The aid rules of one Publicodes engine turned into plain closures that give each rule's value, for batches.
 *
 * Publicodes builds a whole explanation tree for every node of every household, which costs milliseconds each;
 * a population of households only needs values. The closures follow the evaluation rules of Publicodes 1.10 (the
 * pinned version) for what the aid rules use: numbers, booleans, texts and dates, unknown values (undefined),
 * euros per month or per year and their conversions. Anything else (a percentage, "not applicable", another
 * mechanism) is refused at compile time or, for a value met at run time, makes the caller fall back to Publicodes.
 * A property test compares both, rule by rule, on random households. Explanations always come from Publicodes.
 */

type Value = number | string | boolean | undefined;
type Evaluated = { value: Value; unit: Unit | undefined };
type Situation = Readonly<Record<string, string | number>>;

/** What one household's evaluation keeps: the situation and each rule's value once computed. */
type Run = { situation: Situation; rules: (Evaluated | undefined)[] };
type Compiled = (run: Run) => Evaluated;

/** A rule or a value the closures do not handle: the caller evaluates with Publicodes instead. */
export class NotCompiled extends Error {}

// Parsed Publicodes nodes, as far as the closures read them.
type ParsedNode = {
  nodeKind: string;
  dottedName?: string;
  nodeValue?: Value | null;
  unit?: Unit;
  operationKind?: string;
  possibilities?: unknown;
  explanation?: unknown;
};
type EngineInternals = {
  // The rules as written, before any situation replaced the `$SITUATION` ones.
  baseContext: {
    parsedRules: Record<string, ParsedNode>;
    nodesTypes: Map<object, { isNullable?: boolean; type?: string }>;
  };
};

const SITUATION_SUFFIX = ' . $SITUATION';
const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

// ——— Units ———

/** The units the aid rules convert into one another, with their size in a common base (years, euros). */
const UNIT_SIZES: Record<string, { family: string; size: number }> = {
  an: { family: 'time', size: 1 },
  mois: { family: 'time', size: 1 / 12 },
  '€': { family: 'money', size: 1 },
};
const familyOf = (unit: string) => UNIT_SIZES[unit]?.family ?? unit;

/** Exact-name cancellation of a unit's numerators against its denominators, as Publicodes simplifies a product. */
function unitOfProduct(left: Unit | undefined, right: Unit | undefined): Unit | undefined {
  if (!left || !right) return left ?? right;
  const numerators = [...left.numerators, ...right.numerators];
  const denominators: string[] = [];
  for (const name of [...left.denominators, ...right.denominators]) {
    const index = numerators.indexOf(name);
    if (index >= 0) numerators.splice(index, 1);
    else denominators.push(name);
  }
  return { numerators, denominators };
}

const inverse = (unit: Unit | undefined): Unit => ({
  numerators: unit?.denominators ?? [],
  denominators: unit?.numerators ?? [],
});

function sizeOf(unit: Unit): number {
  let size = 1;
  for (const name of unit.numerators) size *= UNIT_SIZES[name]?.size ?? 1;
  for (const name of unit.denominators) size /= UNIT_SIZES[name]?.size ?? 1;
  return size;
}

/**
 * A number in `from` expressed in `to`, rounded to 16 digits as Publicodes does. Units of different families are a
 * fault of the rules that Publicodes only warns about: left to it.
 */
function convert(from: Unit | undefined, to: Unit, value: Value): Value {
  if (from === undefined || typeof value !== 'number' || serializeUnit(from) === serializeUnit(to)) {
    return typeof value === 'number' && from !== undefined ? +value.toFixed(16) : value;
  }
  const powers = new Map<string, number>();
  const count = (names: readonly string[], sign: number) => {
    for (const name of names) powers.set(familyOf(name), (powers.get(familyOf(name)) ?? 0) + sign);
  };
  count(from.numerators, 1);
  count(from.denominators, -1);
  count(to.numerators, -1);
  count(to.denominators, 1);
  if ([...powers.values()].some((power) => power !== 0)) throw new NotCompiled('units that do not convert');
  return +(value * (sizeOf(from) / sizeOf(to))).toFixed(16);
}

/** A value given the unit `to` (a value without a unit just takes it). */
const expressedIn = (to: Unit, { value, unit }: Evaluated): Evaluated => ({
  value: unit ? convert(unit, to, value) : value,
  unit: to,
});

// ——— Operations ———

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
};
const COMPARISON: Record<string, (a: number | string | boolean, b: number | string | boolean) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  et: (a, b) => Boolean(a && b),
  ou: (a, b) => Boolean(a || b),
};

/** Dates compare as days: dd/mm/yyyy becomes yyyymmdd. */
function dayNumber(value: string): number {
  const [, day, month, year] = DATE.exec(value)!;
  return Number(`${year}${month}${day}`);
}

const isDate = (value: Value): value is string => typeof value === 'string' && DATE.test(value);

function arithmeticUnit(kind: string, left: Unit | undefined, right: Unit | undefined): Unit | undefined {
  if (kind === '*') return unitOfProduct(left, right);
  if (kind === '/') return unitOfProduct(left ?? { numerators: [], denominators: [] }, inverse(right));
  return left ?? right;
}

// ——— Compilation ———

type Parts = Record<string, ParsedNode>;

/** Percentages change how Publicodes multiplies and adds; the aid rules write rates as plain numbers. */
function checkedUnit(unit: Unit | undefined): Unit | undefined {
  if (unit && [...unit.numerators, ...unit.denominators].includes('%')) throw new NotCompiled('percentage');
  return unit;
}

export class CompiledRules {
  private readonly ruleIndex = new Map<string, number>();
  private readonly compiledRules: Compiled[] = [];
  private readonly compiling = new Set<string>();

  private constructor(private readonly internals: EngineInternals) {}

  /** Compiles the rules `roots` need; throws `NotCompiled` when one uses what the closures do not handle. */
  static of(engine: Engine, roots: readonly string[]): CompiledRules {
    const compiled = new CompiledRules(engine as unknown as EngineInternals);
    for (const root of roots) compiled.ruleId(root);
    return compiled;
  }

  /** Values of the given rules for a situation (as given to Publicodes' `setSituation`). */
  values(situation: Situation, names: readonly string[]): Value[] {
    const run: Run = { situation, rules: new Array<Evaluated | undefined>(this.compiledRules.length) };
    return names.map((name) => this.rule(this.ruleIndex.get(name)!, run).value);
  }

  private rule(id: number, run: Run): Evaluated {
    let evaluated = run.rules[id];
    if (evaluated === undefined) run.rules[id] = evaluated = this.compiledRules[id]!(run);
    return evaluated;
  }

  private ruleId(name: string): number {
    // Publicodes cuts a cycle short with a warning; the closures would loop.
    if (this.compiling.has(name)) throw new NotCompiled(`cycle through ${name}`);
    const known = this.ruleIndex.get(name);
    if (known !== undefined) return known;
    this.compiling.add(name);
    const node = this.internals.baseContext.parsedRules[name]!;
    const compiled = name.endsWith(SITUATION_SUFFIX) ? this.compileSituation(name, node) : this.compileRule(node);
    this.compiling.delete(name);
    const id = this.compiledRules.push(compiled) - 1;
    this.ruleIndex.set(name, id);
    return id;
  }

  /** A situation value as the simulator writes it: a number, oui / non, a 'text' or a date. */
  private compileSituation(name: string, node: ParsedNode): Compiled {
    const input = name.slice(0, -SITUATION_SUFFIX.length);
    const unset = this.compile((node.explanation as Parts).valeur!);
    return (run) => {
      const raw = run.situation[input];
      if (raw === undefined) return unset(run);
      if (typeof raw === 'number') return { value: raw, unit: undefined };
      if (raw === 'oui' || raw === 'non') return { value: raw === 'oui', unit: undefined };
      const text = /^'(.*)'$/s.exec(raw);
      if (text) return { value: text[1], unit: undefined };
      if (DATE.test(raw)) return { value: raw, unit: undefined };
      throw new NotCompiled(`situation value ${raw}`);
    };
  }

  private compileRule(node: ParsedNode): Compiled {
    const explanation = node.explanation as { valeur: ParsedNode; parents: ParsedNode[] };
    const types = this.internals.baseContext.nodesTypes;
    if (explanation.parents.some((parent) => types.get(parent)?.isNullable || types.get(parent)?.type === 'boolean'))
      throw new NotCompiled(`${node.dottedName}: a parent may disable it`);
    if (node.possibilities) throw new NotCompiled(`${node.dottedName}: possibilities`);
    return this.compile(explanation.valeur);
  }

  private compile(node: ParsedNode): Compiled {
    switch (node.nodeKind) {
      case 'constant': {
        // A constant `null` is how Publicodes writes "not applicable", which the aid rules do not use.
        if (node.nodeValue === null) throw new NotCompiled('not applicable');
        const evaluated: Evaluated = { value: node.nodeValue, unit: checkedUnit(node.unit) };
        return () => evaluated;
      }
      case 'reference': {
        if ('unit' in node || 'nodeValue' in node) throw new NotCompiled('reference with a value of its own');
        const id = this.ruleId(node.dottedName!);
        return (run) => this.rule(id, run);
      }
      case 'est non défini': {
        const inner = this.compile(node.explanation as ParsedNode);
        return (run) => ({ value: inner(run).value === undefined, unit: undefined });
      }
      case 'unité': {
        const inner = this.compile(node.explanation as ParsedNode);
        const target = checkedUnit(node.unit)!;
        return (run) => {
          const { value, unit } = inner(run);
          return { value: convert(unit, target, value), unit: target };
        };
      }
      case 'condition':
        return this.compileCondition(node.explanation as Parts);
      case 'variations':
        return this.compileVariations(node.explanation as { condition: ParsedNode; consequence: ParsedNode }[]);
      case 'arrondi':
        return this.compileRounding(node.explanation as Parts);
      case 'operation':
        return this.compileOperation(node);
      default:
        throw new NotCompiled(`node kind ${node.nodeKind}`);
    }
  }

  private compileCondition(parts: Parts): Compiled {
    const condition = this.compile(parts.si!);
    const then = this.compile(parts.alors!);
    const otherwise = this.compile(parts.sinon!);
    // Publicodes gives the result the unit written on the first branch when the other has none.
    const writtenThenUnit = parts.alors!.unit;
    return (run) => {
      const holds = condition(run).value;
      if (holds === true) return then(run);
      if (holds === false) {
        const taken = otherwise(run);
        return { value: taken.value, unit: taken.unit ?? writtenThenUnit };
      }
      if (holds === undefined) return { value: undefined, unit: undefined };
      throw new NotCompiled('condition is not a boolean');
    };
  }

  /** The first branch whose condition holds; an unknown condition before it makes the result unknown. */
  private compileVariations(branches: { condition: ParsedNode; consequence: ParsedNode }[]): Compiled {
    const compiled = branches.map(({ condition, consequence }) => ({
      condition: this.compile(condition),
      consequence: this.compile(consequence),
    }));
    return (run) => {
      // Every branch's value takes the unit of the first branch evaluated.
      let unit: Unit | undefined;
      for (const branch of compiled) {
        const holds = branch.condition(run).value;
        if (holds === false) continue;
        if (holds === undefined) return { value: undefined, unit: undefined };
        let consequence = branch.consequence(run);
        if (unit) consequence = expressedIn(unit, consequence);
        unit ??= consequence.unit;
        return { value: consequence.value, unit };
      }
      throw new NotCompiled('no branch applies');
    };
  }

  private compileRounding(parts: Parts): Compiled {
    const valeur = this.compile(parts.valeur!);
    const digits = this.compile(parts.arrondi!);
    return (run) => {
      const evaluated = valeur(run);
      const simplified = simplifyNodeUnit({ nodeValue: evaluated.value, unit: evaluated.unit } as never) as {
        nodeValue: Value;
        unit: Unit | undefined;
      };
      const value = simplified.nodeValue;
      if (typeof value !== 'number') return { value, unit: simplified.unit };
      const precision = digits(run).value;
      if (typeof precision !== 'number') throw new NotCompiled('rounding without a number of decimals');
      const scale = 10 ** precision;
      return { value: Math.round((value + Number.EPSILON) * scale) / scale, unit: simplified.unit };
    };
  }

  private compileOperation(node: ParsedNode): Compiled {
    const kind = node.operationKind!;
    if (!ARITHMETIC[kind] && !COMPARISON[kind]) throw new NotCompiled(`operation ${kind}`);
    const [leftNode, rightNode] = node.explanation as ParsedNode[];
    // `somme` adds its terms to a "not applicable" constant, which counts as nothing in a sum.
    const notApplicable = (operand: ParsedNode) => operand.nodeKind === 'constant' && operand.nodeValue === null;
    if (kind === '+' && notApplicable(rightNode!)) return this.compile(leftNode!);
    if (kind === '+' && notApplicable(leftNode!)) return this.compile(rightNode!);
    const leftOf = this.compile(leftNode!);
    const rightOf = this.compile(rightNode!);
    // Publicodes does not evaluate the right side after these left values, nor use the left after these right ones.
    const decidedByLeft = (value: Value) =>
      (value === 0 && (kind === '/' || kind === '*')) ||
      (value === false && kind === 'et') ||
      (value === true && kind === 'ou');
    const decidedByRight = (value: Value) =>
      (value === 0 && kind === '*') || (value === false && kind === 'et') || (value === true && kind === 'ou');
    const converts = kind !== '*' && kind !== '/';
    return (run) => {
      let left = leftOf(run);
      if (decidedByLeft(left.value)) return { value: kind === 'et' ? false : left.value, unit: undefined };
      let right = rightOf(run);
      if (kind === '/' && right.value === 0) throw new NotCompiled('division by zero');
      if (decidedByRight(right.value)) return { value: kind === 'et' ? false : right.value, unit: undefined };
      if (converts) {
        if (left.unit) right = expressedIn(left.unit, right);
        else if (right.unit) left = expressedIn(right.unit, left);
      }
      const a = left.value;
      const b = right.value;
      if (a === undefined || b === undefined) return { value: undefined, unit: undefined };
      if (COMPARISON[kind])
        return {
          value: isDate(a) && isDate(b) ? COMPARISON[kind](dayNumber(a), dayNumber(b)) : COMPARISON[kind](a, b),
          unit: undefined,
        };
      if (typeof a !== 'number' || typeof b !== 'number')
        throw new NotCompiled(`${kind} on values that are not numbers`);
      return { value: ARITHMETIC[kind]!(a, b), unit: arithmeticUnit(kind, left.unit, right.unit) };
    };
  }
}
