import { createServer } from "node:net";

/** The port of the shared development nats-server; tests must never land on it. */
const RESERVED_PORTS = new Set([4222]);

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). Another process may still take it before
 * the caller binds, so servers that can listen on port 0 themselves should do that instead.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await probePort();
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

function probePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close((error) => (error ? reject(error) : port > 0 ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
}
