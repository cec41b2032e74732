import nodemailer from 'nodemailer';
import type { Config } from '#src/shared/config.ts';

export type OutgoingMail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: OutgoingMail): Promise<void>; close(): void };

/** Every e-mail leaves through SMTP, in development and tests too (against a local SMTP server). */
export function createMailer(smtp: Config['smtp']): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    // A local development server has no certificate worth checking.
    ignoreTLS: !smtp.secure && ['localhost', '127.0.0.1'].includes(smtp.host),
  });
  return {
    send: async ({ to, subject, text }) => {
      await transport.sendMail({ from: smtp.from, to, subject, text });
    },
    close: () => transport.close(),
  };
}
