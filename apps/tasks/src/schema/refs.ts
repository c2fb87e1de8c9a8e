import type { TasksBuilder } from "./builder";

/** Directory owns `Unit` (key code) and `Official` (key id); this subgraph adds fields and references them. */
export function addExternalRefs(builder: TasksBuilder) {
  const UnitRef = builder
    .externalRef("Unit", builder.selection<{ code: string }>("code"), (unit) => unit)
    .implement({
      fields: (t) => ({ code: t.exposeID("code") }),
    });
  const OfficialRef = builder
    .externalRef("Official", builder.selection<{ id: string }>("id"), (official) => official)
    .implement({
      fields: (t) => ({ id: t.exposeID("id") }),
    });
  return { UnitRef, OfficialRef };
}

export type ExternalRefs = ReturnType<typeof addExternalRefs>;
