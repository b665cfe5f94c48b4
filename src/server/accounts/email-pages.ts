import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { resetPasswordRequestSchema, verifyEmailRequestSchema } from '../../shared/sync-api/accounts';
import { ApiError } from '../http/api-error';
import { escapeHtml } from '../mail/templates/layout';
import type { AccountsEnv } from './accounts-env';
import { resetPassword, verifyEmail } from './email-flows';
import { IP_LIMITS, ipRateLimit } from './throttle';

const tokenQuery = z.object({ token: z.string().min(20).max(512) });
const resetForm = resetPasswordRequestSchema.and(z.object({ confirm: z.string() }));

/**
 * The pages email links open. Opening a link (GET) only shows a button or a form; the token is
 * spent by the POST, so mail scanners that prefetch links cannot use it up. Forms post
 * urlencoded, parsed only inside this plugin so the JSON API is unaffected.
 */
export async function registerEmailPages(app: FastifyInstance, env: AccountsEnv): Promise<void> {
  const { context, record } = env;
  await app.register(async (pages) => {
    pages.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    pages.get('/auth/pages/verify-email', async (request, reply) => {
      const query = tokenQuery.safeParse(request.query);
      if (!query.success) return page(reply, 400, 'Link not complete', `<p>${BROKEN_LINK}</p>`);
      return page(
        reply,
        200,
        'Confirm your email',
        `<p>Confirm this address for your Cadence sync account.</p>
<form method="post"><input type="hidden" name="token" value="${escapeHtml(query.data.token)}">
<button type="submit">Confirm my email</button></form>`,
      );
    });

    pages.post('/auth/pages/verify-email', ipRateLimit(context, IP_LIMITS.emailLinks), async (request, reply) => {
      const form = verifyEmailRequestSchema.safeParse(request.body);
      if (!form.success) return page(reply, 400, 'Link not complete', `<p>${BROKEN_LINK}</p>`);
      try {
        await verifyEmail(context, form.data.token);
      } catch (error) {
        return failure(reply, error, 'Email not confirmed');
      }
      record('email_verified');
      return page(reply, 200, 'Email confirmed', '<p>Thank you. You can close this page and go back to Cadence.</p>');
    });

    pages.get('/auth/pages/reset-password', async (request, reply) => {
      const query = tokenQuery.safeParse(request.query);
      if (!query.success) return page(reply, 400, 'Link not complete', `<p>${BROKEN_LINK}</p>`);
      return page(reply, 200, 'Choose a new password', resetFormHtml(query.data.token, null));
    });

    pages.post('/auth/pages/reset-password', ipRateLimit(context, IP_LIMITS.emailLinks), async (request, reply) => {
      const token = tokenQuery.safeParse(request.body);
      if (!token.success) return page(reply, 400, 'Link not complete', `<p>${BROKEN_LINK}</p>`);
      const form = resetForm.safeParse(request.body);
      if (!form.success || form.data.password !== form.data.confirm) {
        const problem = form.success
          ? 'The two passwords are not the same.'
          : (form.error.issues.find((i) => i.path[0] === 'password')?.message ?? 'Fill in both fields.');
        return page(reply, 400, 'Choose a new password', resetFormHtml(token.data.token, problem));
      }
      try {
        await resetPassword(context, form.data.token, form.data.password);
      } catch (error) {
        return failure(reply, error, 'Password not changed');
      }
      record('password_reset');
      return page(
        reply,
        200,
        'Password changed',
        '<p>Your new password is set and every device was signed out. Sign in again in Cadence.</p>',
      );
    });
  });
}

const BROKEN_LINK =
  'This link is not complete. Copy the whole address from the email, or ask for a new email in Cadence.';

function resetFormHtml(token: string, problem: string | null): string {
  const alert = problem ? `<p role="alert" style="color:#b00020">${escapeHtml(problem)}</p>` : '';
  return `${alert}<form method="post"><input type="hidden" name="token" value="${escapeHtml(token)}">
<p><label>New password (at least 10 characters)<br><input type="password" name="password" minlength="10" required autocomplete="new-password"></label></p>
<p><label>The same again<br><input type="password" name="confirm" minlength="10" required autocomplete="new-password"></label></p>
<button type="submit">Set the new password</button></form>`;
}

function failure(reply: FastifyReply, error: unknown, title: string) {
  if (error instanceof ApiError && error.status < 500)
    return page(reply, error.status, title, `<p>${escapeHtml(error.message)}</p>`);
  throw error;
}

function page(reply: FastifyReply, status: number, title: string, body: string) {
  return reply.status(status).headers({
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The token is in the address: it must not leak to other sites through Referer.
    'referrer-policy': 'no-referrer',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  }).send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)} · Cadence</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 480px; margin: 48px auto; padding: 0 16px">
<h1 style="font-size: 22px">${escapeHtml(title)}</h1>
${body}
</body></html>`);
}
