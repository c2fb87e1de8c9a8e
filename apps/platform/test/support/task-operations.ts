import type { GraphqlClient } from "@lienthong/testing/graphql-client";

/** The GraphQL a ward office sends for a task's lifecycle, as one small vocabulary for the e2e tests. */
export const ops = {
  me: `{ me { sub } }`,
  addTask: `mutation($input: AddTaskInput!) { addTask(input: $input) { __typename ... on AddTaskSuccess { task { id status } } ... on Error { code message } } }`,
  transition: (name: string, extra = "") =>
    `mutation($id: ID!) { ${name}(input: { id: $id${extra} }) { __typename ... on Error { code message }${name === "assignTask" ? " ... on ChecklistIncompleteError { missing }" : ""} } }`,
  task: `query($id: ID!) { task(id: $id) { id status completion overdue deadline leadOwner { fullName } history { event actorName authority } } }`,
  summary: (unit: string) => `{ unit(code: "${unit}") { taskSummary { doneOnTime doneLate inProgressWithinDeadline overdueNotDone } } }`,
};

export interface TaskView {
  id: string;
  status: string;
  completion: string | null;
  overdue: boolean;
  deadline: string;
  leadOwner: { fullName: string } | null;
  history: { event: string; actorName: string; authority: string }[];
}

export interface Summary {
  doneOnTime: number;
  doneLate: number;
  inProgressWithinDeadline: number;
  overdueNotDone: number;
}

export async function subOf(client: GraphqlClient): Promise<string> {
  return (await client.request<{ me: { sub: string } }>(ops.me)).data?.me.sub as string;
}

export async function transition(
  client: GraphqlClient,
  name: string,
  id: string,
  extra = "",
): Promise<{ __typename: string; code?: string; missing?: string[] }> {
  const { data, errors } = await client.request<Record<string, { __typename: string; code?: string; missing?: string[] }>>(
    ops.transition(name, extra),
    { id },
  );
  if (errors?.length) throw new Error(`${name}: ${errors.map((error) => error.message).join("; ")}`);
  return data?.[name] as { __typename: string };
}

export async function taskView(client: GraphqlClient, id: string): Promise<TaskView | null> {
  return (await client.request<{ task: TaskView | null }>(ops.task, { id })).data?.task ?? null;
}

export async function summaryOf(client: GraphqlClient, unit: string): Promise<Summary> {
  return (await client.request<{ unit: { taskSummary: Summary } }>(ops.summary(unit))).data?.unit.taskSummary as Summary;
}
