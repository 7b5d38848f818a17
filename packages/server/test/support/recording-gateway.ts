import type { PlatformConnection, PlatformGateway } from '../../src/index.js';

/** A platform gateway that answers from memory and records every connection it was handed (with its secrets). */
export function recordingGateway(): PlatformGateway & { calls: PlatformConnection[] } {
  const calls: PlatformConnection[] = [];
  const record = (conn: PlatformConnection) => {
    calls.push(structuredClone(conn));
  };
  return {
    calls,
    supports: () => true,
    async listObjects(conn) {
      record(conn);
      return [{ name: 'Contact', label: 'Contact', custom: false, createable: true, updateable: true }] as never;
    },
    async describeObject(conn) {
      record(conn);
      return [];
    },
    async testConnection(conn) {
      record(conn);
      return { ok: true, message: `Connected to ${conn.platform}.` };
    },
    async apiUsage(conn) {
      record(conn);
      return { used: 1, limit: 100, allotment: null };
    },
  };
}
