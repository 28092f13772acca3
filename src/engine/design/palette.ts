/**
 * The one palette of every workbook the tool writes (summary, templates, feedback): RGB hex, no
 * prefix. Each writer adds its own: SpreadsheetML `FF` (ARGB, xlsxStream.ts), Office.js `#`.
 */
export const PALETTE = {
  /** Header rows: light blue. */
  header: 'DDEBF7',
  /** Siap, Ada, on time. */
  green: 'C6EFCE',
  /** Perlu Perbaikan, Belum Ada Inovasi. */
  amber: 'FFEB9C',
  /** Belum Mengirim; the template's tool-owned Status header. */
  grey: 'D9D9D9',
  /** Tidak Terbaca, Diganti, late. */
  red: 'FFC7CE',
} as const;

export type PaletteColour = keyof typeof PALETTE;

/** SpreadsheetML's ARGB (`FFDDEBF7`). */
export const argb = (colour: PaletteColour): string => `FF${PALETTE[colour]}`;
/** Office.js's CSS colour (`#DDEBF7`). */
export const cssColour = (colour: PaletteColour): string => `#${PALETTE[colour]}`;
