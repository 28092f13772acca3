/**
 * The IID rules (docs/spec/iid.md, "Rules"): only when the reference has `iid` and the workbook a
 * `Data Dukung` sheet. Warnings and infos only, so readiness is advice, never a gate; a value on
 * this sheet that does not parse is IID-02, never an FMT error.
 */
import { CellValue, a1 } from '../grid';
import { Submission } from '../parse';
import { Emit, Located, locatedFinding, rowKeys } from '../rules/context';
import { COLUMN_BY_KEY } from '../schema';
import { cellValueForReport, isEmptyCell } from '../values';
import { DERIVATIONS, derivationColumn } from './derive';
import {
  EVIDENCE_COLUMNS,
  EVIDENCE_COLUMN_BY_KEY,
  EV,
  EvidenceKey,
  EvidenceSlot,
  EvidenceSheet,
  evKind,
  evRaw,
  evValue,
  normaliseIid,
} from './evidence';
import { EvidenceMatch, FileEstimate } from './estimate';
import { Iid } from './model';

/** Columns whose unparsable value is IID-02 (the other text columns always parse). */
const CHECKED: readonly EvidenceKey[] = ['indikator', 'tingkat', 'tanggal', 'tautan', 'verifikasi'];
/** Values every evidence row needs (an empty one is IID-02, `inovasi` IID-01). */
const NEEDED: readonly EvidenceKey[] = ['indikator', 'tingkat'];

/**
 * `{inovasi normalised}|{indikator kode}#k` of an evidence row, k counting repeats from the top.
 * One pass counts with numbers (each distinct text normalised once, bases interned as ids); the
 * key text is built only for the rows that get a finding: 6,000 rows a workbook, most without one.
 */
function evidenceRowKeys(matches: readonly EvidenceMatch[]): (i: number) => string {
  const normalised = new Map<CellValue, string>(); // the same few names over and over
  const text = (raw: CellValue) => {
    if (isEmptyCell(raw)) return '';
    let t = normalised.get(raw);
    if (t === undefined) normalised.set(raw, (t = normaliseIid(String(cellValueForReport(raw)))));
    return t;
  };
  const partIds = new Map<string, number>();
  const parts: string[] = [];
  const idOf = (part: string) => {
    let id = partIds.get(part);
    if (id === undefined) {
      partIds.set(part, (id = parts.length));
      parts.push(part);
    }
    return id;
  };
  const inovasiIds = new Int32Array(matches.length);
  const indikatorIds = new Int32Array(matches.length);
  const occurrence = new Int32Array(matches.length);
  const counts = new Map<number, number>();
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    const a = idOf(text(evRaw(m.evidence, 'inovasi')));
    const b = idOf(m.indikator?.kode ?? text(evRaw(m.evidence, 'indikator')));
    // At most two distinct texts per row (rows ≤ 1,048,576), so ids stay below 2^22: a × 2^22 + b is unique.
    const base = a * 4_194_304 + b;
    const k = (counts.get(base) ?? 0) + 1;
    counts.set(base, k);
    inovasiIds[i] = a;
    indikatorIds[i] = b;
    occurrence[i] = k;
  }
  return (i) => `${parts[inovasiIds[i]]}|${parts[indikatorIds[i]]}#${occurrence[i]}`;
}

/** The IID findings of one workbook (none without a `Data Dukung` sheet). */
export function checkIid(
  submission: Submission,
  iid: Iid,
  estimate: FileEstimate,
  today: string,
  emit: Emit,
): void {
  const sheet = submission.dataDukung;
  // A sheet with its header and no evidence row is an OPD that has not started (the template's
  // empty sheet): no finding, as without the sheet. A sheet whose header is not found is reported.
  if (!sheet || (sheet.headerRow !== null && sheet.rows.length === 0)) return;
  checkStructure(sheet, emit);
  // Row keys only when a row has a finding: most rows of a good sheet have none.
  let keys: ((i: number) => string) | null = null;
  const keyOf = (i: number) => (keys ??= evidenceRowKeys(estimate.bukti))(i);
  const rows = submission.table?.rows ?? [];
  for (let i = 0; i < estimate.bukti.length; i++) {
    const m = estimate.bukti[i];
    if (!needsCheck(m, sheet, today, estimate)) continue;
    checkRow(
      sheet,
      m,
      keyOf(i),
      m.inovasi === null ? null : rows[m.inovasi].cells.nama.raw,
      estimate,
      today,
      emit,
    );
  }
  checkWajib(submission, iid, estimate, emit);
}

/** The derived level of the row's innovation and indicator, when IID-04 compares with it. */
function comparedLevel(m: EvidenceMatch, estimate: FileEstimate): number | null {
  if (!m.indikator?.turunan || !DERIVATIONS[m.indikator.turunan].bandingkan || m.inovasi === null)
    return null;
  const kode = m.indikator.kode;
  const indikator = estimate.inovasi[m.inovasi].indikator;
  for (let k = 0; k < indikator.length; k++) if (indikator[k].kode === kode) return indikator[k].turunan;
  return null;
}

const CHECKED_AT = CHECKED.map((k) => EV[k]);
const NEEDED_AT = NEEDED.map((k) => EV[k]);
const isBad = (slot: EvidenceSlot) => typeof slot === 'object' && slot.kind === 'bad';
const isEmpty = (slot: EvidenceSlot) => typeof slot === 'object' && slot.kind === 'empty';

/** Does any rule fire on this row? A cheap pass without building anything (6,000 rows a workbook). */
function needsCheck(m: EvidenceMatch, sheet: EvidenceSheet, today: string, estimate: FileEstimate): boolean {
  const e = m.evidence;
  if (m.inovasi === null) return true; // IID-01
  for (let k = 0; k < CHECKED_AT.length; k++) if (isBad(e.parsed[CHECKED_AT[k]])) return true;
  for (let k = 0; k < NEEDED_AT.length; k++)
    if (isEmpty(e.parsed[NEEDED_AT[k]]) && sheet.columns.has(NEEDED[k])) return true;
  if (m.tingkat !== null && evKind(e, 'tautan') === 'empty' && evKind(e, 'nomor') === 'empty') return true;
  const tanggal = evValue(e, 'tanggal');
  if (tanggal !== null && String(tanggal) > today) return true;
  const derived = m.tingkat === null ? null : comparedLevel(m, estimate);
  return derived !== null && m.tingkat! > derived;
}

function checkStructure(sheet: EvidenceSheet, emit: Emit): void {
  const at = (
    col: number | null,
    columnKey: string,
    column: string | null,
    value: string | null,
  ): Located => ({
    sheet: sheet.sheet,
    cell: col === null || sheet.headerRow === null ? null : a1(sheet.headerRow - 1, col),
    row: col === null ? null : sheet.headerRow,
    col,
    column,
    columnKey,
    rowKey: '',
    value,
  });
  if (sheet.headerRow === null) {
    emit(locatedFinding('IID-02', at(null, '', null, null), { params: { jenis: 'judul' } }));
    return;
  }
  for (const c of EVIDENCE_COLUMNS)
    if (c.requiredColumn && !sheet.columns.has(c.key))
      emit(
        locatedFinding('IID-02', at(null, c.key, c.label, null), {
          params: { jenis: 'kolom', kolom: c.label },
        }),
      );
  for (const d of sheet.doubled)
    emit(
      locatedFinding('IID-02', at(d.col, d.key, d.text, d.text), {
        params: { jenis: 'ganda', kolom: d.text },
      }),
    );
}

function checkRow(
  sheet: EvidenceSheet,
  m: EvidenceMatch,
  rowKey: string,
  inovasiNama: CellValue,
  estimate: FileEstimate,
  today: string,
  emit: Emit,
): void {
  const e = m.evidence;
  const inovasiRaw = evRaw(e, 'inovasi');
  const inovasi =
    typeof inovasiNama === 'string'
      ? inovasiNama.trim()
      : isEmptyCell(inovasiRaw)
        ? ''
        : String(cellValueForReport(inovasiRaw)).trim();
  const indikator = m.indikator?.nama ?? '';
  /** Located at a column of this row; an absent column points at the row's `inovasi` cell (or none). */
  const at = (key: EvidenceKey, value = cellValueForReport(evRaw(e, key))): Located => {
    const col = sheet.columns.get(key) ?? sheet.columns.get('inovasi') ?? null;
    return {
      sheet: sheet.sheet,
      cell: col === null ? null : a1(e.row - 1, col),
      row: e.row,
      col,
      column: EVIDENCE_COLUMN_BY_KEY[key].label,
      columnKey: key,
      rowKey,
      value: isEmptyCell(evRaw(e, key)) ? null : value,
    };
  };
  const withInovasi = (params: Record<string, string | number>) =>
    inovasi ? { ...params, inovasi } : params;

  if (isEmptyCell(inovasiRaw)) emit(locatedFinding('IID-01', at('inovasi'), { params: { jenis: 'kosong' } }));
  else if (m.inovasi === null) emit(locatedFinding('IID-01', at('inovasi'), { params: { inovasi } }));

  for (const key of NEEDED)
    // An absent column is one IID-02 for the sheet, not one per row.
    if (evKind(e, key) === 'empty' && sheet.columns.has(key))
      emit(
        locatedFinding('IID-02', at(key), {
          params: withInovasi({ jenis: 'kosong', kolom: EVIDENCE_COLUMN_BY_KEY[key].label }),
        }),
      );
  for (const key of CHECKED) {
    if (evKind(e, key) !== 'bad') continue;
    const nilai = String(cellValueForReport(evRaw(e, key)) ?? '');
    emit(
      locatedFinding('IID-02', at(key), {
        params: withInovasi({ nilai, kolom: EVIDENCE_COLUMN_BY_KEY[key].label }),
      }),
    );
  }

  if (m.tingkat !== null && evKind(e, 'tautan') === 'empty' && evKind(e, 'nomor') === 'empty')
    emit(
      locatedFinding('IID-03', at('tautan'), {
        params: withInovasi({
          tingkat: m.tingkat,
          indikator: indikator || String(cellValueForReport(evRaw(e, 'indikator')) ?? ''),
        }),
      }),
    );

  const derived = m.tingkat === null ? null : comparedLevel(m, estimate);
  if (derived !== null && m.tingkat! > derived)
    emit(
      locatedFinding('IID-04', at('tingkat'), {
        params: withInovasi({
          tingkat: m.tingkat!,
          indikator,
          kolom: COLUMN_BY_KEY[derivationColumn(DERIVATIONS[m.indikator!.turunan!])].label,
          tingkatTurunan: derived,
        }),
      }),
    );

  const tanggal = evValue(e, 'tanggal');
  if (tanggal !== null && String(tanggal) > today)
    emit(
      locatedFinding('IID-05', at('tanggal', String(tanggal)), {
        params: withInovasi({ tanggal: String(tanggal) }),
      }),
    );
}

function checkWajib(submission: Submission, iid: Iid, estimate: FileEstimate, emit: Emit): void {
  const table = submission.table;
  if (!table) return;
  const keys = rowKeys(table.rows);
  const byKode = new Map(iid.indikator.map((i) => [i.kode, i]));
  estimate.inovasi.forEach((inv, r) => {
    if (inv.tahapan !== 'Penerapan') return;
    const row = table.rows[r];
    const col = row.cells.nama.col;
    for (const kode of inv.kurang) {
      const indikator = byKode.get(kode)!;
      if (!indikator.wajib) continue;
      emit(
        locatedFinding(
          'IID-06',
          {
            sheet: table.sheet,
            cell: col === null ? null : a1(row.row - 1, col),
            row: row.row,
            col,
            column: COLUMN_BY_KEY.nama.label,
            columnKey: 'nama',
            rowKey: keys[r],
            value: kode,
          },
          { params: { nama: inv.nama, indikator: indikator.nama, inovasi: inv.nama } },
        ),
      );
    }
  });
}
