/** Role names, spelled one way everywhere: tokens, `dev-token`, GraphQL inputs and outputs (enum `Role`), events, messages. */
export const ROLES = [
  "city_admin",
  "city_viewer",
  "unit_admin",
  "unit_officer",
  "inspector",
  "policy_officer",
  "election_officer",
  "campaign_officer",
] as const;

export type Role = (typeof ROLES)[number];
