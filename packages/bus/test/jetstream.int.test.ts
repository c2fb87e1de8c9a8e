import { planNatsSuite } from "@lienthong/testing/nats-server";
import { describe } from "vitest";
import { describeBusContract } from "./bus-contract";
import { jetStreamHarness } from "./jetstream-harness";

const plan = planNatsSuite("JetStream bus (real nats-server)");

describe.skipIf(plan.skip)(plan.title, () => {
  describeBusContract("EventBus contract", jetStreamHarness);
});
