import type { ServerContext } from '../context';
import type { MailMessage } from '../mail/mailer';
import { resetPasswordMessage } from '../mail/templates/reset-password';
import { verifyEmailMessage } from '../mail/templates/verify-email';

/** Links in emails open small pages on the service itself (see email-pages.ts). */
function pageLink(context: ServerContext, page: 'verify-email' | 'reset-password', token: string): string {
  const base = context.config.PUBLIC_URL.replace(/\/+$/, '');
  return `${base}/v1/auth/pages/${page}?token=${encodeURIComponent(token)}`;
}

/**
 * Mail failure never fails the request that caused it: the account exists either way and the user
 * can ask again. It is logged (without the token: the message body is not logged).
 */
async function deliver(context: ServerContext, message: MailMessage): Promise<void> {
  try {
    await context.mailer.send(message);
  } catch (error) {
    context.logger.error({ err: error, subject: message.subject }, 'email could not be sent');
  }
}

export function sendVerificationEmail(context: ServerContext, to: string, token: string): Promise<void> {
  return deliver(context, verifyEmailMessage({ to, link: pageLink(context, 'verify-email', token) }));
}

export function sendResetEmail(context: ServerContext, to: string, token: string): Promise<void> {
  return deliver(context, resetPasswordMessage({ to, link: pageLink(context, 'reset-password', token) }));
}
