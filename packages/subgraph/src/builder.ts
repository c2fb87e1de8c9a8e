import { hasRole, mayActInUnit, type Role } from "@lienthong/auth/principal";
import SchemaBuilder from "@pothos/core";
import DirectivesPlugin from "@pothos/plugin-directives";
import ErrorsPlugin from "@pothos/plugin-errors";
import FederationPlugin from "@pothos/plugin-federation";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type { GraphQLSchema } from "graphql";
import "./authenticated";
import { addCommonTypes } from "./common-types";
import type { AuthenticatedContext, RequestContext } from "./context";
import { NotAllowedError, type DomainError } from "./errors";
import { graphQLError } from "./graphql-errors";

/** The schema types every subgraph shares; a service adds its own through `createBuilder<Extra>()`. */
export interface SubgraphSchemaTypes {
  Context: RequestContext;
  AuthScopes: {
    /** A principal is present (a valid token was sent). */
    authenticated: boolean;
    /** The principal holds one of these roles. */
    role: Role | Role[];
    /** The principal may act in this unit (the 5-digit code is listed in its token, or it is city level). */
    unit: string;
  };
  /** What a resolver sees behind each scope (`t.withAuth(...)`, `t.authenticated`): every scope implies a principal. */
  AuthContexts: { authenticated: AuthenticatedContext; role: AuthenticatedContext; unit: AuthenticatedContext };
  Scalars: {
    /** Calendar date, YYYY-MM-DD. */
    Date: { Input: string; Output: string };
    /** Instant, ISO 8601 with offset; resolvers may return a Date. */
    DateTime: { Input: string; Output: Date | string };
  };
  Interfaces: { Error: DomainError };
  Connection: { totalCount: number };
  /** Fields are non-null unless declared `nullable: true`. */
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

export type SubgraphTypes<Extra extends Partial<PothosSchemaTypes.UserSchemaTypes> = object> = PothosSchemaTypes.ExtendDefaultTypes<
  SubgraphSchemaTypes & Extra
>;

export type SubgraphBuilder<Extra extends Partial<PothosSchemaTypes.UserSchemaTypes> = object> = PothosSchemaTypes.SchemaBuilder<
  SubgraphTypes<Extra>
>;

/** What an anonymous caller of a protected field is told (extensions.code UNAUTHENTICATED). */
export const AUTHENTICATION_REQUIRED_MESSAGE = "Cần đăng nhập: hãy gửi mã truy cập (Authorization: Bearer <token>).";

/** The pinned federation spec version: every subgraph links the same one so composition sees one dialect. */
export const FEDERATION_LINK = "https://specs.apollo.dev/federation/v2.6";

/**
 * The Pothos builder of one service, with the shared conventions already added (Error interface and error
 * types, ErrorCode, Date/DateTime, connection totalCount). Call it once per service, in `schema/builder.ts`:
 * plugin option types merge globally, so a package holds one builder type.
 *
 * Plugin order matters: errors wraps scope-auth, so a scope failure on a mutation that lists NotAllowedError
 * becomes that payload member; federation comes after the resolver-wrapping plugins, as its docs ask.
 */
export function createBuilder<Extra extends Partial<PothosSchemaTypes.UserSchemaTypes> = object>(): SubgraphBuilder<Extra> {
  const builder = new SchemaBuilder<SubgraphSchemaTypes>({
    plugins: [ErrorsPlugin, RelayPlugin, ScopeAuthPlugin, DirectivesPlugin, FederationPlugin],
    defaultFieldNullability: false,
    scopeAuth: {
      // Subscriptions (notification feed, live boards) are checked when they start, not only per event.
      authorizeOnSubscribe: true,
      authScopes: ({ principal }) => ({
        authenticated: principal !== null,
        role: principal ? (roles) => hasRole(principal, ...(Array.isArray(roles) ? roles : [roles])) : false,
        unit: principal ? (unitCode) => mayActInUnit(principal, unitCode) : false,
      }),
      // Anonymous callers are told to authenticate; known callers who lack a scope get NotAllowedError.
      unauthorizedError: (_parent, context, info) =>
        context.principal === null
          ? graphQLError(AUTHENTICATION_REQUIRED_MESSAGE, { extensions: { code: "UNAUTHENTICATED" } })
          : new NotAllowedError(`Bạn không có quyền truy cập ${info.parentType.name}.${info.fieldName}.`),
    },
    errors: {
      defaultTypes: [],
      defaultUnionOptions: {
        name: ({ parentTypeName, fieldName }) =>
          `${typePrefix(parentTypeName, fieldName)}${parentTypeName === "Mutation" ? "Payload" : "Result"}`,
      },
      defaultResultOptions: {
        name: ({ parentTypeName, fieldName }) => `${typePrefix(parentTypeName, fieldName)}Success`,
      },
    },
    relay: {
      clientMutationId: "omit",
      cursorType: "String",
      // Entities are fetched through federation keys; a `node` field in every subgraph would clash at composition.
      nodeQueryOptions: false,
      nodesQueryOptions: false,
      pageInfoTypeOptions: { shareable: true },
      edgesFieldOptions: { nullable: false },
      nodeFieldOptions: { nullable: false },
    },
  });
  addCommonTypes(builder);
  return builder as unknown as SubgraphBuilder<Extra>;
}

/** The federation subgraph schema of a finished builder, linked to the pinned spec version. */
export function toSubgraphSchema<Extra extends Partial<PothosSchemaTypes.UserSchemaTypes>>(builder: SubgraphBuilder<Extra>): GraphQLSchema {
  return builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK });
}

function typePrefix(parentTypeName: string, fieldName: string): string {
  const capitalized = fieldName.charAt(0).toUpperCase() + fieldName.slice(1);
  return parentTypeName === "Mutation" ? capitalized : `${parentTypeName}${capitalized}`;
}
