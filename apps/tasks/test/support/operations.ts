/** The GraphQL documents the tests send, as a front-end would. */
export const TASK_FIELDS = `id title status completion progress overdue deadline unit { code } leadOwner { id } missingChecklistItems`;

const payloadOf = (name: string) => `${name === "AssignTask" ? "... on ChecklistIncompleteError { missing }" : ""}
  __typename
  ... on ${name}Success { task { ${TASK_FIELDS} } }
  ... on Error { code message }
  ... on ValidationError { fields { path message } }
  ... on InvalidTransitionError { from attempted }`;

export const mutation = (name: string, inputType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { ${payloadOf(name.charAt(0).toUpperCase() + name.slice(1))} } }`;

export type TaskData = {
  id: string;
  title: string;
  status: string;
  completion: string | null;
  progress: number;
  overdue: boolean;
  deadline: string | null;
  leadOwner: { id: string } | null;
  missingChecklistItems: string[];
};
export type Payload = {
  __typename: string;
  task?: TaskData;
  code?: string;
  message?: string;
  missing?: string[];
  fields?: { path: string[] }[];
  from?: string;
};

export const completeTask = {
  title: "Tổ chức hội nghị triển khai Nghị quyết Đại hội",
  description: "Quán triệt Nghị quyết Đại hội MTTQ phường nhiệm kỳ 2025–2030 đến 100% Ban Công tác Mặt trận khu phố.",
  leadOwner: "o-lan",
  deliverable: "Biên bản hội nghị",
  expectedResult: "100% khu phố được quán triệt",
  deadline: "2026-03-20",
  priority: "HIGH",
};
