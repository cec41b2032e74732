/** SIRET: 14 digits whose Luhn sum is a multiple of 10 (La Poste's establishments excepted by INSEE). */
const LA_POSTE_SIREN = '356000000';

export type SiretCheck = 'ok' | 'format' | 'key';

export function checkSiret(raw: string): SiretCheck {
  const siret = raw.replace(/\s+/g, '');
  if (!/^\d{14}$/.test(siret)) return 'format';
  if (siret.startsWith(LA_POSTE_SIREN)) {
    // INSEE rule for La Poste: the digits of the SIRET sum to a multiple of 5.
    const sum = [...siret].reduce((acc, d) => acc + Number(d), 0);
    return sum % 5 === 0 ? 'ok' : 'key';
  }
  let sum = 0;
  for (let i = 0; i < 14; i += 1) {
    let digit = Number(siret[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0 ? 'ok' : 'key';
}

export const normalizeSiret = (raw: string) => raw.replace(/\s+/g, '');
