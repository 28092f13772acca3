/**
 * The IID rules (docs/spec/iid.md, "Rules"): only when the reference has `iid` and the workbook a
 * `Data Dukung` sheet. Warnings and infos only, so readiness is advice, never a gate; a value on
 * this sheet that does not parse is IID-02, never an FMT error.
 */
import { a1 } from '../grid';
import { Submission } from '../parse';
import { Emit, Located, locatedFinding, rowKeys } from '../rules/context';
import { COLUMN_BY_KEY } from '../schema';
import { cellValueForReport, isEmptyCell } from '../values';
import { DERIVATIONS, derivationColumn } from './derive';
import {
  EVIDENCE_COLUMNS,
  EVIDENCE_COLUMN_BY_KEY,
  EvidenceKey,
  EvidenceSheet,
  normaliseIid,
} from './evidence';
import { EvidenceMatch, FileEstimate } from './estimate';
import { Iid } from './model';

/** Columns whose unparsable value is IID-02 (the other text columns always parse). */
const CHECKED: readonly EvidenceKey[] = ['indikator', 'tingkat', 'tanggal', 'tautan', 'verifikasi'];
/** Values every evidence row needs (an empty one is IID-02, `inovasi` IID-01). */
const NEEDED: readonly EvidenceKey[] = ['indikator', 'tingkat'];

/** `{inovasi normalised}|{indikator kode}#k` for each evidence row, k counting repeats from the top. */
function evidenceRowKeys(matches: readonly EvidenceMatch[]): string[] {
  const counts = new Map<string, number>();
  return matches.map((m) => {
    const c = m.evidence.cells;
    const inovasi = isEmptyCell(c.inovasi.raw) ? '' : normaliseIid(String(cellValueForReport(c.inovasi.raw)));
    const indikator =
      m.indikator?.kode ??
      (isEmptyCell(c.indikator.raw) ? '' : normaliseIid(String(cellValueForReport(c.indikator.raw))));
    const base = `${inovasi}|${indikator}`;
    const k = (counts.get(base) ?? 0) + 1;
    counts.set(base, k);
    return `${base}#${k}`;
  });
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
  if (!sheet) return;
  checkStructure(sheet, emit);
  const keys = evidenceRowKeys(estimate.bukti);
  const rows = submission.table?.rows ?? [];
  estimate.bukti.forEach((m, i) =>
    checkRow(sheet, m, keys[i], rows[m.inovasi ?? -1]?.cells.nama.raw ?? null, estimate, today, emit),
  );
  checkWajib(submission, iid, estimate, emit);
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
  inovasiNama: unknown,
  estimate: FileEstimate,
  today: string,
  emit: Emit,
): void {
  const c = m.evidence.cells;
  const inovasi =
    typeof inovasiNama === 'string'
      ? inovasiNama.trim()
      : isEmptyCell(c.inovasi.raw)
        ? ''
        : String(cellValueForReport(c.inovasi.raw)).trim();
  const indikator = m.indikator?.nama ?? '';
  /** Located at a column of this row; an absent column points at the row's `inovasi` cell (or none). */
  const at = (key: EvidenceKey, value = cellValueForReport(c[key].raw)): Located => {
    const col = sheet.columns.get(key) ?? sheet.columns.get('inovasi') ?? null;
    return {
      sheet: sheet.sheet,
      cell: col === null ? null : a1(m.evidence.row - 1, col),
      row: m.evidence.row,
      col,
      column: EVIDENCE_COLUMN_BY_KEY[key].label,
      columnKey: key,
      rowKey,
      value: isEmptyCell(c[key].raw) ? null : value,
    };
  };
  const withInovasi = (params: Record<string, string | number>) =>
    inovasi ? { ...params, inovasi } : params;

  if (isEmptyCell(c.inovasi.raw))
    emit(locatedFinding('IID-01', at('inovasi'), { params: { jenis: 'kosong' } }));
  else if (m.inovasi === null) emit(locatedFinding('IID-01', at('inovasi'), { params: { inovasi } }));

  for (const key of NEEDED)
    // An absent column is one IID-02 for the sheet, not one per row.
    if (c[key].parsed.kind === 'empty' && sheet.columns.has(key))
      emit(
        locatedFinding('IID-02', at(key), {
          params: withInovasi({ jenis: 'kosong', kolom: EVIDENCE_COLUMN_BY_KEY[key].label }),
        }),
      );
  for (const key of CHECKED) {
    if (c[key].parsed.kind !== 'bad') continue;
    const nilai = String(cellValueForReport(c[key].raw) ?? '');
    emit(
      locatedFinding('IID-02', at(key), {
        params: withInovasi({ nilai, kolom: EVIDENCE_COLUMN_BY_KEY[key].label }),
      }),
    );
  }

  if (m.tingkat !== null && c.tautan.parsed.kind === 'empty' && c.nomor.parsed.kind === 'empty')
    emit(
      locatedFinding('IID-03', at('tautan'), {
        params: withInovasi({
          tingkat: m.tingkat,
          indikator: indikator || String(cellValueForReport(c.indikator.raw) ?? ''),
        }),
      }),
    );

  const turunan = m.indikator?.turunan ? DERIVATIONS[m.indikator.turunan] : null;
  if (turunan?.bandingkan && m.tingkat !== null && m.inovasi !== null) {
    const est =
      estimate.inovasi[m.inovasi].indikator.find((i) => i.kode === m.indikator!.kode)?.turunan ?? null;
    if (est !== null && m.tingkat > est)
      emit(
        locatedFinding('IID-04', at('tingkat'), {
          params: withInovasi({
            tingkat: m.tingkat,
            indikator,
            kolom: COLUMN_BY_KEY[derivationColumn(turunan)].label,
            tingkatTurunan: est,
          }),
        }),
      );
  }

  if (c.tanggal.parsed.kind === 'ok' && String(c.tanggal.parsed.value) > today)
    emit(
      locatedFinding('IID-05', at('tanggal', String(c.tanggal.parsed.value)), {
        params: withInovasi({ tanggal: String(c.tanggal.parsed.value) }),
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
