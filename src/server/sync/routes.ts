import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

/** Push, pull, keyring and the live channel (fan-out across instances by LISTEN/NOTIFY). */
export async function registerSyncRoutes(_app: FastifyInstance, _context: ServerContext): Promise<void> {}
