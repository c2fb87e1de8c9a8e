import { officialRegistered } from "@lienthong/contracts/directory";
import { unitName } from "./format";
import { defineRule, type AnyRule } from "./rule";

export const directoryRules: AnyRule[] = [
  defineRule({
    kind: "OFFICIAL_WELCOME",
    event: officialRegistered,
    recipients: async (data) => [data.officialId],
    message: (data) => ({
      title: "Chào mừng đến với Liên Thông",
      body: `Xin chào ${data.fullName}, tài khoản cán bộ (${data.position}, ${unitName(data.unit)}) của bạn đã được tạo. Các thông báo về nhiệm vụ liên quan đến bạn sẽ xuất hiện tại đây.`,
    }),
  }),
];
