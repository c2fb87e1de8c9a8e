import { z } from "zod";
import { declareEvent } from "./registry";
import { ROLES } from "./roles";

/** The official's unit: a 5-digit code, or `*` for an official of the city committee. */
const unitCode = z.string().regex(/^(\d{5}|\*)$/);
const role = z.enum(ROLES);

export const officialRegistered = declareEvent({
  service: "directory",
  aggregate: "official",
  event: "registered",
  version: 1,
  schema: z.object({
    officialId: z.string().min(1),
    fullName: z.string().min(1),
    position: z.string().min(1),
    unit: unitCode,
    roles: z.array(role).min(1),
    email: z.email().optional(),
    phone: z.string().optional(),
  }),
});

export const officialUpdated = declareEvent({
  service: "directory",
  aggregate: "official",
  event: "updated",
  version: 1,
  schema: z.object({
    officialId: z.string().min(1),
    changes: z.object({
      fullName: z.string().min(1).optional(),
      position: z.string().min(1).optional(),
      unit: unitCode.optional(),
      roles: z.array(role).min(1).optional(),
      email: z.email().nullable().optional(),
      phone: z.string().nullable().optional(),
    }),
  }),
});

export const officialDeactivated = declareEvent({
  service: "directory",
  aggregate: "official",
  event: "deactivated",
  version: 1,
  schema: z.object({ officialId: z.string().min(1), unit: unitCode, reason: z.string().min(1) }),
});

export const directoryEvents = [officialRegistered, officialUpdated, officialDeactivated];
