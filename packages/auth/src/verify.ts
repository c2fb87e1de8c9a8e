import "@lienthong/contracts/zod-locale";
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { roleSchema, unitScopeSchema, type Principal } from "./principal";

export type AuthenticationFailure =
  "malformed_header" | "malformed_token" | "expired" | "bad_signature" | "bad_algorithm" | "unknown_key" | "invalid_claims";

/**
 * The caller could not be authenticated: the token is missing a piece, forged, expired or malformed.
 * `reason` is for programs; the message, in Vietnamese, is what the caller is shown.
 */
export class AuthenticationError extends Error {
  override readonly name = "AuthenticationError";

  constructor(
    readonly reason: AuthenticationFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface Verifier {
  verify(token: string): Promise<Principal>;
}

export type VerifierOptions =
  { secret: string; issuer?: string; audience?: string } | { jwksUrl: string; issuer?: string; audience?: string };

const claimCheck = { issuer: z.string().min(1).optional(), audience: z.string().min(1).optional() };
const verifierOptionsSchema = z.union([
  z.object({ secret: z.string().min(32, "secret: must be at least 32 characters for HS256"), ...claimCheck }),
  z.object({ jwksUrl: z.url({ error: "jwksUrl: must be an absolute URL" }), ...claimCheck }),
]);

const requiredString = (claim: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `thiếu claim "${claim}"` : `claim "${claim}" phải là chuỗi ký tự`) })
    .min(1, `claim "${claim}" đang trống`);
const requiredList = <T extends z.ZodType>(claim: string, item: T) =>
  z.array(item, { error: (issue) => (issue.input === undefined ? `thiếu claim "${claim}"` : `claim "${claim}" phải là một danh sách`) });

const claimsSchema = z.object({
  sub: requiredString("sub"),
  name: requiredString("name"),
  roles: requiredList("roles", roleSchema),
  units: requiredList("units", unitScopeSchema),
});

/** HS256 with a shared secret (development) or keys from a JWKS URL (production). Every token must carry `exp`. */
export function createVerifier(options: VerifierOptions): Verifier {
  const parsed = verifierOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new TypeError(`Invalid verifier options: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  const config = parsed.data;
  const checks = {
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ["exp"],
    // Identity provider and service clocks drift a little; a few seconds must not lock people out.
    clockTolerance: 5,
  };

  let verifyToken: (token: string) => ReturnType<typeof jwtVerify>;
  if ("secret" in config) {
    const key = new TextEncoder().encode(config.secret);
    verifyToken = (token) => jwtVerify(token, key, { ...checks, algorithms: ["HS256"] });
  } else {
    const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUrl));
    verifyToken = (token) => jwtVerify(token, keys, checks);
  }

  return {
    async verify(token) {
      const { payload } = await verifyToken(token).catch((error: unknown) => {
        throw toAuthenticationError(error);
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) {
        throw new AuthenticationError("invalid_claims", `Mã truy cập không hợp lệ: ${describeClaimIssues(claims.error)}.`);
      }
      const { sub, name, roles, units } = claims.data;
      return { sub, name, roles, units };
    },
  };
}

/**
 * `Authorization: Bearer <token>` → the verified principal; no header → null (anonymous).
 * A header that is present but malformed or carries a bad token is an AuthenticationError, never anonymous.
 */
export async function principalFromAuthorization(header: string | undefined, verifier: Verifier): Promise<Principal | null> {
  if (header === undefined) return null;
  const match = /^Bearer +([^\s]+)\s*$/i.exec(header.trim());
  if (!match?.[1]) {
    throw new AuthenticationError("malformed_header", 'Tiêu đề Authorization phải có dạng "Bearer <token>".');
  }
  return verifier.verify(match[1]);
}

function describeClaimIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      // Issues inside a list (roles.1, units.0) read better with the claim named in front.
      const [claim, ...rest] = issue.path.map(String);
      return rest.length > 0 ? `claim "${claim}" mục ${rest.join(".")}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/** Token problems become AuthenticationError; anything else (JWKS endpoint down, network) is not the caller's fault and is rethrown. */
function toAuthenticationError(error: unknown): unknown {
  if (error instanceof errors.JWTExpired) return new AuthenticationError("expired", "Mã truy cập đã hết hạn: hãy lấy mã mới.");
  if (error instanceof errors.JWTClaimValidationFailed) {
    const problem = error.reason === "missing" ? `thiếu claim "${error.claim}"` : `claim "${error.claim}" không đúng`;
    return new AuthenticationError("invalid_claims", `Mã truy cập không hợp lệ: ${problem}.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new AuthenticationError("bad_signature", "Chữ ký của mã truy cập không hợp lệ.");
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AuthenticationError("bad_algorithm", "Mã truy cập được ký bằng thuật toán mà dịch vụ này không chấp nhận.");
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthenticationError("unknown_key", "Mã truy cập được ký bằng khóa mà dịch vụ này không biết.");
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthenticationError("malformed_token", "Mã truy cập sai định dạng (cần một JWT: ba phần nối bằng dấu chấm).");
  }
  return error;
}
