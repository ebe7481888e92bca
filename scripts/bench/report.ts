/** How the benchmark prints: a heading per section, each figure with the line that says how it was measured, a summary at the end. */

export interface SummaryRow {
  section: string;
  figure: string;
  value: string;
  /** The figure's goal, when it has one, and whether this run met it. */
  target?: { text: string; met: boolean };
}

const summary: SummaryRow[] = [];

export function heading(title: string, how: string): void {
  console.log(`\n${title}`);
  console.log(`  how: ${how}`);
}

/** One figure: its name, its value, and (indented below) how it was measured. */
export function figure(name: string, value: string, how?: string): void {
  console.log(`  ${name.padEnd(44)} ${value}`);
  if (how) console.log(`  ${''.padEnd(44)}   (${how})`);
}

export function note(text: string): void {
  console.log(`  ${text}`);
}

export function summarise(row: SummaryRow): void {
  summary.push(row);
}

export function printSummary(seconds: number): void {
  const widths = [
    Math.max(...summary.map((r) => r.section.length), 7),
    Math.max(...summary.map((r) => r.figure.length), 6),
    Math.max(...summary.map((r) => r.value.length), 5),
  ];
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}`;
  console.log(`\nSummary (${seconds.toFixed(0)} s in all)`);
  console.log(line(['section', 'figure', 'value', 'target']));
  console.log(line(widths.map((w) => '-'.repeat(w)).concat('------')));
  for (const r of summary) {
    console.log(line([r.section, r.figure, r.value, r.target ? `${r.target.text} ${r.target.met ? 'met' : 'MISSED'}` : '']));
  }
}

export const int = (n: number) => Math.round(n).toLocaleString('en');
export const ms = (n: number) => `${Number.isInteger(n) || n >= 100 ? Math.round(n).toLocaleString('en') : n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
export const ratio = (n: number) => `${n.toFixed(2)}×`;
export const bytes = (n: number) => `${n.toLocaleString('en')} B`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
