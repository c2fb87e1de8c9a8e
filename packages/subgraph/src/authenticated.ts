import {
  InterfaceFieldBuilder,
  MutationFieldBuilder,
  ObjectFieldBuilder,
  QueryFieldBuilder,
  SubscriptionFieldBuilder,
  type SchemaTypes,
} from "@pothos/core";
import type { ReplaceContext } from "@pothos/plugin-scope-auth";
import type { AuthenticatedContext } from "./context";

type Authenticated<Types extends SchemaTypes> = ReplaceContext<Types, AuthenticatedContext>;

// `t.authenticated` is `t.withAuth({ authenticated: true })` under one name: each field it makes demands the
// `authenticated` scope and its resolvers see `ctx.principal` as a Principal, so no resolver casts it. A field that
// demands more (`authScopes: { role: ... }`) passes its own scopes, which replace this one and still imply a principal.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos field builders gain members by merging into its global namespace
  export namespace PothosSchemaTypes {
    interface QueryFieldBuilder<Types extends SchemaTypes, ParentShape> {
      /** Fields only a signed-in caller may use; their resolvers get a non-null `ctx.principal`. */
      readonly authenticated: QueryFieldBuilder<Authenticated<Types>, ParentShape>;
    }
    interface MutationFieldBuilder<Types extends SchemaTypes, ParentShape> {
      /** Fields only a signed-in caller may use; their resolvers get a non-null `ctx.principal`. */
      readonly authenticated: MutationFieldBuilder<Authenticated<Types>, ParentShape>;
    }
    interface SubscriptionFieldBuilder<Types extends SchemaTypes, ParentShape> {
      /** Fields only a signed-in caller may use; their resolvers get a non-null `ctx.principal`. */
      readonly authenticated: SubscriptionFieldBuilder<Authenticated<Types>, ParentShape>;
    }
    interface ObjectFieldBuilder<Types extends SchemaTypes, ParentShape> {
      /** Fields only a signed-in caller may use; their resolvers get a non-null `ctx.principal`. */
      readonly authenticated: ObjectFieldBuilder<Authenticated<Types>, ParentShape>;
    }
    interface InterfaceFieldBuilder<Types extends SchemaTypes, ParentShape> {
      /** Fields only a signed-in caller may use; their resolvers get a non-null `ctx.principal`. */
      readonly authenticated: InterfaceFieldBuilder<Authenticated<Types>, ParentShape>;
    }
  }
}

for (const FieldBuilder of [QueryFieldBuilder, MutationFieldBuilder, SubscriptionFieldBuilder, ObjectFieldBuilder, InterfaceFieldBuilder]) {
  Object.defineProperty(FieldBuilder.prototype, "authenticated", {
    get(this: { withAuth: (scopes: { authenticated: true }) => unknown }) {
      return this.withAuth({ authenticated: true });
    },
  });
}
