/**
 * IID readiness in the Validasi tab (docs/spec/iid.md, "Add-in"): what each innovation's line
 * shows, and where a click on it goes — its `Data Dukung` rows, or a new row prefilled with the
 * innovation and its first missing indicator. Pure functions of the last validation.
 */
import { columnLetter } from '../engine/grid';
import { EVIDENCE_COLUMNS, EvidenceKey, SHEET_DATA_DUKUNG } from '../engine/iid/evidence';
import { Iid } from '../engine/iid/model';
import type { FileValidation } from '../engine/validate';

export interface ReadinessItem {
  /** Index of the innovation row in the validation. */
  readonly index: number;
  readonly nama: string;
  /** Percent, one decimal. */
  readonly kematangan: number;
  readonly kematanganTerverifikasi: number;
  readonly siap: boolean;
  /** Names of the missing indicators, `wajib` first. */
  readonly kurang: readonly string[];
  /** `Data Dukung` rows naming this innovation. */
  readonly rows: number;
}

export function readinessItems(v: FileValidation | null, iid: Iid | undefined): ReadinessItem[] {
  if (!v?.iid || !iid) return [];
  const names = new Map(iid.indikator.map((i) => [i.kode, i.nama]));
  return v.iid.inovasi.map((inv, index) => ({
    index,
    nama: inv.nama,
    kematangan: inv.kematangan,
    kematanganTerverifikasi: inv.kematanganTerverifikasi,
    siap: inv.siap,
    kurang: inv.kurang.map((k) => names.get(k) ?? k),
    rows: inv.buktiBaris.length,
  }));
}

/** Where a click goes: select existing rows, or append a prefilled row (creating the sheet with its header when missing). */
export type EvidenceTarget =
  | { readonly kind: 'select'; readonly sheet: string; readonly range: string }
  | {
      readonly kind: 'append';
      readonly sheet: string;
      /** The header to write first when the workbook has no `Data Dukung` sheet; null when it has one. */
      readonly header: readonly string[] | null;
      readonly row: number;
      /** Cells to fill (A1 column letters) and the range selected afterwards. */
      readonly cells: readonly { readonly column: string; readonly value: string }[];
      readonly range: string;
    };

export function evidenceTarget(v: FileValidation, index: number, iid: Iid): EvidenceTarget | null {
  const inv = v.iid?.inovasi[index];
  if (!inv) return null;
  const sheet = v.submission?.dataDukung ?? null;
  const columns = sheet && sheet.headerRow !== null ? sheet.columns : null;
  const positions = columns ? [...columns.values()] : EVIDENCE_COLUMNS.map((_, i) => i);
  const last = columnLetter(Math.max(...positions));
  // A sheet whose header was not found (IID-02): show it rather than write into it.
  if (sheet && !columns) return { kind: 'select', sheet: sheet.sheet, range: 'A1' };
  if (sheet && columns && inv.buktiBaris.length) {
    const first = inv.buktiBaris[0];
    const end = inv.buktiBaris[inv.buktiBaris.length - 1];
    return { kind: 'select', sheet: sheet.sheet, range: `A${first}:${last}${end}` };
  }
  const colOf = (key: EvidenceKey): number | undefined =>
    columns ? columns.get(key) : EVIDENCE_COLUMNS.findIndex((c) => c.key === key);
  const firstMissing = inv.kurang[0] ? iid.indikator.find((i) => i.kode === inv.kurang[0])?.nama : undefined;
  const row = columns ? Math.max(sheet!.headerRow!, ...sheet!.rows.map((r) => r.row)) + 1 : 2;
  const cells: { column: string; value: string }[] = [];
  const inovasiCol = colOf('inovasi');
  if (inovasiCol !== undefined) cells.push({ column: columnLetter(inovasiCol), value: inv.nama });
  const indikatorCol = colOf('indikator');
  if (indikatorCol !== undefined && firstMissing)
    cells.push({ column: columnLetter(indikatorCol), value: firstMissing });
  return {
    kind: 'append',
    sheet: sheet && columns ? sheet.sheet : SHEET_DATA_DUKUNG,
    header: sheet && columns ? null : EVIDENCE_COLUMNS.map((c) => c.label),
    row,
    cells,
    range: `A${row}:${last}${row}`,
  };
}
