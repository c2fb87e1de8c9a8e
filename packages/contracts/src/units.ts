export const UNIT_TYPES = ["PHUONG", "XA", "DAC_KHU"] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** A ward, commune or special zone of Ho Chi Minh City since 1 July 2025; `code` is the 5-digit NSO code. */
export interface Unit {
  code: string;
  name: string;
  type: UnitType;
  fullName: string;
  formerProvince: string;
  formerDistricts: string[];
  mergedFormerUnits: number;
}

const TYPE_PREFIX: Record<UnitType, string> = { PHUONG: "Phường", XA: "Xã", DAC_KHU: "Đặc khu" };

export function unitFullName(type: UnitType, name: string): string {
  return `${TYPE_PREFIX[type]} ${name}`;
}

/** Folds case and Vietnamese diacritics so "sai gon" matches "Sài Gòn" and "ba diem" matches "Bà Điểm". */
export function searchKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();
}
