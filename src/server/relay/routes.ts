import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

/** The publish relay: scheduled posts handed over by a device, published while it sleeps. */
export async function registerRelayRoutes(_app: FastifyInstance, _context: ServerContext): Promise<void> {}
