import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { startHost } from './host-server';
import { createHostPorts } from './host-ports';

/**
 * `npm run serve -- [--port <n>] [--data <folder>]`: runs the core without Electron and serves
 * the renderer to a browser. Prints one line with the URL and its access token.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.CADENCE_PORT ?? '0' },
      data: { type: 'string', default: process.env.CADENCE_DATA_DIR ?? defaultDataDir() },
      renderer: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  const dataDir = resolve(values.data);
  const { ports, events } = createHostPorts(dataDir);
  const core = await createCore(ports, { events });
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = values.renderer ? resolve(values.renderer) : resolve(here, '../renderer');
  const host = await startHost({ core, port, rendererDir });
  ports.logger.info({ port: host.port, dataDir }, 'headless host listening');
  process.stdout.write(`Cadence is running at ${host.url}\n`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** Same folder the desktop app uses on Linux (~/.config/Cadence); macOS and Windows differ. */
function defaultDataDir(): string {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Cadence');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'Cadence');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Cadence');
}

main().catch((error: unknown) => {
  process.stderr.write(`cadence: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
