/**
 * The content hash (report-and-cli.md): what the submission says, not how it looks. Column order,
 * title rows, formatting, `no`, `status` and unknown columns do not change it.
 */
import { canonicalJson } from './canonicalJson';
import { sha256Hex } from './hash';
import { CellValue } from './grid';
import { Submission } from './parse';
import { COLUMN_KEYS, IDENTITY_KEYS } from './schema';
import { Parsed, cellText } from './values';

const HASHED_COLUMNS = COLUMN_KEYS.filter((k) => k !== 'no' && k !== 'status');

/** Canonical value: parsed form; the trimmed text when it failed to parse; null when empty. */
function canonicalValue(raw: CellValue, parsed: Parsed<string | number>): string | number | null {
  if (parsed.kind === 'ok') return parsed.value;
  if (parsed.kind === 'bad') return cellText(raw);
  return null;
}

export function contentDocument(s: Submission): { identitas: Record<string, unknown>; rows: Record<string, unknown>[] } {
  const identitas: Record<string, unknown> = {};
  for (const key of IDENTITY_KEYS) identitas[key] = canonicalValue(s.identity[key].raw, s.identity[key].parsed);
  const rows = (s.table?.rows ?? []).map((row) => {
    const out: Record<string, unknown> = {};
    for (const key of HASHED_COLUMNS) out[key] = canonicalValue(row.cells[key].raw, row.cells[key].parsed);
    return out;
  });
  return { identitas, rows };
}

export function contentHash(s: Submission): string {
  return 'sha256:' + sha256Hex(canonicalJson(contentDocument(s)));
}
