import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";

export interface RunningServer {
  port: number;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to the shutdown timeout), then closes
   * every connection. Safe to call more than once.
   */
  close(): Promise<void>;
}

export interface ListenOptions {
  port: number;
  host?: string;
  log: Logger;
  shutdownTimeoutMs: number;
  /** The variable that sets `port`, named when the port is taken. Default "PORT". */
  portVariable?: string;
}

/** The port a service was told to listen on is in use; says which variable picks another. */
export class PortTakenError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
  ) {
    super(`port ${port} is taken: set ${variable} to a free port, or stop the process that listens on it`);
    this.name = "PortTakenError";
  }
}

export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, options: ListenOptions): Promise<RunningServer> {
  const inFlight = new Set<ServerResponse>();
  let closing: Promise<void> | undefined;
  let drained: () => void = () => {};

  const server = createServer((req, res) => {
    inFlight.add(res);
    // During shutdown a kept-alive connection may still bring a request: answer it, then let the connection go.
    if (closing) res.setHeader("connection", "close");
    res.once("close", () => {
      inFlight.delete(res);
      if (!closing) return;
      server.closeIdleConnections();
      if (inFlight.size === 0) drained();
    });
    handler(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortTakenError(options.port, options.portVariable ?? "PORT") : error);
    server.once("error", onError);
    server.listen(options.port, options.host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  options.log.info({ port, host: options.host }, "listening");

  async function shutdown(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
    server.closeIdleConnections();
    if (inFlight.size > 0) {
      options.log.info({ inFlight: inFlight.size }, "draining in-flight requests");
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        new Promise<boolean>((resolve) => (drained = () => resolve(true))),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), options.shutdownTimeoutMs))),
      ]);
      clearTimeout(timer);
      if (!finished)
        options.log.warn({ inFlight: inFlight.size }, "shutdown timeout reached; closing connections with requests still running");
    }
    server.closeAllConnections();
    await closed;
    options.log.info("stopped");
  }

  return {
    port,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}
