// A TCP proxy in front of a Postgres database that holds a server's LISTEN connection down for as long as a
// test needs, instead of the second a server waits before it tries to listen again: while shut, it closes
// each new connection whose startup message names the listening application, before it reaches Postgres.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

const LISTENING_APPLICATION = 'mp-integration-server-listen';

export interface ListenGate {
  /** The database's URL through the gate. */
  url: string;
  /** Listening connections refused so far: each is a server's try to listen again, so it noticed it no longer did. */
  readonly refused: number;
  /** Refuses listening connections until `open()`; those already open stay open. */
  shut(): void;
  open(): void;
  close(): Promise<void>;
}

/** The `application_name` of a Postgres startup message (length, protocol version, then name and value pairs). */
function applicationName(startup: Buffer): string | undefined {
  const fields = startup.subarray(8, startup.readInt32BE(0)).toString('utf8').split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === 'application_name') return fields[i + 1];
  return undefined;
}

export async function listenGate(databaseUrl: string): Promise<ListenGate> {
  const target = new URL(databaseUrl);
  let shut = false;
  let refused = 0;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  const proxy = createServer((client) => {
    track(client);
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      if (head.length < 4 || head.length < head.readInt32BE(0)) return;
      client.pause();
      client.off('data', onData);
      if (shut && applicationName(head) === LISTENING_APPLICATION) {
        refused++;
        client.destroy();
        return;
      }
      const upstream = connect(Number(target.port), target.hostname);
      track(upstream);
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.write(head);
      client.pipe(upstream).pipe(client);
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.port = String((proxy.address() as AddressInfo).port);
  return {
    url: url.toString(),
    get refused() {
      return refused;
    },
    shut: () => void (shut = true),
    open: () => void (shut = false),
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
