/**
 * @memberpulse/integration-server: the reference integration-settings API server.
 *
 * - `startServer(options)` runs it (HTTP + database + keys) and answers a handle with `url`, `port`,
 *   `config`, `close()` and `rotateMasterKey()`.
 * - `createApp(deps)` builds the Hono app alone for in-process use (`app.request(...)`).
 * - `loadConfig(env)` reads the configuration from environment variables (docs/server.md).
 * - `signDevToken(claims, config)` mints an HS256 token the server accepts.
 * - `rotateMasterKey(options)` re-wraps every tenant data key under a new master key (also the CLI's
 *   `mp-integration-server rotate-key`).
 */
export { startServer, resolveSecrets, noLog, type StartOptions, type RunningServer, type ResolvedSecrets } from './server.js';
export { createApp, type AppDeps, type AppState } from './app.js';
export { loadConfig, checkConfig, databaseTarget, portFromEnv, stdoutLog, ConfigError, type ServerConfig, type LogEntry, type LogSink, type DatabaseTarget } from './config.js';
export { signDevToken, createVerifier, permissionsByRole, can, type Principal, type Permission } from './auth.js';
export { openDatabase, migrate, type Database, type Queryable } from './db.js';
export { Keyring, parseMasterKey, generateMasterKey, type MasterKey } from './crypto.js';
export { TenantKeys, rewrapDataKeys, type RotationResult } from './keys.js';
export { rotateMasterKey, type RotateOptions } from './rotate.js';
export { PlatformError, DescribeCache, type PlatformGateway, type PlatformConnection, type ApiUsage } from './discovery.js';
export { buildOpenApi } from './openapi.js';
export { assertCanListen } from './listen-check.js';
