// Console output for the examples: aligned text tables and confidences with the digits they have.

/** A column: its header and whether its cells line up on the right (amounts, percentages). */
export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/**
 * Lays `rows` out under `columns`: every column as wide as its widest cell, two spaces between
 * columns, numbers right-aligned, no trailing spaces. Returns the lines (header first).
 */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] ?? 0;
        return c.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}

/**
 * A confidence in [0, 1] as a percentage with two decimals, rounded down so that nothing short
 * of certainty reads as 100 %: 0.9989 -> "99.89 %", 0.99999 -> "99.99 %", 1 -> "100.00 %".
 */
export function formatConfidence(confidence: number): string {
  // Round away float noise first (0.9989 * 1e4 is 9988.999…), then cut to hundredths of a percent.
  const hundredths = Math.floor(Math.round(confidence * 1e6) / 100);
  // ...and a confidence a hair below 1 still is not certainty.
  const shown = confidence < 1 ? Math.min(hundredths, 9_999) : hundredths;
  return `${(shown / 100).toFixed(2)} %`;
}
