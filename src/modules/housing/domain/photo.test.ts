import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, photoProblem } from '#src/modules/housing/domain/photo.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);

describe('photoProblem', () => {
  it('accepts a picture whose bytes match its declared type', () => {
    expect(photoProblem('image/png', png)).toBeNull();
    expect(photoProblem('image/jpeg', jpeg)).toBeNull();
  });

  it('refuses an empty file, a renamed file, a PDF and an oversized picture', () => {
    expect(photoProblem('image/png', new Uint8Array())).toBe('empty');
    expect(photoProblem('image/jpeg', png)).toBe('wrongType');
    expect(photoProblem('application/pdf', new TextEncoder().encode('%PDF-1.7'))).toBe('wrongType');
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(png);
    expect(photoProblem('image/png', big)).toBe('tooLarge');
  });
});
