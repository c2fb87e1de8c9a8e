import { recommendationBecameOverdue, recommendationIssued } from "@lienthong/contracts/tasks";
import { recommendationName, supervisionName, unitName, vietnameseDate } from "./format";
import { defineRule, distinct, type AnyRule, type RecipientLookup } from "./rule";

const byRecommendationId = (data: { recommendationId: string }) => data.recommendationId;

async function unitAdmins(unit: string, lookup: RecipientLookup): Promise<string[]> {
  return distinct((await lookup.officialsOf(unit, "unit_admin")).map((admin) => admin.id));
}

/**
 * Supervision's recommendations (kiến nghị) concern the supervised unit, whose admins answer them.
 * Inspections need no rule of their own: a finding's follow-up is an ordinary task, assigned through the task
 * events, so its lead owner hears of it from TASK_ASSIGNED.
 */
export const oversightRules: AnyRule[] = [
  defineRule({
    kind: "RECOMMENDATION_ISSUED",
    event: recommendationIssued,
    recommendationId: byRecommendationId,
    recipients: (data, lookup) => unitAdmins(data.supervisedBody, lookup),
    message: (data, { recommendation }) => ({
      title: "Kiến nghị mới sau giám sát",
      body: `Qua giám sát ${supervisionName(recommendation?.supervisionSubject, data.supervisionId)}, ${unitName(data.supervisedBody)} nhận được kiến nghị: "${data.content}". Hạn trả lời: ${vietnameseDate(data.answerDueDate)}.`,
    }),
  }),
  defineRule({
    kind: "RECOMMENDATION_OVERDUE",
    event: recommendationBecameOverdue,
    recommendationId: byRecommendationId,
    recipients: (data, lookup) => unitAdmins(data.supervisedBody, lookup),
    message: (data, { recommendation }) => ({
      title: "Kiến nghị đã quá hạn trả lời",
      body: `Kiến nghị ${recommendationName(recommendation, data.recommendationId)} (giám sát ${supervisionName(recommendation?.supervisionSubject, data.supervisionId)}) đã quá hạn trả lời (hạn ${vietnameseDate(data.answerDueDate)}) mà ${unitName(data.supervisedBody)} chưa trả lời.`,
    }),
  }),
];
