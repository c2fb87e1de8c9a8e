import { CITY_WIDE_READERS, hasRole, mayActInUnit, type Principal, type Role } from "@lienthong/auth/principal";
import { ROLES } from "@lienthong/contracts/roles";
import { ROLE_LABELS, unitLabel } from "@lienthong/contracts/labels";
import { payload } from "@lienthong/subgraph/common-types";
import { loaderOf } from "@lienthong/subgraph/batch-loader";
import { resolveOffsetPage } from "@lienthong/subgraph/connections";
import { valueOrThrow } from "@lienthong/subgraph/domain-errors";
import {
  InvalidTransitionError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  ConflictError,
  parseInput,
} from "@lienthong/subgraph/errors";
import type { OfficialCommands } from "../officials/official-commands";
import type { OfficialFilter, OfficialQueries, StoredOfficial } from "../officials/official-store";
import type { Unit } from "@lienthong/contracts/units";
import type { UnitCatalog } from "../units/unit-catalog";
import type { DirectoryBuilder } from "./builder";
import { deactivateOfficialInput, registerOfficialInput, updateOfficialInput } from "./official-input";

// Roles arrive as strings so that an unknown one is a ValidationError naming `roles.N`, like every other bad field,
// instead of a request-level GraphQL error; the values are the Role enum's, spelled as in tokens.
const ROLES_INPUT_HELP = `Values of the Role enum: ${ROLES.join(", ")}.`;

export interface OfficialSchemaDeps {
  units: UnitCatalog;
  officials: OfficialQueries;
  commands: OfficialCommands;
}

/** Contact details are shown to the official, to their own units' staff and to city-wide readers; masked for others. */
function mayReadContact(reader: Principal | null, official: StoredOfficial): boolean {
  if (reader === null) return false;
  return reader.sub === official.id || hasRole(reader, ...CITY_WIDE_READERS) || mayActInUnit(reader, official.unit);
}

export function addOfficialSchema(
  builder: DirectoryBuilder,
  UnitRef: ReturnType<typeof builder.objectRef<Unit>>,
  deps: OfficialSchemaDeps,
) {
  const RoleEnum = builder.enumType("Role", {
    description: "What an official may do, spelled as in tokens and `dev-token --role`.",
    values: Object.fromEntries(ROLES.map((role) => [role, { value: role, description: ROLE_LABELS[role] }])) as Record<
      Role,
      { value: Role; description: string }
    >,
  });

  const OfficialRef = builder.objectRef<StoredOfficial>("Official");
  builder.asEntity(OfficialRef, {
    key: builder.selection<{ id: string }>("id"),
    resolveReference: async ({ id }, ctx) => (await officialLoader(ctx, deps.officials).load(id)) ?? null,
  });

  OfficialRef.implement({
    description: "A Front official (cán bộ) working in a unit.",
    authScopes: { authenticated: true },
    fields: (t) => ({
      id: t.exposeID("id"),
      fullName: t.exposeString("fullName"),
      position: t.exposeString("position", { description: 'e.g. "Chủ tịch", "Phó Chủ tịch", "Ủy viên".' }),
      unit: t.field({
        type: UnitRef,
        nullable: true,
        description: "The ward, commune or special zone; null for an official of the city committee (unitCode `*`).",
        resolve: (official) => deps.units.get(official.unit) ?? null,
      }),
      unitCode: t.exposeID("unit", { description: "5-digit NSO code of the unit, or `*` for the city committee." }),
      unitName: t.string({
        description: 'e.g. "Phường Sài Gòn", or "Ủy ban MTTQ Việt Nam Thành phố Hồ Chí Minh" for the city committee.',
        resolve: (official) => unitLabel(official.unit),
      }),
      roles: t.field({ type: [RoleEnum], resolve: (official) => official.roles }),
      email: t.string({
        nullable: true,
        description: "Masked (null) unless you work in the same unit or at city level.",
        resolve: (o, _a, ctx) => (mayReadContact(ctx.principal, o) ? (o.email ?? null) : null),
      }),
      phone: t.string({
        nullable: true,
        description: "Masked (null) unless you work in the same unit or at city level.",
        resolve: (o, _a, ctx) => (mayReadContact(ctx.principal, o) ? (o.phone ?? null) : null),
      }),
      active: t.exposeBoolean("active"),
    }),
  });

  builder.queryFields((t) => ({
    official: t.authenticated.field({
      type: OfficialRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, { id }, ctx) => (await officialLoader(ctx, deps.officials).load(String(id))) ?? null,
    }),
    officials: t.authenticated.connection({
      type: OfficialRef,
      args: { unit: t.arg.id(), role: t.arg({ type: RoleEnum }), search: t.arg.string() },
      resolve: async (_root, args) => {
        const filter: OfficialFilter = {
          ...(args.unit ? { units: [String(args.unit)] } : {}),
          ...(args.role ? { role: args.role } : {}),
          ...(args.search ? { search: args.search } : {}),
        };
        return resolveOffsetPage(args, await deps.officials.count(filter), (window) => deps.officials.list(filter, window));
      },
    }),
  }));

  builder.objectField(UnitRef, "officials", (t) =>
    t.authenticated.connection({
      type: OfficialRef,
      args: { role: t.arg({ type: RoleEnum }), activeOnly: t.arg.boolean({ defaultValue: true }) },
      resolve: async (unit, args) => {
        const filter: OfficialFilter = {
          units: [unit.code],
          activeOnly: args.activeOnly ?? true,
          ...(args.role ? { role: args.role } : {}),
        };
        return resolveOffsetPage(args, await deps.officials.count(filter), (window) => deps.officials.list(filter, window));
      },
    }),
  );

  const RegisterOfficialInput = builder.inputType("RegisterOfficialInput", {
    fields: (t) => ({
      fullName: t.string({ required: true }),
      position: t.string({ required: true }),
      unit: t.id({ required: true, description: "5-digit NSO code of the unit, or `*` for the city committee (city admins only)." }),
      roles: t.stringList({ required: true, description: ROLES_INPUT_HELP }),
      email: t.string(),
      phone: t.string(),
    }),
  });
  const UpdateOfficialInput = builder.inputType("UpdateOfficialInput", {
    description: "Fields left out stay as they are; email or phone set to null are removed.",
    fields: (t) => ({
      id: t.id({ required: true }),
      fullName: t.string(),
      position: t.string(),
      unit: t.id(),
      roles: t.stringList({ description: ROLES_INPUT_HELP }),
      email: t.string(),
      phone: t.string(),
    }),
  });
  const DeactivateOfficialInput = builder.inputType("DeactivateOfficialInput", {
    fields: (t) => ({ id: t.id({ required: true }), reason: t.string({ required: true }) }),
  });

  const errors = [ValidationError, NotAllowedError, NotFoundError, InvalidTransitionError, ConflictError];

  builder.mutationFields((t) => ({
    registerOfficial: t.authenticated.field({
      type: OfficialRef,
      args: { input: t.arg({ type: RegisterOfficialInput, required: true }) },
      errors: payload("official", ...errors),
      resolve: async (_root, { input }, ctx) => {
        const details = parseInput(registerOfficialInput, input);
        if (details instanceof ValidationError) throw details;
        return valueOrThrow(await deps.commands.register(details, callerOf(ctx)));
      },
    }),
    updateOfficial: t.authenticated.field({
      type: OfficialRef,
      args: { input: t.arg({ type: UpdateOfficialInput, required: true }) },
      errors: payload("official", ...errors),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(updateOfficialInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        const { id, ...changes } = parsed;
        return valueOrThrow(await deps.commands.update(id, changes, callerOf(ctx)));
      },
    }),
    deactivateOfficial: t.authenticated.field({
      type: OfficialRef,
      args: { input: t.arg({ type: DeactivateOfficialInput, required: true }) },
      errors: payload("official", ...errors),
      resolve: async (_root, { input }, ctx) => {
        const parsed = parseInput(deactivateOfficialInput, input);
        if (parsed instanceof ValidationError) throw parsed;
        return valueOrThrow(await deps.commands.deactivate(parsed.id, parsed.reason, callerOf(ctx)));
      },
    }),
  }));

  return { OfficialRef, RoleEnum };
}

/** One store query per request tick for all the officials the gateway asks about (e.g. fifty tasks' lead owners). */
export function officialLoader(ctx: object, officials: OfficialQueries) {
  return loaderOf(ctx, "officials", (ids: readonly string[]) => officials.byIds(ids));
}

function callerOf(ctx: { principal: Principal; correlationId: string }) {
  return { principal: ctx.principal, correlationId: ctx.correlationId };
}
