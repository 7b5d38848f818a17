// Runs the server CLI as a child process (for crash, shutdown and start-up tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
/** The CLI source, run through tsx with the workspace `source` condition. */
export const cliPath = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
/** The package's bin script. */
export const binPath = fileURLToPath(new URL('../../bin/mp-integration-server.mjs', import.meta.url));

/** A server child process. */
export interface Child {
  proc: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

function baseEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', MP_RATE_LIMIT: '0' };
  return { ...clean, ...env };
}

/** Runs the CLI with `args` to completion. */
export function runCli(args: string[], env: Record<string, string>, script = cliPath): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const child = start(args, env, script);
  return child.exited.then((code) => ({ code, stdout: child.stdout(), stderr: child.stderr() }));
}

/** Starts the CLI with `args` without waiting for anything. */
export function start(args: string[], env: Record<string, string>, script = cliPath) {
  const argv = script.endsWith('.mjs') ? [script, ...args] : ['--import', 'tsx', '--conditions=source', script, ...args];
  const proc = spawn(process.execPath, argv, { cwd: root, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | string>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { proc, stdout: () => out, stderr: () => err, exited };
}

/** Starts `serve` and resolves once it logs its URL (or, with MP_LOG=silent, prints it on stderr). */
export async function spawnServer(env: Record<string, string>, script = cliPath): Promise<Child> {
  const child = start(['serve'], env, script);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /"msg":"listening","url":"([^"]+)"/.exec(child.stdout()) ?? /listening on (http:\/\/\S+)/.exec(child.stderr());
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 25);
    void child.exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}) before listening:\n${child.stderr()}\n${child.stdout()}`));
    });
  });
  return { ...child, url };
}

/** Resolves with the first match of `pattern` in the child's stderr (where `serve` prints the banner and the dev token). */
export function waitForOutput(child: Child, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = pattern.exec(child.stderr());
      if (m) {
        clearInterval(timer);
        resolve(m);
      }
    }, 25);
    void child.exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}) before printing ${pattern}`));
    });
  });
}
