import type { Principal, Role } from "@lienthong/auth/principal";

export interface DemoOfficial {
  key: string;
  fullName: string;
  position: string;
  unit: string;
  roles: Role[];
  email: string;
}

/**
 * The demo city admin: an official of the city committee (unit `*`), registered like the ward officials, so the
 * token's `sub` is an official id and the services that follow directory's officials know him.
 */
export const DEMO_CITY_ADMIN: DemoOfficial = {
  key: "city-admin",
  fullName: "Trần Văn Thành",
  position: "Phó Chủ tịch Ủy ban MTTQ Thành phố",
  unit: "*",
  roles: ["city_admin"],
  email: "thuongtruc@demo.mttq.vn",
};

/**
 * Who registers the demo city admin on a first start, when no official exists yet to do it: a city admin
 * principal that is nobody's official record and whose token is never printed.
 */
export const DEMO_SEEDER: Principal = {
  sub: "demo-seeder",
  name: "Khởi tạo dữ liệu mẫu",
  roles: ["city_admin"],
  units: ["*"],
};

export const DEMO_WARDS = [
  { code: "26740", name: "Phường Sài Gòn" },
  { code: "26743", name: "Phường Bến Thành" },
  { code: "27592", name: "Xã Bà Điểm" },
] as const;

const people: Record<string, [admin: string, officer1: string, officer2: string]> = {
  "26740": ["Nguyễn Thị Lan", "Phạm Văn Minh", "Lê Thị Hồng"],
  "26743": ["Võ Minh Tuấn", "Đặng Thu Hà", "Bùi Quốc Việt"],
  "27592": ["Huỳnh Thị Mai", "Trương Văn Phúc", "Lý Ngọc Ánh"],
};

/** An admin (Chủ tịch) and two officers in each demo ward. */
export const DEMO_OFFICIALS: DemoOfficial[] = DEMO_WARDS.flatMap(({ code }) => {
  const [admin, first, second] = people[code] as [string, string, string];
  return [
    {
      key: `${code}-admin`,
      fullName: admin,
      position: "Chủ tịch Ủy ban MTTQ",
      unit: code,
      roles: ["unit_admin"] as Role[],
      email: `chutich.${code}@demo.mttq.vn`,
    },
    {
      key: `${code}-officer-1`,
      fullName: first,
      position: "Phó Chủ tịch",
      unit: code,
      roles: ["unit_officer"] as Role[],
      email: `phochutich.${code}@demo.mttq.vn`,
    },
    {
      key: `${code}-officer-2`,
      fullName: second,
      position: "Ủy viên Thường trực",
      unit: code,
      roles: ["unit_officer"] as Role[],
      email: `uyvien.${code}@demo.mttq.vn`,
    },
  ];
});
