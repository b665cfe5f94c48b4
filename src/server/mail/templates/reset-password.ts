import type { MailMessage } from '../mailer';
import { mailHtml } from './layout';

/** Sent on a reset request for an existing account (unknown addresses get nothing, and no error). */
export function resetPasswordMessage(input: { to: string; link: string }): MailMessage {
  const lines = [
    'Someone asked to reset the password of your Cadence sync account. Choosing a new password signs out every device.',
    'The link works for one hour. If it was not you, ignore this email: your password stays as it is.',
  ];
  return {
    to: input.to,
    subject: 'Reset your Cadence password',
    text: `${lines[0]}\n\nChoose a new password: ${input.link}\n\n${lines[1]}\n`,
    html: mailHtml('Reset your password', lines, { label: 'Choose a new password', url: input.link }),
  };
}
