import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, createVerifier, type Verifier } from "../src/verify";

// A real JWKS endpoint on a free port, as an identity provider would serve it.
let server: Server;
let verifier: Verifier;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "RS256", use: "sig" };
  server = createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  verifier = createVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer: "https://id.example", audience: "lienthong" });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function sign(key: CryptoKey, kid: string, audience = "lienthong") {
  return new SignJWT({ name: "Võ Thị E", roles: ["policy_officer"], units: ["26734"] })
    .setProtectedHeader({ alg: "RS256", kid })
    .setSubject("official-9")
    .setIssuer("https://id.example")
    .setAudience(audience)
    .setExpirationTime("5m")
    .sign(key);
}

describe("createVerifier with a JWKS URL", () => {
  it("verifies a token signed by a key the endpoint publishes", async () => {
    await expect(verifier.verify(await sign(privateKey, "key-1"))).resolves.toEqual({
      sub: "official-9",
      name: "Võ Thị E",
      roles: ["policy_officer"],
      units: ["26734"],
    });
  });

  it("rejects a token signed by a key the endpoint does not publish", async () => {
    const stranger = await generateKeyPair("RS256");
    const error = await verifier.verify(await sign(stranger.privateKey, "key-2")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reason).toBe("unknown_key");
  });

  it("rejects a token for another audience", async () => {
    const token = await sign(privateKey, "key-1", "another-app");
    const error = await verifier.verify(token).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toMatch(/"aud"/);
  });
});
