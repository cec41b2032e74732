import PgBoss from 'pg-boss';
import type { AppDeps } from '#src/shared/http/env.ts';
import { sendPendingNotificationEmails } from '#src/modules/notifications/index.ts';
import { sendDueTaskReminders } from '#src/modules/pathways/index.ts';
import { sendRenewalReminders } from '#src/modules/applications/index.ts';
import { sendAnswerReminders } from '#src/modules/offers/index.ts';
import { sendFollowUpReminders } from '#src/modules/trials/index.ts';
import { sendLoanAgreementReminders } from '#src/modules/catalogue/index.ts';
import { sendFundingReminders } from '#src/modules/funding/index.ts';

/** A recurring job: a queue name, its cron, and the work it does at `now`. */
type RecurringJob = { name: string; cron: string; run: (deps: AppDeps, now: Date) => Promise<unknown> };

const EVERY_MINUTE = '* * * * *';

/**
 * What the queue runs. Each job is a sweep over due rows that is safe to run again: a missed or
 * failed run is caught up by the next one, so jobs are not retried by the queue itself.
 */
const recurringJobs: RecurringJob[] = [
  // Reminders become notifications with a pending e-mail; the sender delivers them on its next run.
  { name: 'task-reminders', cron: EVERY_MINUTE, run: (deps, now) => sendDueTaskReminders(deps.database.db, now) },
  { name: 'notification-emails', cron: EVERY_MINUTE, run: sendPendingNotificationEmails },
  // Social-housing applications to renew (60 and 30 days ahead): once a day, before the teams start (UTC cron).
  {
    name: 'application-renewal-reminders',
    cron: '0 5 * * *',
    run: (deps, now) => sendRenewalReminders(deps.database.db, now),
  },
  // Offers whose answer is due within two days: once a day, before the teams start (UTC cron).
  {
    name: 'offer-answer-reminders',
    cron: '10 5 * * *',
    run: (deps, now) => sendAnswerReminders(deps.database.db, now),
  },
  // Follow-ups of assistive products acquired three months ago: once a day, before the teams start (UTC cron).
  {
    name: 'trial-follow-up-reminders',
    cron: '20 5 * * *',
    run: (deps, now) => sendFollowUpReminders(deps.database.db, now),
  },
  // Showroom loan agreements reaching their reminder date (30 days before the end by default): once a day.
  {
    name: 'loan-agreement-reminders',
    cron: '30 5 * * *',
    run: (deps, now) => sendLoanAgreementReminders(deps.database.db, now),
  },
  // Funding applications stalled past their funder's usual delay, and the N+1 follow-ups: once a day.
  {
    name: 'funding-reminders',
    cron: '40 5 * * *',
    run: (deps, now) => sendFundingReminders(deps.database.db, now),
  },
];

/** How often pg-boss looks for work; tests shorten it to see a scheduled job run within seconds. */
export type JobTiming = { pollingIntervalSeconds: number; cronMonitorIntervalSeconds: number };
const defaultTiming: JobTiming = { pollingIntervalSeconds: 5, cronMonitorIntervalSeconds: 30 };

/**
 * Starts pg-boss on the application's database: on PGlite through the one embedded connection
 * (PGlite has no server to open a second one), on PostgreSQL with its own small pool so jobs never
 * take the connections requests need. Returns the function that stops it.
 */
export async function startJobs(deps: AppDeps, timing: JobTiming = defaultTiming): Promise<() => Promise<void>> {
  const { database, config, log } = deps;
  const connection =
    config.database.kind === 'postgres'
      ? { connectionString: config.database.url, max: 2 }
      : { db: { executeSql: (text: string, values?: unknown[]) => database.execute(text, values) } };
  const boss = new PgBoss({
    ...connection,
    cronMonitorIntervalSeconds: timing.cronMonitorIntervalSeconds,
    cronWorkerIntervalSeconds: Math.min(timing.cronMonitorIntervalSeconds, 5),
  });
  // Without a listener an 'error' event would crash the process; a failed poll is retried by the next.
  boss.on('error', (error) => log.error('job queue error', { error: String(error) }));
  await boss.start();

  for (const job of recurringJobs) {
    // 'stately': at most one run waiting and one running, so a slow run never piles up others.
    await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 0 });
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, { pollingIntervalSeconds: timing.pollingIntervalSeconds }, async () => {
      try {
        const result = await job.run(deps, new Date());
        log.debug('job done', { job: job.name, result });
      } catch (error) {
        // The queue records the failure silently; the next minute's run tries again.
        log.error('job failed', { job: job.name, error: String(error) });
        throw error;
      }
    });
  }
  return () => boss.stop({ graceful: true, timeout: 10_000 });
}
