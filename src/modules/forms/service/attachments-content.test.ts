import { describe, expect, it } from 'vitest';
import { contentProblem, readAtMost, sniffMediaType } from '#src/modules/forms/service/attachments-content.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it('recognises JPEG, PNG, WebP and PDF from their first bytes only', () => {
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffMediaType(bytes([0x89], 'PNG\r\n\x1a\n', [0]))).toBe('image/png');
    expect(sniffMediaType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(bytes('%PDF-1.4'))).toBe('application/pdf');
    expect(sniffMediaType(bytes('RIFF', [1, 2, 3, 4], 'WAVE'))).toBeNull();
    expect(sniffMediaType(bytes('GIF89a'))).toBeNull();
    expect(sniffMediaType(bytes([0xff, 0xd8]))).toBeNull();
  });
});

describe('contentProblem', () => {
  it('accepts a type the kind allows when the bytes are of that type', () => {
    expect(contentProblem('photo', 'image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
    expect(contentProblem('file', 'application/pdf', bytes('%PDF-1.7'))).toBeNull();
  });

  it('refuses a type the kind does not allow, bytes of another type, and an empty file', () => {
    expect(contentProblem('signature', 'application/pdf', bytes('%PDF-1.7'))).toBe(
      'La signature doit être une image PNG.',
    );
    expect(contentProblem('photo', 'image/jpeg', bytes('%PDF-1.7'))).toBe(
      'Choisissez une photo au format JPEG, PNG ou WebP.',
    );
    expect(contentProblem('file', 'application/pdf', bytes())).toBe('Le fichier est vide.');
  });
});

describe('readAtMost', () => {
  const stream = (...chunks: number[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const size of chunks) controller.enqueue(new Uint8Array(size));
        controller.close();
      },
    });

  it('reads a body up to the limit and gives up as soon as it is passed', async () => {
    expect((await readAtMost(stream(3, 4), 7))?.length).toBe(7);
    expect(await readAtMost(stream(3, 4, 1), 7)).toBeNull();
    expect((await readAtMost(null, 7))?.length).toBe(0);
  });
});
