import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

/** Register, sign in, tokens, email verification, password reset, devices, account deletion, admin. */
export async function registerAccountRoutes(_app: FastifyInstance, _context: ServerContext): Promise<void> {}
