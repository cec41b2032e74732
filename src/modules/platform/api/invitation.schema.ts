import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { roles } from '#src/modules/platform/domain/roles.ts';

const requiredName = z
  .string({ error: messages.validation.nameRequired })
  .trim()
  .min(1, messages.validation.nameRequired)
  .max(200, messages.validation.tooLong(200));

/** An administrator invites someone to one organisation with one role. */
export const invitationCreateSchema = z.object({
  email: z
    .string({ error: messages.validation.email })
    .trim()
    .toLowerCase()
    .max(254, messages.validation.tooLong(254))
    .pipe(z.email({ error: messages.validation.email })),
  name: requiredName,
  organizationId: z.uuid({ error: messages.members.organizationRequired }),
  role: z.enum(roles, { error: messages.members.roleInvalid }),
});

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    role: z.string().openapi({ enum: [...roles] }),
    status: z.enum(['pending', 'expired']),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('Invitation');

/** The link is returned to the administrator too, so nothing is lost if the e-mail does not arrive. */
export const invitationCreatedSchema = z
  .object({ invitation: invitationSchema, link: z.url(), mailSent: z.boolean() })
  .openapi('InvitationCreated');

export const invitationIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

/** Any string: an unknown or malformed token answers 404 like an expired one, never 400. */
export const invitationTokenParamSchema = z.object({ token: z.string().min(1).max(200) });

/** What the invited person sees before accepting (the token is the credential). */
export const invitationPublicSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    organizationName: z.string(),
    role: z.string(),
    existingAccount: z.boolean(),
    expiresAt: z.string(),
  })
  .openapi('InvitationPublic');

/** Creating one's account from an invitation; the form and the server validate with this schema. */
export const newAccountSchema = z
  .object({
    name: requiredName,
    password: z
      .string({ error: messages.validation.passwordTooShort })
      .min(12, messages.validation.passwordTooShort)
      .max(256, messages.validation.tooLong(256)),
    passwordConfirm: z.string({ error: messages.validation.passwordsDiffer }),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: messages.validation.passwordsDiffer,
  });

/**
 * The request body of acceptance: an invited address that already has an account sends nothing
 * (it keeps its password); otherwise the service applies `newAccountSchema`.
 */
export const invitationAcceptSchema = z
  .object({
    name: z.string().max(200).optional(),
    password: z.string().max(256).optional(),
    passwordConfirm: z.string().max(256).optional(),
  })
  .openapi('InvitationAccept');

export const invitationAcceptedSchema = z
  .object({ existingAccount: z.boolean(), email: z.string() })
  .openapi('InvitationAccepted');

export type Invitation = z.infer<typeof invitationSchema>;
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;
export type InvitationPublic = z.infer<typeof invitationPublicSchema>;
export type InvitationAccepted = z.infer<typeof invitationAcceptedSchema>;
