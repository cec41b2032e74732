import { messages } from '#src/shared/i18n/fr.ts';

/**
 * The XLSForm/ODK expression subset used by `relevant`, `constraint` and `calculation`:
 * tokenizer → AST → evaluator. Errors name the bad token or the unknown function, in French,
 * so they can be reported line by line when a form is imported.
 */

const t = messages.forms.expression;

export type Value = string | number | boolean | string[] | null;

export type Ast =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'ref'; name: string }
  | { kind: 'current' }
  | { kind: 'unary'; op: '-'; operand: Ast }
  | { kind: 'binary'; op: BinaryOp; left: Ast; right: Ast }
  | { kind: 'call'; name: FunctionName; args: Ast[] };

type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

/** Functions and how many arguments each takes. */
const functions = {
  selected: [2, 2],
  'count-selected': [1, 1],
  if: [3, 3],
  'string-length': [1, 1],
  today: [0, 0],
  coalesce: [2, 2],
  not: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
type FunctionName = keyof typeof functions;
const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(functions, name);

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

type Token =
  | { type: 'number'; value: number; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'ref'; value: string; pos: number }
  | { type: 'name'; value: string; pos: number }
  | { type: 'op'; value: string; pos: number }
  | { type: 'end'; pos: number };

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const symbols = ['!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '(', ')', ',', '.'];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]+|^[0-9]+\.?/.exec(source.slice(i))!;
      tokens.push({ type: 'number', value: Number(m[0]), pos: i });
      i += m[0].length;
    } else if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError(t.unterminatedString(i + 1), i);
      tokens.push({ type: 'string', value: source.slice(i + 1, end), pos: i });
      i = end + 1;
    } else if (c === '$') {
      const m = /^\$\{([^}]*)\}/.exec(source.slice(i));
      if (!m || !namePattern.test(m[1]!.trim())) throw new ExpressionError(t.badReference(i + 1), i);
      tokens.push({ type: 'ref', value: m[1]!.trim(), pos: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      // Hyphens belong to names here (count-selected, string-length), as in XPath.
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i))!;
      tokens.push({ type: 'name', value: m[0], pos: i });
      i += m[0].length;
    } else {
      const symbol = symbols.find((s) => source.startsWith(s, i));
      if (!symbol) throw new ExpressionError(t.unexpectedCharacter(c, i + 1), i);
      tokens.push({ type: 'op', value: symbol, pos: i });
      i += symbol.length;
    }
  }
  tokens.push({ type: 'end', pos: source.length });
  return tokens;
}

const levels: BinaryOp[][] = [['or'], ['and'], ['=', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', 'div', 'mod']];

export function parseExpression(source: string): Ast {
  const tokens = tokenize(source);
  if (tokens.length === 1) throw new ExpressionError(t.empty, 0);
  let at = 0;
  const peek = () => tokens[at]!;
  const describe = (tok: Token) => (tok.type === 'end' ? t.endOfExpression : source.slice(tok.pos).split(/\s/)[0]!);
  const fail = (tok: Token): never => {
    if (tok.type === 'end') throw new ExpressionError(t.incomplete, tok.pos);
    throw new ExpressionError(t.unexpectedToken(describe(tok), tok.pos + 1), tok.pos);
  };
  const operatorAt = (level: BinaryOp[]): BinaryOp | null => {
    const tok = peek();
    if ((tok.type === 'op' || tok.type === 'name') && (level as string[]).includes(tok.value)) {
      return tok.value as BinaryOp;
    }
    return null;
  };
  const expect = (value: string) => {
    const tok = peek();
    if (tok.type !== 'op' || tok.value !== value) fail(tok);
    at++;
  };

  const binary = (depth: number): Ast => {
    if (depth === levels.length) return unary();
    let left = binary(depth + 1);
    for (let op = operatorAt(levels[depth]!); op; op = operatorAt(levels[depth]!)) {
      at++;
      left = { kind: 'binary', op, left, right: binary(depth + 1) };
    }
    return left;
  };
  const unary = (): Ast => {
    const tok = peek();
    if (tok.type === 'op' && tok.value === '-') {
      at++;
      return { kind: 'unary', op: '-', operand: unary() };
    }
    return primary();
  };
  const primary = (): Ast => {
    const tok = peek();
    at++;
    switch (tok.type) {
      case 'number':
        return { kind: 'number', value: tok.value };
      case 'string':
        return { kind: 'string', value: tok.value };
      case 'ref':
        return { kind: 'ref', name: tok.value };
      case 'name': {
        const next = peek();
        if (next.type !== 'op' || next.value !== '(') return fail(tok);
        if (!isFunctionName(tok.value)) throw new ExpressionError(t.unknownFunction(tok.value), tok.pos);
        at++;
        const args: Ast[] = [];
        if (!(peek().type === 'op' && (peek() as { value: string }).value === ')')) {
          args.push(binary(0));
          while (peek().type === 'op' && (peek() as { value: string }).value === ',') {
            at++;
            args.push(binary(0));
          }
        }
        expect(')');
        const [min, max] = functions[tok.value];
        if (args.length < min || args.length > max) {
          throw new ExpressionError(t.wrongArity(tok.value, min), tok.pos);
        }
        return { kind: 'call', name: tok.value, args };
      }
      case 'op':
        if (tok.value === '.') return { kind: 'current' };
        if (tok.value === '(') {
          const inner = binary(0);
          expect(')');
          return inner;
        }
        return fail(tok);
      case 'end':
        return fail(tok);
    }
  };

  const ast = binary(0);
  if (peek().type !== 'end') fail(peek());
  return ast;
}

/** Every `${name}` an expression reads, in order of appearance. */
export function referencesOf(ast: Ast): string[] {
  switch (ast.kind) {
    case 'ref':
      return [ast.name];
    case 'unary':
      return referencesOf(ast.operand);
    case 'binary':
      return [...referencesOf(ast.left), ...referencesOf(ast.right)];
    case 'call':
      return ast.args.flatMap(referencesOf);
    default:
      return [];
  }
}

export type EvaluationContext = {
  /** The answer of a question by name; an unanswered question is null. */
  valueOf: (name: string) => Value;
  /** The value `.` stands for: the answer being checked by a constraint. */
  current: Value;
  /** Today as an ISO date (YYYY-MM-DD): passed in so evaluation stays pure. */
  today: string;
};

export const isEmpty = (v: Value) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

const asString = (v: Value): string => {
  if (v === null) return '';
  if (Array.isArray(v)) return v.join(' ');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
};

const asNumber = (v: Value): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = asString(v).trim();
  return s === '' ? NaN : Number(s);
};

export const asBoolean = (v: Value): boolean => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return !isEmpty(v);
};

const selectedValues = (v: Value): string[] => (Array.isArray(v) ? v : asString(v).split(/\s+/).filter(Boolean));

/** Numbers compare as numbers, anything else (ISO dates included) as text, as ODK does. */
function compare(op: '=' | '!=' | '<' | '<=' | '>' | '>=', left: Value, right: Value): boolean {
  const numeric =
    typeof left === 'number' || typeof right === 'number'
      ? !Number.isNaN(asNumber(left)) && !Number.isNaN(asNumber(right))
      : false;
  const [a, b] = numeric ? [asNumber(left), asNumber(right)] : [asString(left), asString(right)];
  if (op === '=') return a === b;
  if (op === '!=') return a !== b;
  if (!numeric && (a === '' || b === '')) return false;
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

export function evaluate(ast: Ast, ctx: EvaluationContext): Value {
  switch (ast.kind) {
    case 'number':
    case 'string':
      return ast.value;
    case 'ref':
      return ctx.valueOf(ast.name);
    case 'current':
      return ctx.current;
    case 'unary':
      return -asNumber(evaluate(ast.operand, ctx));
    case 'binary': {
      if (ast.op === 'or') return asBoolean(evaluate(ast.left, ctx)) || asBoolean(evaluate(ast.right, ctx));
      if (ast.op === 'and') return asBoolean(evaluate(ast.left, ctx)) && asBoolean(evaluate(ast.right, ctx));
      const left = evaluate(ast.left, ctx);
      const right = evaluate(ast.right, ctx);
      switch (ast.op) {
        case '+':
          return asNumber(left) + asNumber(right);
        case '-':
          return asNumber(left) - asNumber(right);
        case '*':
          return asNumber(left) * asNumber(right);
        case 'div':
          return asNumber(left) / asNumber(right);
        case 'mod':
          return asNumber(left) % asNumber(right);
        default:
          return compare(ast.op, left, right);
      }
    }
    case 'call': {
      const arg = (n: number) => evaluate(ast.args[n]!, ctx);
      switch (ast.name) {
        case 'selected':
          return selectedValues(arg(0)).includes(asString(arg(1)));
        case 'count-selected':
          return selectedValues(arg(0)).length;
        case 'if':
          return asBoolean(arg(0)) ? arg(1) : arg(2);
        case 'string-length':
          return [...asString(arg(0))].length;
        case 'today':
          return ctx.today;
        case 'coalesce': {
          const first = arg(0);
          return isEmpty(first) ? arg(1) : first;
        }
        case 'not':
          return !asBoolean(arg(0));
      }
    }
  }
}
