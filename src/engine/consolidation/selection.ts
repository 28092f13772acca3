/**
 * Which files a consolidation counts (docs/spec/consolidation.md, "The year, and which files count"
 * and the cross-workbook rules): the consolidation year and how it was chosen, then per file its
 * standing — counted, superseded by a revision (KON-02), another year or none (KON-05), in conflict
 * with another file of its OPD (KON-08), naming an OPD the reference does not know (KON-11) or
 * unreadable (KON-03, already on the file) — and KON-09 when the file name names another OPD.
 *
 * Nothing here guesses: where the tool cannot tell which file of an OPD is right, none counts.
 */
import { Finding } from '../findings';
import { Lang, message } from '../messages';
import { identityFinding, nearestHint, normalisedNames, sheetFinding } from '../rules/context';
import { ReferenceIndex } from '../reference/index';
import { Opd, Reference } from '../reference/model';
import { instant } from '../signoff';
import { nearest, normalise } from '../text';
import { PhraseIndex } from '../replication/words';
import { FileValidation } from '../validate';

/** What a file is to the consolidation (the JSON report's `konsolidasi`). */
export type Standing =
  'dihitung' | 'diganti' | 'tahunLain' | 'tahunKosong' | 'konflik' | 'opdTidakDikenal' | 'tidakTerbaca';

/** A file's status as `Rekap OPD`'s file rows, `Temuan`'s `Status Berkas` and `Info Konsolidasi` show it. */
export const STANDING_WORD: Readonly<Record<Standing, string>> = {
  dihitung: 'Dihitung',
  diganti: 'Diganti',
  tahunLain: 'Tahun Lain',
  tahunKosong: 'Tahun Kosong',
  konflik: 'Berkas Konflik',
  opdTidakDikenal: 'OPD Tidak Dikenal',
  tidakTerbaca: 'Tidak Terbaca',
};

/** Order of the file rows after the OPD rows of `Rekap OPD`. */
export const SET_ASIDE_ORDER: readonly Exclude<Standing, 'dihitung'>[] = [
  'diganti',
  'tahunLain',
  'tahunKosong',
  'konflik',
  'opdTidakDikenal',
  'tidakTerbaca',
];

/** Where the consolidation year came from (the JSON report's `tahunDipilihDari`). */
export type YearSource = 'opsi' | 'jadwal' | 'mayoritas';

export interface YearVote {
  readonly tahun: number;
  /** OPDs whose latest readable file names this year. */
  readonly opd: number;
}

export interface ConsolidationYear {
  /** Null only when no readable workbook names a valid year and neither option nor schedule gives one. */
  readonly tahun: number | null;
  readonly dari: YearSource;
  /** The vote, most votes first (then the later year); empty unless `dari` is `mayoritas`. */
  readonly suara: readonly YearVote[];
}

/** A file as the selection reads it. */
export interface Candidate {
  /** The name shown (the command line passes the base name). */
  readonly file: string;
  readonly validation: FileValidation;
}

export interface Selection {
  readonly standing: Standing;
  /** The file that supersedes this one (`diganti`). */
  readonly supersededBy: string | null;
  /** The files of a conflict (`konflik`), this one included, in group order. */
  readonly conflictWith: readonly string[];
  /** KON-02, KON-05, KON-08, KON-09, KON-11 for this file (without ids; the caller identifies them). */
  readonly findings: readonly Finding[];
}

const baseName = (file: string): string =>
  file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** The latest moment the file's sign-off sheet records (any row the chain read), as ms; null when none can be read. */
function latestStampMs(v: FileValidation): number | null {
  const p = v.persetujuan;
  const rows = [...p.levels.map((l) => l.row), p.kembali, ...p.unknown];
  let latest: number | null = null;
  for (const r of rows) {
    const ms = r ? instant(r.waktu) : null;
    if (ms !== null && (latest === null || ms > latest)) latest = ms;
  }
  return latest;
}

function filingDate(v: FileValidation): string {
  const p = v.submission?.identity.tanggalPengisian.parsed;
  return p?.kind === 'ok' ? String(p.value) : ''; // missing or invalid: earliest
}

const innovationCount = (v: FileValidation): number => v.submission?.table?.rows.length ?? 0;

/** Group order: rows before none (a file without rows never supersedes one with rows), then filing date, then the latest stamp; 0 = a tie. */
export function compareInGroup(a: FileValidation, b: FileValidation): number {
  const rows = Number(innovationCount(a) > 0) - Number(innovationCount(b) > 0);
  if (rows) return rows;
  const [da, db] = [filingDate(a), filingDate(b)];
  if (da !== db) return da < db ? -1 : 1;
  const [ma, mb] = [latestStampMs(a) ?? -Infinity, latestStampMs(b) ?? -Infinity];
  return ma === mb ? 0 : ma < mb ? -1 : 1;
}

const isReadable = (v: FileValidation): boolean => v.submission !== null;

/**
 * The consolidation year: the option (`--tahun`, the pane's year field), else the schedule's year,
 * else the vote — one vote per OPD, with the year of its latest file that names one; ties go to
 * the later year. Files of an OPD the reference does not know vote as one OPD per name they type.
 */
export function consolidationYear(
  files: readonly Candidate[],
  reference: Reference,
  option?: number | null,
): ConsolidationYear {
  if (option !== undefined && option !== null) return { tahun: option, dari: 'opsi', suara: [] };
  if (reference.jadwal) return { tahun: reference.jadwal.tahun, dari: 'jadwal', suara: [] };
  const latest = new Map<string, FileValidation>();
  files.forEach((c, i) => {
    const v = c.validation;
    if (!isReadable(v) || v.tahun === null) return;
    const key = v.opd
      ? `kode:${v.opd.kode}`
      : v.opdText && normalise(v.opdText)
        ? `nama:${normalise(v.opdText)}`
        : `berkas:${i}`;
    const current = latest.get(key);
    if (!current || compareInGroup(current, v) <= 0) latest.set(key, v);
  });
  const counts = new Map<number, number>();
  for (const v of latest.values()) counts.set(v.tahun!, (counts.get(v.tahun!) ?? 0) + 1);
  const suara = [...counts]
    .map(([tahun, opd]) => ({ tahun, opd }))
    .sort((a, b) => b.opd - a.opd || b.tahun - a.tahun);
  return { tahun: suara[0]?.tahun ?? null, dari: 'mayoritas', suara };
}

/** How the year was chosen, one line for standard error, `Info Konsolidasi` and the pane. */
export function consolidationYearText(y: ConsolidationYear, lang: Lang): string {
  if (y.tahun === null) return message(lang, 'tahun.tidakAda');
  if (y.dari !== 'mayoritas') return message(lang, `tahun.${y.dari}`, { tahun: y.tahun });
  const suara = y.suara.map((s) => message(lang, 'tahun.suara', { tahun: s.tahun, n: s.opd })).join(', ');
  return message(lang, 'tahun.mayoritas', { tahun: y.tahun, suara });
}

// ---------------------------------------------------------------------------------------------
// KON-09: the file name names another OPD

/** Words of a text after normalisation: `KEC-LEMBEH-SELATAN` → `kec lembeh selatan`. */
const words = (text: string): string[] =>
  normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Every reference OPD filed under its code, name and aliases (as word runs), and its place in the reference. */
interface OpdNameIndex {
  readonly phrases: PhraseIndex<Opd>;
  readonly order: ReadonlyMap<Opd, number>;
}

// Built once per reference: looking every OPD's names up per file was quadratic (20,000 files × 20,000 OPDs).
const opdNameIndexes = new WeakMap<Reference, OpdNameIndex>();

function opdNameIndex(reference: Reference): OpdNameIndex {
  let index = opdNameIndexes.get(reference);
  if (!index) {
    const phrases = new PhraseIndex<Opd>();
    const order = new Map<Opd, number>();
    reference.opd.forEach((o, i) => {
      order.set(o, i);
      for (const p of new Set([o.kode, o.nama, ...o.alias].map((n) => words(n).join(' ')))) phrases.add(p, o);
    });
    opdNameIndexes.set(reference, (index = { phrases, order }));
  }
  return index;
}

/** The reference OPDs a file name names by code, official name or alias (whole words), in reference order. */
export function opdsNamedByFile(file: string, reference: Reference): Opd[] {
  const base = baseName(file).replace(/\.[^.]*$/, '');
  const { phrases, order } = opdNameIndex(reference);
  const named = new Set<Opd>();
  for (const { values } of phrases.find(words(base))) for (const o of values) named.add(o);
  return [...named].sort((a, b) => order.get(a)! - order.get(b)!);
}

/** KON-09, or null: the name names some other reference OPD and not the one `Identitas` names. */
function fileNameFinding(c: Candidate, reference: Reference): Finding | null {
  const v = c.validation;
  const opd = v.opd?.nama ?? v.opdText;
  if (!isReadable(v) || !opd) return null;
  const named = opdsNamedByFile(c.file, reference);
  if (!named.length || (v.opd && named.some((o) => o.kode === v.opd!.kode))) return null;
  return sheetFinding(
    'KON-09',
    { sheet: null },
    { params: { berkas: baseName(c.file), opdBerkas: named.map((o) => o.nama).join(', '), opd } },
  );
}

// ---------------------------------------------------------------------------------------------
// The selection

interface Entry {
  readonly c: Candidate;
  standing: Standing;
  supersededBy: string | null;
  conflictWith: string[];
  readonly findings: Finding[];
  readonly kon09: boolean;
}

/** Do two consecutive files of a group read as revisions of one another (a common name, or either without rows)? */
function revisionPair(a: Entry, b: Entry): boolean {
  if (a.kon09 || b.kon09) return false; // a file whose name names another OPD is never taken as a revision
  const ra = a.c.validation.submission?.table?.rows ?? [];
  const rb = b.c.validation.submission?.table?.rows ?? [];
  if (!ra.length || !rb.length) return true;
  const names = new Set(normalisedNames(ra).filter(Boolean));
  return normalisedNames(rb).some((n) => n && names.has(n));
}

/** One OPD's candidates: a chain of revisions (the latest counts, KON-02 on the others) or a conflict (KON-08 on all). */
function settleGroup(group: Entry[], opd: Opd): void {
  if (group.length === 1) return;
  const ordered = [...group].sort(
    (a, b) => compareInGroup(a.c.validation, b.c.validation) || compareNames(a.c.file, b.c.file),
  );
  const withRows = ordered.filter((e) => innovationCount(e.c.validation) > 0);
  const tied = (list: Entry[]) =>
    list.some((e, i) => i > 0 && compareInGroup(list[i - 1].c.validation, e.c.validation) === 0);
  // Among files with rows any tie leaves the order (and so the latest) undecided; without rows only a tie at the top does.
  const undecided = withRows.length ? tied(withRows) : tied(ordered.slice(-2));
  const chain = !undecided && ordered.every((e, i) => i === 0 || revisionPair(ordered[i - 1], e));
  const files = ordered.map((e) => e.c.file);
  if (chain) {
    const winner = ordered[ordered.length - 1];
    for (const e of ordered.slice(0, -1)) {
      e.standing = 'diganti';
      e.supersededBy = winner.c.file;
      e.findings.push(
        sheetFinding('KON-02', { sheet: null }, { params: { berkas: winner.c.file, opd: opd.nama } }),
      );
    }
    return;
  }
  for (const e of ordered) {
    e.standing = 'konflik';
    e.conflictWith = files;
    e.findings.push(
      sheetFinding(
        'KON-08',
        { sheet: null },
        { params: { opd: opd.nama, n: files.length, berkas: files.join(', ') } },
      ),
    );
  }
}

/** Byte order of the UTF-8 text, which is the order of code points. */
export function compareNames(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Each file's standing and the KON findings that say why, in input order. */
export function selectFiles(
  files: readonly Candidate[],
  reference: Reference,
  tahun: number | null,
): Selection[] {
  const index = ReferenceIndex.of(reference);
  const entries: Entry[] = files.map((c) => {
    const kon09 = fileNameFinding(c, reference);
    return {
      c,
      standing: 'dihitung',
      supersededBy: null,
      conflictWith: [],
      findings: kon09 ? [kon09] : [],
      kon09: kon09 !== null,
    };
  });
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const v = e.c.validation;
    if (!isReadable(v)) {
      e.standing = 'tidakTerbaca';
      continue;
    }
    const ctx = {
      submission: v.submission!,
      index,
      params: reference.parameter,
      today: '',
      opd: v.opd,
      tahun: v.tahun,
    };
    if (v.tahun === null) e.findings.push(identityFinding(ctx, 'KON-05', 'tahun'));
    else if (v.tahun !== tahun)
      e.findings.push(
        identityFinding(ctx, 'KON-05', 'tahun', {
          params: { tahun: v.tahun, tahunKonsolidasi: tahun ?? '?' },
        }),
      );
    if (!v.opd) {
      const hint = v.opdText ? nearestHint(nearest(v.opdText, index.opdNames())) : null;
      e.findings.push(sheetFinding('KON-11', { sheet: null }, { params: { opd: v.opdText ?? '—' }, hint }));
      e.standing = 'opdTidakDikenal';
      continue;
    }
    if (v.tahun === null || v.tahun !== tahun) {
      e.standing = v.tahun === null ? 'tahunKosong' : 'tahunLain';
      continue;
    }
    const g = groups.get(v.opd.kode);
    if (g) g.push(e);
    else groups.set(v.opd.kode, [e]);
  }
  for (const [kode, group] of groups) settleGroup(group, index.opdByCode(kode)!);
  return entries.map((e) => ({
    standing: e.standing,
    supersededBy: e.supersededBy,
    conflictWith: e.conflictWith,
    findings: e.findings,
  }));
}
