import { createContext, type ReactNode } from 'react';
import { uuidv7 } from 'uuidv7';
import type { ErrorBody } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { ApiError } from '#src/shared/ui/api.ts';
import type { Question } from '#src/modules/forms/api/form.schema.ts';
import {
  attachmentLimits,
  attachmentMediaTypes,
  type AttachmentKind,
} from '#src/modules/forms/api/attachments.schema.ts';

const t = messages.forms.attachments;

/**
 * How the form renderer stores an attachment and shows it back. The default sends it to the API;
 * the offline page substitutes one that queues the upload and shows it from the device. An upload
 * is keyed by an id generated here, so a replay (retry, outbox) stores it once.
 */
export type AttachmentIo = {
  /** Rejects with an `ApiError` whose issue on `file` says what is wrong with the file. */
  upload(file: Blob, meta: { id: string; kind: AttachmentKind; name: string }): Promise<{ id: string }>;
  /** Where the browser loads it from (an image's `src`, a document's link). */
  urlOf(id: string): string;
};

export const newAttachmentId = (): string => uuidv7();

export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;

/** The upload request: the raw bytes with their type; exported for the offline outbox to replay. */
export function uploadRequest(personId: string, file: Blob, meta: { id: string; kind: AttachmentKind; name: string }) {
  const query = new URLSearchParams({ kind: meta.kind, name: meta.name, id: meta.id });
  return new Request(`/api/people/${encodeURIComponent(personId)}/attachments?${query.toString()}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' },
    body: file,
    credentials: 'same-origin',
  });
}

/** The API-backed default. */
export function apiAttachments(personId: string): AttachmentIo {
  return {
    async upload(file, meta) {
      let response: Response;
      try {
        response = await fetch(uploadRequest(personId, file, meta));
      } catch {
        throw new ApiError(0, 'network', messages.errors.network);
      }
      const body = (await response.json().catch(() => null)) as (ErrorBody & { id?: string }) | null;
      if (response.ok && body?.id) return { id: body.id };
      throw new ApiError(
        response.status,
        body?.code ?? 'internal',
        body?.message ?? t.uploadFailed,
        body?.issues ?? [],
      );
    },
    urlOf: attachmentUrl,
  };
}

/** The message the server would give, checked before sending (no upload of a file bound to be refused). */
export function problemBeforeUpload(kind: AttachmentKind, file: Blob): string | null {
  if (file.size === 0) return t.empty;
  if (!attachmentMediaTypes[kind].includes(file.type)) return t.wrongType[kind];
  if (file.size > attachmentLimits[kind]) return t.tooLarge(attachmentLimits[kind] / (1024 * 1024));
  return null;
}

/** The message to show next to the question for a failed upload. */
export const uploadError = (error: unknown) =>
  error instanceof ApiError ? (error.issues.find((i) => i.path === 'file')?.message ?? error.message) : t.uploadFailed;

const MAX_PHOTO_SIDE = 1600;

/** A photo as a JPEG of at most 1600 px on its longer side: phones' pictures shrink tenfold before leaving. */
export async function downscalePhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const context = canvas.getContext('2d')!;
  // JPEG has no transparency: a transparent PNG would turn black without a white background.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/jpeg', 0.85),
  );
}

/** `IMG_0042.HEIC` → `IMG_0042.jpg`: the name follows the converted content. */
export const jpegName = (name: string) => `${name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;

/** Given by the form renderer to its attachment questions; null where nothing can be stored (a template preview). */
export const AttachmentIoContext = createContext<AttachmentIo | null>(null);

/** What the renderer has already prepared for a question: its id, label, notes and error, and its answer. */
export type AttachmentFieldProps = {
  question: Question;
  id: string;
  label: ReactNode;
  /** Help, hints and the form's own error for the question. */
  extra: ReactNode;
  describedBy: string | undefined;
  invalid: boolean;
  value: string | null;
  onChange: (value: string | null) => void;
};
