export interface Column {
  header: string;
  align?: "left" | "right";
}

export interface Table {
  title: string;
  columns: Column[];
  rows: string[][];
  /** One line under the table saying what was measured and how. */
  note: string;
}

/** Fixed-width text: every column as wide as its widest cell, numbers right-aligned. */
export function renderTable(table: Table): string {
  const widths = table.columns.map((column, index) =>
    Math.max(column.header.length, ...table.rows.map((row) => (row[index] ?? "").length)),
  );
  const line = (cells: string[]) =>
    table.columns
      .map((column, index) => {
        const cell = cells[index] ?? "";
        const width = widths[index] ?? 0;
        return column.align === "left" ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [table.title, line(table.columns.map((column) => column.header)), rule, ...table.rows.map(line), table.note, ""].join("\n");
}
