/**
 * The one palette of every workbook the tool writes (summary, feedback, templates): RGB hex, no
 * prefix. Each writer adds its own: SpreadsheetML and exceljs `FF` (ARGB), Office.js `#`.
 */
export const PALETTE = {
  /** Header rows of the summary and feedback; the template's identity labels: light blue. */
  header: 'DDEBF7',
  /** Siap, Ada, on time. */
  green: 'C6EFCE',
  /** Perlu Perbaikan, Belum Ada Inovasi. */
  amber: 'FFEB9C',
  /** Belum Mengirim; the template's tool-owned Status column. */
  grey: 'D9D9D9',
  /** Tidak Terbaca, Diganti, late. */
  red: 'FFC7CE',
  /** The template's header of a required column (dark blue, white text). */
  formHeader: '1F4E79',
  /** The template's header of an optional column. */
  formHeaderOptional: '5B9BD5',
  /** The template's Status header: a shade darker than its grey column, black text. */
  statusHeader: 'BFBFBF',
  /** The header of the add-in's validation `Temuan` sheet. */
  findingsHeader: 'D9E1F2',
  /** Thin cell borders of the template. */
  border: 'BFBFBF',
  /** Help and note texts. */
  helpText: '595959',
  /** The template version, which nobody types. */
  mutedText: '808080',
  white: 'FFFFFF',
  black: '000000',
} as const;

export type PaletteColour = keyof typeof PALETTE;

/** The fills a summary sheet module may give a cell (the streaming writer's fixed style table holds these). */
export type SummaryFill = 'header' | 'green' | 'amber' | 'grey' | 'red';

/** SpreadsheetML's and exceljs's ARGB (`FFDDEBF7`). */
export const argb = (colour: PaletteColour): string => `FF${PALETTE[colour]}`;
/** Office.js's CSS colour (`#DDEBF7`). */
export const cssColour = (colour: PaletteColour): string => `#${PALETTE[colour]}`;
