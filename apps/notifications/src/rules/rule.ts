import type { z } from "zod";
import type { Envelope } from "@lienthong/contracts/envelope";
import type { EventDeclaration } from "@lienthong/contracts/registry";
import type { NotificationKind } from "./kinds";

/** What the notifications service knows about an official, from directory's events. */
export interface OfficialFacts {
  id: string;
  fullName: string;
  unit: string;
  roles: string[];
  email?: string;
  active: boolean;
}

/** What it knows about a task, from the tasks service's events. */
export interface TaskFacts {
  id: string;
  title: string;
  unit: string;
  assigningUnit?: string;
  leadOwner?: string;
  coOwners: string[];
}

/** What it knows about a supervision's recommendation (kiến nghị), from the tasks service's events. */
export interface RecommendationFacts {
  id: string;
  supervisionId: string;
  /** The unit that must answer. */
  supervisedBody: string;
  content: string;
  answerDueDate: string;
  /** Absent when the supervision's start was never seen. */
  supervisionSubject?: string;
}

/** The read models a rule may ask, never another service's database. */
export interface RecipientLookup {
  task(taskId: string): Promise<TaskFacts | null>;
  /** Active officials of a unit, optionally only those holding a role. */
  officialsOf(unit: string, role?: string): Promise<OfficialFacts[]>;
  /** Active officials holding a role, whatever their unit. */
  officialsWithRole(role: string): Promise<OfficialFacts[]>;
}

export interface Message {
  title: string;
  body: string;
}

/** What a template may use besides the event's data. */
export interface TemplateFacts {
  task: TaskFacts | null;
  /** Known only for rules that name a recommendation (`recommendationId`). */
  recommendation: RecommendationFacts | null;
  /** The official the message is written to. */
  recipient: string;
}

/** One rule: an event type, who must hear of it, and what they are told (Vietnamese). */
export interface NotificationRule<Schema extends z.ZodType = z.ZodType> {
  kind: NotificationKind;
  event: EventDeclaration<Schema>;
  recipients(data: z.output<Schema>, lookup: RecipientLookup, envelope: Envelope): Promise<string[]>;
  message(data: z.output<Schema>, facts: TemplateFacts): Message;
  /** The task the event is about, so templates can name it. */
  taskId?(data: z.output<Schema>): string;
  /** The recommendation the event is about, so templates can quote it. */
  recommendationId?(data: z.output<Schema>): string;
}

/** Rules of different events side by side: the type parameter is checked here, then erased. */
export type AnyRule = NotificationRule<z.ZodType>;

/**
 * Nobody is told of what they did themselves (a lead owner of their own submission, an admin of the task they
 * assigned to themselves): every rule's recipients leave out the event's actor.
 */
export function defineRule<Schema extends z.ZodType>(rule: NotificationRule<Schema>): AnyRule {
  const withoutActor: NotificationRule<Schema> = {
    ...rule,
    recipients: async (data, lookup, envelope) => (await rule.recipients(data, lookup, envelope)).filter((id) => id !== envelope.actor),
  };
  return withoutActor as unknown as AnyRule;
}

/** Each recipient once, in first-seen order. */
export function distinct(ids: Iterable<string | undefined>): string[] {
  return [...new Set([...ids].filter((id): id is string => id !== undefined && id !== ""))];
}
