import type { MailMessage } from '../mailer';
import { mailHtml } from './layout';

/** Sent after registration and on "resend": the link opens a confirm page (GET never consumes it). */
export function verifyEmailMessage(input: { to: string; link: string }): MailMessage {
  const lines = [
    'Welcome to Cadence sync. Confirm this address so you can use the cloud model and the publish relay.',
    'The link works for 24 hours. If you did not create a Cadence account, ignore this email.',
  ];
  return {
    to: input.to,
    subject: 'Confirm your email for Cadence',
    text: `${lines[0]}\n\nConfirm: ${input.link}\n\n${lines[1]}\n`,
    html: mailHtml('Confirm your email', lines, { label: 'Confirm my email', url: input.link }),
  };
}
