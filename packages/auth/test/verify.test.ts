import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { DEV_AUTH_SECRET, signDevToken } from "../src/dev-token";
import type { Principal } from "../src/principal";
import { AuthenticationError, createVerifier, principalFromAuthorization } from "../src/verify";

const officer: Principal = {
  sub: "official-17",
  name: "Nguyễn Văn A",
  roles: ["unit_admin", "campaign_officer"],
  units: ["26734", "26737"],
};
const verifier = createVerifier({ secret: DEV_AUTH_SECRET });

function signClaims(claims: Record<string, unknown>, options: { secret?: string; exp?: number | string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime(options.exp ?? "1h")
    .sign(new TextEncoder().encode(options.secret ?? DEV_AUTH_SECRET));
}

async function failure(promise: Promise<unknown>): Promise<AuthenticationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

describe("createVerifier with a shared secret", () => {
  it("returns the principal a development token was signed for", async () => {
    const token = await signDevToken(officer, DEV_AUTH_SECRET);
    await expect(verifier.verify(token)).resolves.toEqual(officer);
  });

  it("rejects an expired token", async () => {
    const token = await signClaims({ sub: "x", name: "X", roles: [], units: [] }, { exp: Math.floor(Date.now() / 1000) - 60 });
    const error = await failure(verifier.verify(token));
    expect(error.reason).toBe("expired");
    expect(error.message).toBe("Mã truy cập đã hết hạn: hãy lấy mã mới.");
  });

  it("rejects a token signed with another secret", async () => {
    const token = await signDevToken(officer, "another-secret-that-is-long-enough-to-sign");
    const error = await failure(verifier.verify(token));
    expect(error.reason).toBe("bad_signature");
  });

  it("rejects a token without an expiry", async () => {
    const token = await new SignJWT({ sub: "x", name: "X", roles: [], units: [] })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(DEV_AUTH_SECRET));
    const error = await failure(verifier.verify(token));
    expect(error.reason).toBe("invalid_claims");
    expect(error.message).toMatch(/"exp"/);
  });

  it("names a missing claim", async () => {
    const token = await signClaims({ sub: "x", roles: ["unit_admin"], units: ["26734"] });
    const error = await failure(verifier.verify(token));
    expect(error.reason).toBe("invalid_claims");
    expect(error.message).toContain('thiếu claim "name"');
  });

  it("rejects unknown roles and malformed unit codes, naming them", async () => {
    const token = await signClaims({ sub: "x", name: "X", roles: ["unit_admin", "superuser"], units: ["2673"] });
    const error = await failure(verifier.verify(token));
    expect(error.message).toContain('claim "roles" mục 1: vai trò "superuser" không tồn tại');
    expect(error.message).toContain('claim "units" mục 0: "2673" không phải mã đơn vị 5 chữ số');
  });

  it("rejects a string that is not a token", async () => {
    const error = await failure(verifier.verify("not-a-token"));
    expect(error.reason).toBe("malformed_token");
  });

  it("checks issuer and audience when configured", async () => {
    const strict = createVerifier({ secret: DEV_AUTH_SECRET, issuer: "lienthong-dev", audience: "lienthong" });
    const wrongIssuer = await signDevToken(officer, DEV_AUTH_SECRET, { issuer: "someone-else", audience: "lienthong" });
    expect((await failure(strict.verify(wrongIssuer))).message).toMatch(/"iss"/);
    const right = await signDevToken(officer, DEV_AUTH_SECRET, { issuer: "lienthong-dev", audience: "lienthong" });
    await expect(strict.verify(right)).resolves.toEqual(officer);
  });

  it("refuses a secret too short for HS256", () => {
    expect(() => createVerifier({ secret: "short" })).toThrow(/at least 32 characters/);
  });
});

describe("principalFromAuthorization", () => {
  it("is anonymous (null) without a header", async () => {
    await expect(principalFromAuthorization(undefined, verifier)).resolves.toBeNull();
  });

  it("reads a bearer token, whatever the scheme's case", async () => {
    const token = await signDevToken(officer, DEV_AUTH_SECRET);
    await expect(principalFromAuthorization(`bearer ${token}`, verifier)).resolves.toEqual(officer);
  });

  it("rejects a header that is not a bearer token instead of treating it as anonymous", async () => {
    const error = await failure(principalFromAuthorization("Basic dXNlcjpwYXNz", verifier));
    expect(error.reason).toBe("malformed_header");
    await failure(principalFromAuthorization("", verifier));
  });

  it("rejects an invalid bearer token", async () => {
    const error = await failure(principalFromAuthorization("Bearer abc.def.ghi", verifier));
    expect(error.reason).toBe("malformed_token");
  });
});
