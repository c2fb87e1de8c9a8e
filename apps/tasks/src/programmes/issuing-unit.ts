/** The issuing or assigning "unit" of the city committee itself, matching the principal's city-level scope. */
export const CITY_UNIT = "*";
