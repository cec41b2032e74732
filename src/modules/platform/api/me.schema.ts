import { z } from '@hono/zod-openapi';

export const meSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
    workspace: z.object({ id: z.uuid(), name: z.string() }),
    memberships: z.array(
      z.object({
        organizationId: z.uuid(),
        organizationName: z.string(),
        organizationKind: z.string(),
        role: z.string(),
      }),
    ),
    permissions: z.array(z.string()),
    twoFactorSetupRequired: z.boolean(),
  })
  .openapi('Me');

export type Me = z.infer<typeof meSchema>;
