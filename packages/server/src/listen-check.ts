import { createServer } from 'node:net';
import { ConfigError } from './config.js';

const reasons: Record<string, (host: string, port: number, portVariable: string) => string> = {
  ENOTFOUND: (host) => `HOST “${host}” does not resolve to an address.`,
  EAI_AGAIN: (host) => `HOST “${host}” does not resolve to an address.`,
  EADDRNOTAVAIL: (host) => `HOST “${host}” is not an address of this machine.`,
  EADDRINUSE: (host, port, variable) => `${variable} ${port} on ${host} is in use by another process: stop it, or choose another ${variable}.`,
};

/**
 * Binds HOST and PORT for a moment before the start opens or writes anything, so a name that does not
 * resolve, an address this machine does not have or a port in use stops it as a configuration error
 * instead of failing at listen with the data folder already made and the database opened. `portVariable`
 * names the setting that moves the port in the message (the demo checks its own ports with it).
 */
export async function assertCanListen(host: string, port: number, portVariable = 'PORT'): Promise<void> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ host, port, exclusive: true }, resolve);
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new ConfigError(reasons[code]?.(host, port, portVariable) ?? `HOST “${host}”, ${portVariable} ${port}: cannot listen there (${code || (err as Error).message}).`);
  } finally {
    if (probe.listening) await new Promise((resolve) => probe.close(resolve));
  }
}
