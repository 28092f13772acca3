/**
 * Why a file cannot be read, in words, one table per language (`XlsxTexts` lists every text, so a
 * text missing in either language fails to compile). describeCause (readXlsx.ts) puts them together.
 */
import type { Lang } from '../engine/messages';
import type { ReadFailureCause } from './failure';

/** The `detail` values of `notXlsx` (sniff.ts, readXlsx.ts's zipKind). */
export type FileKind = 'PDF' | 'CSV/teks' | 'HTML' | 'XML' | 'DOCX' | 'PPTX' | 'XLSB' | 'ODS' | 'ZIP';

export interface XlsxTexts {
  readonly cause: Readonly<Record<ReadFailureCause, string>>;
  readonly fileKind: Readonly<Record<FileKind, string>>;
  moreThan(count: string): string;
  technicalDetail(detail: string): string;
  /** Digit group separator (`5.000.000`, `5,000,000`); no Intl, whose data differs between hosts. */
  readonly digitGroup: string;
}

const id: XlsxTexts = {
  cause: {
    legacyXls: 'format Excel lama (.xls), bukan .xlsx; simpan ulang sebagai .xlsx',
    encrypted: 'berkas dilindungi kata sandi (terenkripsi)',
    notXlsx: 'bukan berkas Excel .xlsx',
    corrupt: 'berkas .xlsx rusak atau tidak lengkap',
    noWorksheet: 'buku kerja tidak berisi lembar kerja',
    tooLarge: 'berkas lebih besar dari batas ukuran',
    expandsTooLarge: 'isi berkas terlalu besar setelah diekstrak',
    tooManyCells: 'lembar kerja berisi terlalu banyak sel',
    empty: 'berkas kosong (0 bait)',
  },
  fileKind: {
    PDF: 'berkas PDF',
    'CSV/teks': 'CSV/teks',
    HTML: 'halaman HTML',
    XML: 'berkas XML',
    DOCX: 'dokumen Word .docx',
    PPTX: 'presentasi PowerPoint .pptx',
    XLSB: 'buku kerja biner .xlsb',
    ODS: 'lembar kerja OpenDocument .ods',
    ZIP: 'arsip zip biasa',
  },
  moreThan: (count) => `lebih dari ${count}`,
  technicalDetail: (detail) => `rincian teknis: ${detail}`,
  digitGroup: '.',
};

const en: XlsxTexts = {
  cause: {
    legacyXls: 'an old Excel format (.xls), not .xlsx; save it again as .xlsx',
    encrypted: 'the workbook is protected with a password (encrypted)',
    notXlsx: 'not an Excel .xlsx file',
    corrupt: 'the .xlsx file is damaged or incomplete',
    noWorksheet: 'the workbook contains no worksheet',
    tooLarge: 'the file is larger than the size limit',
    expandsTooLarge: 'the file expands to more data than allowed when unpacked',
    tooManyCells: 'the worksheets hold too many cells',
    empty: 'the file is empty (0 bytes)',
  },
  fileKind: {
    PDF: 'a PDF file',
    'CSV/teks': 'CSV/text',
    HTML: 'an HTML page',
    XML: 'an XML file',
    DOCX: 'a Word .docx document',
    PPTX: 'a PowerPoint .pptx presentation',
    XLSB: 'a binary .xlsb workbook',
    ODS: 'an OpenDocument .ods spreadsheet',
    ZIP: 'a plain zip archive',
  },
  moreThan: (count) => `more than ${count}`,
  technicalDetail: (detail) => `technical detail: ${detail}`,
  digitGroup: ',',
};

export const XLSX_TEXTS: Readonly<Record<Lang, XlsxTexts>> = { id, en };
