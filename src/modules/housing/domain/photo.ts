/** Programme photos: pictures only, kept under the API-wide body limit, their type checked on the bytes. */
export const photoMediaTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 1_000_000;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The picture type the bytes really are (magic bytes), or null. */
export function sniffPhotoType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Why these bytes are not an acceptable photo, or null; a renamed file is refused like a wrong one. */
export function photoProblem(declaredType: string, bytes: Uint8Array): 'empty' | 'tooLarge' | 'wrongType' | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_PHOTO_BYTES) return 'tooLarge';
  if (!(photoMediaTypes as readonly string[]).includes(declaredType) || sniffPhotoType(bytes) !== declaredType)
    return 'wrongType';
  return null;
}
