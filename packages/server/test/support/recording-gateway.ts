import type { PlatformConnection, PlatformGateway } from '../../src/index.js';

/** What a test's org answers instead of the one Contact without fields. */
type OrgAnswers = Partial<Pick<PlatformGateway, 'listObjects' | 'describeObject'>>;

/** A platform gateway that answers from memory and records every connection it was handed (with its secrets). */
export function recordingGateway(org: OrgAnswers = {}): PlatformGateway & { calls: PlatformConnection[] } {
  const calls: PlatformConnection[] = [];
  const record = (conn: PlatformConnection) => {
    calls.push(structuredClone(conn));
  };
  return {
    calls,
    supports: () => true,
    async listObjects(conn) {
      record(conn);
      return org.listObjects ? org.listObjects(conn) : ([{ name: 'Contact', label: 'Contact', custom: false, createable: true, updateable: true }] as never);
    },
    async describeObject(conn, objectName) {
      record(conn);
      return org.describeObject ? org.describeObject(conn, objectName) : [];
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
