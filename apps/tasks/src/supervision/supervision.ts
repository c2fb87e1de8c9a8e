import type { z } from "zod";
import { hasRole, mayActInUnit, mayReadUnit, type Principal } from "@lienthong/auth/principal";
import { fail, invalidTransition, notAllowed, ok, validationError, type Result } from "@lienthong/contracts/errors";
import { unitLabel } from "@lienthong/contracts/labels";
import type { SUPERVISION_FORMS, supervisionStarted } from "@lienthong/contracts/tasks";
import { unknownUnitProblems, type KnownUnits } from "../units/known-units";

export type SupervisionForm = (typeof SUPERVISION_FORMS)[number];

/** A giám sát by the Front of a body (named by its unit's code) over a period; it issues recommendations. */
export interface Supervision {
  id: string;
  subject: string;
  /** The unit whose authorities are supervised. */
  supervisedBody: string;
  form: SupervisionForm;
  periodFrom: string;
  periodTo: string;
  startedBy: string;
}

export type SupervisionCommand = {
  type: "StartSupervision";
  supervisionId: string;
  subject: string;
  supervisedBody: string;
  form: SupervisionForm;
  periodFrom: string;
  periodTo: string;
};

export type SupervisionEvent = { type: "SupervisionStarted"; data: z.infer<typeof supervisionStarted.schema> };

export interface SupervisionContext {
  principal: Principal;
  /** The official unit codes: only those are supervised. */
  knownUnits: KnownUnits;
}

/**
 * Supervises a unit's authorities: the city committee (city admins, inspectors) anywhere, and the unit's own
 * Front committee (its admins) at home. Answers the authority recorded in the events, or null.
 */
export function supervisorAuthority(principal: Principal, supervisedBody: string): string | null {
  if (hasRole(principal, "city_admin")) return "city_admin";
  if (hasRole(principal, "inspector")) return "inspector";
  return hasRole(principal, "unit_admin") && mayActInUnit(principal, supervisedBody) ? `unit_admin of ${supervisedBody}` : null;
}

/** Records the supervised body's answer: a supervisor, or an officer of that unit. */
export function answerAuthority(principal: Principal, supervisedBody: string): string | null {
  const supervisor = supervisorAuthority(principal, supervisedBody);
  if (supervisor !== null) return supervisor;
  return hasRole(principal, "unit_officer") && mayActInUnit(principal, supervisedBody) ? `unit_officer of ${supervisedBody}` : null;
}

/** The unit's staff and city-wide readers read its supervisions and recommendations; other wards do not. */
export function mayReadSupervised(principal: Principal, supervisedBody: string): boolean {
  return mayReadUnit(principal, supervisedBody);
}

export function decide(command: SupervisionCommand, state: Supervision | null, ctx: SupervisionContext): Result<SupervisionEvent[]> {
  const authority = supervisorAuthority(ctx.principal, command.supervisedBody);
  if (authority === null) return fail(notAllowed(`Bạn không có quyền giám sát ${unitLabel(command.supervisedBody)}.`));
  if (state !== null) return fail(invalidTransition("started", "start", "Cuộc giám sát này đã có."));
  const unknownUnit = unknownUnitProblems("supervisedBody", command.supervisedBody, ctx.knownUnits);
  if (unknownUnit.length > 0) return fail(validationError(unknownUnit));
  if (command.periodTo < command.periodFrom)
    return fail(validationError([{ path: ["periodTo"], message: "Ngày kết thúc không được trước ngày bắt đầu." }]));
  const { type: _type, ...data } = command;
  return ok([{ type: "SupervisionStarted", data: { ...data, by: { name: ctx.principal.name, authority } } }]);
}

export function evolve(_state: Supervision | null, event: SupervisionEvent): Supervision | null {
  const { supervisionId, by, ...started } = event.data;
  return { ...started, id: supervisionId, startedBy: by.name };
}
