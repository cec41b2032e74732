import type { Actor } from '#src/shared/auth/actor.ts';
import type { Config } from '#src/shared/config.ts';
import type { Database } from '#src/shared/db/client.ts';
import type { Mailer } from '#src/shared/mail.ts';
import type { Logger } from '#src/shared/log.ts';

/** What the composition root hands every request. */
export type AppDeps = {
  config: Config;
  database: Database;
  mailer: Mailer;
  log: Logger;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** Resolves the signed-in actor once per request (memoised), or null. */
    loadActor: () => Promise<Actor | null>;
    actor: Actor;
  };
};
