/**
 * A text table for a terminal that fits a width (docs/spec/report-and-cli.md: 120 columns): each
 * column gets its natural width, and while the table is too wide the widest column that can give
 * narrows by one; a cell longer than its column wraps on words onto more lines of its row.
 */

/** The terminal width every text table of the command line fits. */
export const TABLE_WIDTH = 120;
/** A text column narrows to its longest word, but to no less than MIN and no more than MAX_WORD_WIDTH. */
const MIN_TEXT_WIDTH = 7;
const MAX_WORD_WIDTH = 12;
const GAP = '  ';

const length = (s: string) => [...s].length;

/** A word cut to `width`: after its last `-` that fits (`disdukcapil-` `2026.xlsx`), else hard. */
function cutWord(word: string, width: number): [string, string] {
  const chars = [...word];
  const hyphen = chars.slice(0, width).lastIndexOf('-');
  const at = hyphen > 0 ? hyphen + 1 : width;
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}

/** `text` in lines of at most `width` characters, broken between words (a longer word is cut). */
export function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (line && length(line) + 1 + length(word) <= width) {
      line += ` ${word}`;
      continue;
    }
    if (line) lines.push(line);
    while (length(word) > width) {
      const [head, rest] = cutWord(word, width);
      lines.push(head);
      word = rest;
    }
    line = word;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

export interface TableOptions {
  /** Columns right-aligned and never wrapped (counts). */
  readonly numeric?: ReadonlySet<number>;
  readonly width?: number;
  /** Columns that narrow last (a name a reader scans for): they count as half their width when choosing. */
  readonly keepWide?: ReadonlySet<number>;
}

/**
 * The column widths: natural, then narrowed (widest first) until the table fits or no column can
 * give. A column gives down to its longest word (capped, so a file name may be cut at a `-`); a
 * numeric column down to its longest value or header word.
 */
export function fitWidths(rows: readonly (readonly string[])[], o: TableOptions = {}): number[] {
  const width = o.width ?? TABLE_WIDTH;
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const words = (text: string) => text.split(/\s+/).map(length);
  const natural = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...rows.map((r) => length(r[c] ?? ''))),
  );
  const floor = natural.map((n, c) => {
    if (o.numeric?.has(c))
      return Math.max(...words(rows[0]?.[c] ?? ''), ...rows.slice(1).map((r) => length(r[c] ?? '')));
    return Math.min(
      n,
      Math.max(
        MIN_TEXT_WIDTH,
        Math.min(MAX_WORD_WIDTH, Math.max(0, ...rows.flatMap((r) => words(r[c] ?? '')))),
      ),
    );
  });
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, columns - 1);
  while (total() > width) {
    let widest = -1;
    const weight = (c: number) => (o.keepWide?.has(c) ? widths[c] / 2 : widths[c]);
    for (let c = 0; c < columns; c++)
      if (widths[c] > floor[c] && (widest < 0 || weight(c) > weight(widest))) widest = c;
    if (widest < 0) break;
    widths[widest]--;
  }
  return widths;
}

/** The table as lines (the first row is the header), each at most `width` characters when it can be. */
export function renderTable(rows: readonly (readonly string[])[], o: TableOptions = {}): string[] {
  const widths = fitWidths(rows, o);
  const out: string[] = [];
  for (const row of rows) {
    // A count never wraps; a header does (`Jumlah` over `Inovasi`).
    const cells = widths.map((w, c) =>
      o.numeric?.has(c) && row !== rows[0] ? [row[c] ?? ''] : wrapCell(row[c] ?? '', w),
    );
    const height = Math.max(...cells.map((l) => l.length));
    for (let i = 0; i < height; i++) {
      const line = cells.map((l, c) => {
        const text = l[i] ?? '';
        const pad = ' '.repeat(Math.max(0, widths[c] - length(text)));
        return o.numeric?.has(c) ? pad + text : text + pad;
      });
      out.push(line.join(GAP).trimEnd());
    }
  }
  return out;
}
