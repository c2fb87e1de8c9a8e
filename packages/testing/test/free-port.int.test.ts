import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "../src/free-port";

describe("freePort", () => {
  it("returns a port a server can then listen on at 127.0.0.1", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(port).not.toBe(4222);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });

  it("returns different ports to concurrent callers in practice", async () => {
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    expect(new Set(ports).size).toBe(3);
  });
});
