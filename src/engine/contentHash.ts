/**
 * The content hash (docs/spec/report-and-cli.md): what the submission says, not how it looks. Column order,
 * title rows, formatting, `no`, `status` and unknown columns do not change it.
 */
import { createSha256 } from './hash';
import { CellValue } from './grid';
import { Submission, SubmissionRow, isEmptyOf, okValueOf, parsedSlotsOf, rawOf, rawSlotsOf } from './parse';
import { COLUMNS, COLUMN_KEYS, ColumnKey, IDENTITY_KEYS } from './schema';
import { Parsed, cellText } from './values';
import { EV, EVIDENCE_KEYS, EvidenceKey, EvidenceRow, evidenceCanonical } from './iid/evidence';

const HASHED_COLUMNS = COLUMN_KEYS.filter((k) => k !== 'no' && k !== 'status');
/** `Data Dukung` without `no` (like Inovasi) and the verifier's marks, which are not content the OPD signs (docs/spec/iid.md). */
const HASHED_EVIDENCE: readonly EvidenceKey[] = EVIDENCE_KEYS.filter(
  (k) => k !== 'no' && k !== 'verifikasi' && k !== 'catatanVerifikator',
);

/** Canonical value: parsed form; the trimmed text when it failed to parse; null when empty. */
function canonicalValue(raw: CellValue, parsed: Parsed<string | number>): string | number | null {
  if (parsed.kind === 'ok') return parsed.value;
  if (parsed.kind === 'bad') return cellText(raw);
  return null;
}

/** The same for a row's cell, read without allocating a parse result. */
function canonicalCell(row: SubmissionRow, key: ColumnKey): string | number | null {
  const value = okValueOf(row, key);
  if (value !== null) return value;
  return isEmptyOf(row, key) ? null : cellText(rawOf(row, key));
}

function evidenceObject(row: EvidenceRow): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const key of HASHED_EVIDENCE) out[key] = evidenceCanonical(row, EV[key]);
  return out;
}

/** The `Data Dukung` rows the hash covers: none when the sheet is absent or has no row (the hash is then unchanged). */
const hashedEvidence = (s: Submission): readonly EvidenceRow[] => s.dataDukung?.rows ?? [];

export function contentDocument(s: Submission): {
  dataDukung?: Record<string, unknown>[];
  identitas: Record<string, unknown>;
  rows: Record<string, unknown>[];
} {
  const identitas: Record<string, unknown> = {};
  for (const key of IDENTITY_KEYS)
    identitas[key] = canonicalValue(s.identity[key].raw, s.identity[key].parsed);
  const rows = (s.table?.rows ?? []).map((row) => {
    const out: Record<string, unknown> = {};
    for (const key of HASHED_COLUMNS) out[key] = canonicalCell(row, key);
    return out;
  });
  const evidence = hashedEvidence(s);
  return evidence.length
    ? { dataDukung: evidence.map(evidenceObject), identitas, rows }
    : { identitas, rows };
}

// Canonical JSON sorts keys by UTF-16 code units, exactly as Array.prototype.sort does.
const SORTED_IDENTITY = [...IDENTITY_KEYS].sort();
const SORTED_COLUMNS = [...HASHED_COLUMNS].sort();
const SORTED_EVIDENCE = [...HASHED_EVIDENCE].sort();

/** `{"k1":` … `,"k2":` …: each key's JSON prefix, written once. */
const prefixes = (keys: readonly string[]) => keys.map((k, i) => (i ? ',' : '{') + JSON.stringify(k) + ':');
const IDENTITY_PREFIX = prefixes(SORTED_IDENTITY);
const COLUMN_PREFIX = prefixes(SORTED_COLUMNS);
const EVIDENCE_PREFIX = prefixes(SORTED_EVIDENCE);
const SORTED_EVIDENCE_SLOTS = SORTED_EVIDENCE.map((k) => EV[k]);

// Text with nothing to escape is quoted as is (no copy); anything else goes through JSON.stringify.
// An anchored negated class scans about twice as fast as searching for the first escapable
// character; lone surrogates (which JSON.stringify escapes) are ruled out by isWellFormed where the
// host has it (ES2024; constant time on Latin-1 text), else by a second scan.
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const PLAIN = /^[^"\\\u0000-\u001f]*$/;
const HAS_SURROGATE = /[\ud800-\udfff]/;
type WellFormed = (this: string) => boolean;
const isWellFormed = (String.prototype as { isWellFormed?: WellFormed }).isWellFormed;
const wellFormed: (s: string) => boolean = isWellFormed
  ? (s) => isWellFormed.call(s)
  : (s) => !HAS_SURROGATE.test(s);

/** JSON text of a canonical value, exactly as JSON.stringify writes it (numbers are finite here). */
const json = (v: string | number | null): string =>
  typeof v === 'string'
    ? PLAIN.test(v) && wellFormed(v)
      ? '"' + v + '"'
      : JSON.stringify(v)
    : v === null
      ? 'null'
      : String(v);

function flatObject(
  keys: readonly string[],
  prefix: readonly string[],
  value: (key: string) => string | number | null,
): string {
  let out = '';
  for (let i = 0; i < keys.length; i++) out += prefix[i] + json(value(keys[i]));
  return out + '}';
}

/** Each sorted hashed column's position in `COLUMNS` (where the parser stores it). */
const SORTED_COLUMN_SLOTS = SORTED_COLUMNS.map((k) => COLUMNS.findIndex((c) => c.key === k));

/** A row's JSON object, read straight from the parser's stored slots (the hot path: every cell of every row). */
function rowJson(row: SubmissionRow): string {
  const slots = parsedSlotsOf(row);
  const raws = rawSlotsOf(row);
  if (!slots || !raws)
    return flatObject(SORTED_COLUMNS, COLUMN_PREFIX, (k) => canonicalCell(row, k as ColumnKey));
  let out = '';
  for (let i = 0; i < SORTED_COLUMN_SLOTS.length; i++) {
    const at = SORTED_COLUMN_SLOTS[i];
    const slot = slots[at];
    const value =
      typeof slot !== 'object'
        ? slot
        : slot.kind === 'ok'
          ? slot.value
          : slot.kind === 'empty'
            ? null
            : cellText(raws[at]);
    out += COLUMN_PREFIX[i] + json(value);
  }
  return out + '}';
}

const HASH_BATCH_CHARS = 64 * 1024;

/**
 * `sha256:` + SHA-256 of `canonicalJson(contentDocument(s))`, streamed row by row so a 20,000-row
 * sheet is never one giant string (a test checks both give the same digest).
 */
export function contentHash(s: Submission): string {
  const hash = createSha256();
  const identity = s.identity as Record<string, { raw: CellValue; parsed: Parsed<string | number> }>;
  // Keys in canonical order: "dataDukung" sorts before "identitas".
  const evidence = hashedEvidence(s);
  if (evidence.length) {
    let text = '{"dataDukung":[';
    for (let r = 0; r < evidence.length; r++) {
      let row = r ? ',' : '';
      for (let i = 0; i < SORTED_EVIDENCE_SLOTS.length; i++)
        row += EVIDENCE_PREFIX[i] + json(evidenceCanonical(evidence[r], SORTED_EVIDENCE_SLOTS[i]));
      text += row + '}';
      if (text.length >= HASH_BATCH_CHARS) {
        hash.update(text);
        text = '';
      }
    }
    hash.update(text + '],"identitas":');
  } else hash.update('{"identitas":');
  hash.update(
    flatObject(SORTED_IDENTITY, IDENTITY_PREFIX, (k) => canonicalValue(identity[k].raw, identity[k].parsed)) +
      ',"rows":[',
  );
  const rows = s.table?.rows ?? [];
  // Rows are handed over some 64 K characters at a time: one call per row cost more than the digest of a short row.
  let pending = '';
  for (let r = 0; r < rows.length; r++) {
    pending += (r ? ',' : '') + rowJson(rows[r]);
    if (pending.length >= HASH_BATCH_CHARS) {
      hash.update(pending);
      pending = '';
    }
  }
  return 'sha256:' + hash.update(pending + ']}').hex();
}
