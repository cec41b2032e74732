import { createHash } from 'node:crypto';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  attachmentLimits,
  attachmentMediaTypes,
  type AttachmentKind,
} from '#src/modules/forms/api/attachments.schema.ts';

const t = messages.forms.attachments;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The media type the bytes really are, from their first bytes; null for anything we do not accept. */
export function sniffMediaType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** `image/png; charset=x` → `image/png`. */
export const bareMediaType = (contentType: string | undefined) =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

export const megabytesOf = (kind: AttachmentKind) => attachmentLimits[kind] / (1024 * 1024);

/**
 * Why these bytes cannot answer a question of this kind, or null. The declared type must be one
 * the kind accepts and must match what the bytes are: a renamed file is refused like a wrong one.
 */
export function contentProblem(kind: AttachmentKind, declaredType: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return t.empty;
  if (bytes.length > attachmentLimits[kind]) return t.tooLarge(megabytesOf(kind));
  const accepted = attachmentMediaTypes[kind];
  if (!accepted.includes(declaredType) || sniffMediaType(bytes) !== declaredType) return t.wrongType[kind];
  return null;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads a request body, stopping as soon as it passes `max` bytes so an oversized upload is never
 * held in memory whole; `null` then means "too large".
 */
export async function readAtMost(body: ReadableStream<Uint8Array> | null, max: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
