import type { Principal } from "@lienthong/auth/principal";
import type { OfficialQueries, StoredOfficial } from "../officials/official-store";
import type { DirectoryBuilder } from "./builder";
import { officialLoader, type addOfficialSchema } from "./official";

type OfficialTypes = ReturnType<typeof addOfficialSchema>;

export function addMeSchema(builder: DirectoryBuilder, { OfficialRef, RoleEnum }: OfficialTypes, officials: OfficialQueries) {
  const MeRef = builder.objectRef<Principal>("Me").implement({
    description: "Who the token says you are, and your official record when you are one.",
    fields: (t) => ({
      sub: t.exposeID("sub"),
      name: t.exposeString("name"),
      roles: t.field({ type: [RoleEnum], resolve: (principal) => principal.roles }),
      units: t.exposeStringList("units", { description: '5-digit unit codes, or "*" for the whole city.' }),
      official: t.field({
        type: OfficialRef,
        nullable: true,
        resolve: async (principal, _args, ctx): Promise<StoredOfficial | null> =>
          (await officialLoader(ctx, officials).load(principal.sub)) ?? null,
      }),
    }),
  });

  builder.queryField("me", (t) => t.authenticated.field({ type: MeRef, resolve: (_root, _args, ctx) => ctx.principal }));
}
