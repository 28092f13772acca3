/**
 * The city summary's sheets, in the order they are written (docs/spec/consolidation.md). Both
 * writers (src/node/summaryWriter.ts, src/addin/summary.ts) iterate this list and apply only what
 * each module declares (summary/sheet.ts `SummarySheetDef`): name, tables, autofilter, fills,
 * wrapping, chart, print setup.
 *
 * To add a sheet: write `sheets/<name>.ts` exporting a `SummarySheetDef` (its tables built from
 * `SummarySource`; `earlier` gives the tables of the sheets listed before it), and add it to this
 * list where it belongs. Nothing else changes: no writer, no consolidate.ts. (The add-in remembers
 * its sheets by name, so a new sheet anywhere in the list does not disturb existing workbooks.)
 */
import type { SummarySheetDef } from '../sheet';
import { daftarInovasiSheet } from './daftarInovasi';
import { infoKonsolidasiSheet } from './infoKonsolidasi';
import { kesiapanIidSheet } from './kesiapanIid';
import { katalogReplikasiSheet } from './katalogReplikasi';
import { programRpjmdSheet } from './programRpjmd';
import { ringkasanSheet } from './ringkasan';
import { rekapOpdSheet } from './rekapOpd';
import { temuanSheet } from './temuan';
import { tindakLanjutSheet } from './tindakLanjut';
import { urusanSheet } from './urusan';

export const SUMMARY_SHEETS: readonly SummarySheetDef[] = [
  ringkasanSheet,
  tindakLanjutSheet,
  rekapOpdSheet,
  daftarInovasiSheet,
  kesiapanIidSheet,
  programRpjmdSheet,
  urusanSheet,
  katalogReplikasiSheet,
  temuanSheet,
  infoKonsolidasiSheet,
];

/** Output sheet names in the order they are written (those whose `applies` says no are left out of a consolidation). */
export const SUMMARY_SHEET_NAMES: readonly string[] = SUMMARY_SHEETS.map((s) => s.name);
