/** LPP codes (liste des produits et prestations remboursables) are 7 digits, historically the "code TIPS". */
export const parseLppCode = (input: string): string | null => {
  const digits = input.trim().replace(/[ .]/g, '');
  return /^\d{7}$/.test(digits) ? digits : null;
};
