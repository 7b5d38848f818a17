import type { PlatformGateway } from './discovery.js';

/**
 * Builds the platform gateway from `@memberpulse/integration-connectors`. Answers null while that
 * package offers no connector registry.
 */
export async function gatewayFromConnectors(): Promise<PlatformGateway | null> {
  const name = '@memberpulse/integration-connectors';
  const mod = (await import(name).catch(() => null)) as Record<string, unknown> | null;
  if (!mod) return null;
  return null;
}
