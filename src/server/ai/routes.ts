import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

/** The cloud-AI fallback: an OpenAI-compatible proxy metered per tier. */
export async function registerAiRoutes(_app: FastifyInstance, _context: ServerContext): Promise<void> {}
