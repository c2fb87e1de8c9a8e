import type { Plugin } from "graphql-yoga";
import { graphQLError } from "@lienthong/subgraph/graphql-errors";

/**
 * Resolves when the bearer token is valid, rejects otherwise. The principal itself is the subgraphs' business.
 * A rejection named "AuthenticationError" (as @lienthong/auth throws) carries a message written for the caller,
 * (in Vietnamese); any other rejection is answered with a generic message.
 */
export type VerifyToken = (token: string) => Promise<unknown>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Refuses a GraphQL request whose `authorization` header does not hold a valid bearer token, before
 * any subgraph is called. Requests without the header pass: subgraphs decide what anonymous callers see.
 */
export function useAuthorizationCheck(verify: VerifyToken, onRejected?: (reason: unknown) => void): Plugin {
  return {
    async onRequestParse({ request }) {
      const header = request.headers.get("authorization");
      if (header === null) return;
      const token = BEARER.exec(header)?.[1];
      if (token === undefined) throw unauthenticated('Tiêu đề authorization phải có dạng "Bearer <token>".');
      try {
        await verify(token);
      } catch (error) {
        onRejected?.(error);
        const forCaller = error instanceof Error && error.name === "AuthenticationError";
        throw unauthenticated(forCaller ? error.message : "Mã truy cập (token) không hợp lệ hoặc đã hết hạn.");
      }
    },
  };
}

function unauthenticated(message: string) {
  return graphQLError(message, {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: { "www-authenticate": "Bearer" } } },
  });
}
