import { readFileSync } from 'node:fs';
import { parseParameters } from '#src/modules/funding/domain/parameters.ts';
import { AidRulesEngine, parseRules } from '#src/modules/funding/domain/rules-engine.ts';

const rulesFile = (name: string) => new URL(`../rules/${name}`, import.meta.url);

/** The national rules shipped with Demeure; a fault in their data stops the start with the file and line. */
export function loadShippedRules() {
  const parameters = parseParameters(readFileSync(rulesFile('parameters.yaml'), 'utf8'), 'parameters.yaml');
  const rules = parseRules(readFileSync(rulesFile('aids.publicodes.yaml'), 'utf8'));
  return { parameters, rules, engine: new AidRulesEngine(parameters, rules) };
}
