/**
 * `Katalog Replikasi` (docs/spec/replication.md, after `Urusan` in docs/spec/consolidation.md): the
 * running public-service innovations other OPDs may replicate, in `Rekap OPD` order then source
 * row, with who replicated each; then the block *Replikasi tanpa sumber di katalog* (replications
 * linked to an OPD only, outside, unrecognised, or to an innovation outside the catalogue).
 */
import { TANPA_SUMBER_TITLE, katalogTables } from '../../replication';
import type { SummaryTable } from '../model';
import type { SummarySheetDef } from '../sheet';

export const SHEET_KATALOG_REPLIKASI = 'Katalog Replikasi';

/** The second block's title, written as a header band of its own above the block's table. */
const titleBand: SummaryTable = { columns: [TANPA_SUMBER_TITLE], rows: [] };

export const katalogReplikasiSheet: SummarySheetDef = {
  name: SHEET_KATALOG_REPLIKASI,
  tables: ({ replikasi }) => {
    const { katalog, tanpaSumber } = katalogTables(replikasi);
    return [katalog, titleBand, tanpaSumber];
  },
  filterTable: 0,
  // Names, links and lists of OPDs are long: wrapped at a width that keeps the sheet one
  // landscape page wide at 70 % or more, rather than across pages.
  wrapWidth: 19,
};
