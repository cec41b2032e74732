import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';

const tooLong = messages.validation.tooLong;

/** A text the user must give, trimmed, with the message saying what is missing. */
export const requiredText = (max: number, message: string = messages.validation.required) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(max, tooLong(max));

/** A text the user may leave empty, kept as null then. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .nullish()
    .transform((v) => v || null)
    .openapi({ type: 'string' });
