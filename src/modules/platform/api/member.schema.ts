import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { roles } from '#src/modules/platform/domain/roles.ts';

export { roles };

const roleField = z.enum(roles, { error: messages.members.roleInvalid });

export const membershipSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    role: z.string().openapi({ enum: [...roles] }),
  })
  .openapi('Membership');

export const memberSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    twoFactorEnabled: z.boolean(),
    memberships: z.array(membershipSchema),
  })
  .openapi('Member');

/** `canManage` lets the page offer the controls only to those who may use them (the server still checks). */
export const memberListSchema = z.object({ items: z.array(memberSchema), canManage: z.boolean() });

/** Adding an existing account of the workspace to one more organisation. */
export const membershipCreateSchema = z.object({
  userId: z.uuid({ error: messages.members.userRequired }),
  organizationId: z.uuid({ error: messages.members.organizationRequired }),
  role: roleField,
});

export const membershipRoleSchema = z.object({ role: roleField });

export const membershipIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

export type Member = z.infer<typeof memberSchema>;
export type MembershipView = z.infer<typeof membershipSchema>;
export type MemberList = z.infer<typeof memberListSchema>;
