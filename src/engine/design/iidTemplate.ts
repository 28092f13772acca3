/**
 * The submission form's IID part (docs/spec/iid.md, "Template"), one design for both writers: a
 * `Data Dukung` sheet (its columns, widths, formats, drop-downs — Nama Inovasi from the `Inovasi`
 * names, Indikator from the `Petunjuk IID` list, Status Verifikasi inline) and a `Petunjuk IID`
 * sheet listing every indicator with its weight, levels and evidence. Only when the reference has
 * `iid`. Each writer (src/node/template.ts, src/addin/template.ts) translates this into its terms.
 */
import { columnLetter } from '../grid';
import { EVIDENCE_COLUMNS, EvidenceKey, SHEET_DATA_DUKUNG, VERIFIKASI } from '../iid/evidence';
import { Iid, maxScore } from '../iid/model';
import { indicatorCells } from '../iid/referenceSheet';
import { COLUMNS } from '../schema';
import { NUMBER_FORMATS } from './formats';
import { DATE_BOUNDS, FormValidation, TEMPLATE_ROWS } from './template';

export const SHEET_PETUNJUK_IID = 'Petunjuk IID';
/** Pre-formatted evidence rows (20 indicators for a few innovations; more rows extend the lists as typed). */
export const EVIDENCE_ROWS = 500;

const EVIDENCE_WIDTHS: Readonly<Record<EvidenceKey, number>> = {
  no: 6,
  inovasi: 40,
  indikator: 34,
  tingkat: 10,
  nomor: 28,
  tanggal: 14,
  tentang: 40,
  tautan: 44,
  catatanOpd: 30,
  verifikasi: 18,
  catatanVerifikator: 40,
};

/** The verifier's two columns: a header of their own colour, so the OPD sees they are not theirs to fill. */
export const VERIFIER_COLUMNS: ReadonlySet<EvidenceKey> = new Set<EvidenceKey>([
  'verifikasi',
  'catatanVerifikator',
]);

export interface EvidenceColumnDesign {
  readonly key: EvidenceKey;
  readonly label: string;
  readonly width: number;
  readonly format: string;
  readonly validation: FormValidation;
}

/** A list validation whose source is a range (`'Inovasi'!$B$2:$B$201`), written as such by each writer. */
export interface RangeRule {
  readonly kind: 'range';
  readonly formula: string;
}

export interface EvidenceValidation extends Omit<FormValidation, 'rule'> {
  readonly rule: FormValidation['rule'] | RangeRule;
}

export interface IidTemplateDesign {
  readonly dataDukung: {
    readonly name: string;
    readonly rows: number;
    readonly columns: readonly (Omit<EvidenceColumnDesign, 'validation'> & {
      readonly validation: EvidenceValidation;
    })[];
  };
  readonly petunjuk: {
    readonly name: string;
    /** Rows from row 1 (notes, then the header at `headerRow`, then one row per indicator). */
    readonly rows: readonly (readonly (string | number | null)[])[];
    /** 1-based header row of the indicator table. */
    readonly headerRow: number;
    readonly widths: readonly number[];
  };
}

export const PETUNJUK_COLUMNS = [
  'No',
  'Kode',
  'Indikator',
  'Bobot',
  'Wajib',
  'Tingkat 1',
  'Tingkat 2',
  'Tingkat 3',
  'Bukti yang Diperlukan',
] as const;

/** The design, or null when the reference has no `iid` (then no IID sheet is written). */
export function iidTemplateDesign(iid: Iid | undefined): IidTemplateDesign | null {
  if (!iid) return null;
  const notes: (string | number | null)[][] = [
    [`Petunjuk IID ${iid.tahun}: indikator satuan inovasi, bobot, tingkat dan bukti dukung.`],
    [`Sumber: ${iid.sumber}`],
    [
      `Skor sebuah indikator = bobot × tingkat; nilai tertinggi per inovasi ${maxScore(iid)}. Skor yang ditampilkan alat ini adalah perkiraan; penilaian resmi oleh Kemendagri.`,
    ],
    [
      'Isi satu baris per dokumen bukti di lembar Data Dukung: Nama Inovasi, Indikator, Tingkat, dan Tautan Bukti atau Nomor Dokumen.',
    ],
    [],
  ];
  const headerRow = notes.length + 1;
  const table = iid.indikator.map(indicatorCells);
  const nameColumn = columnLetter(PETUNJUK_COLUMNS.indexOf('Indikator'));
  const indicatorRange = `'${SHEET_PETUNJUK_IID}'!$${nameColumn}$${headerRow + 1}:$${nameColumn}$${headerRow + iid.indikator.length}`;
  const namaColumn = columnLetter(COLUMNS.findIndex((c) => c.key === 'nama'));
  const innovationRange = `'Inovasi'!$${namaColumn}$2:$${namaColumn}$${TEMPLATE_ROWS + 1}`;
  const rule = (key: EvidenceKey): Pick<EvidenceValidation, 'rule' | 'alert'> => {
    switch (key) {
      case 'inovasi':
        return {
          rule: { kind: 'range', formula: innovationRange },
          alert: { style: 'warning', message: 'Pilih nama inovasi dari lembar Inovasi (atau ketik No-nya).' },
        };
      case 'indikator':
        return {
          rule: { kind: 'range', formula: indicatorRange },
          alert: { style: 'warning', message: 'Pilih indikator dari daftar (lihat lembar Petunjuk IID).' },
        };
      case 'tingkat':
        // A level label is accepted too: warn, do not refuse.
        return {
          rule: { kind: 'whole', operator: 'between', min: 1, max: 3 },
          alert: { style: 'warning', message: 'Isi tingkat 1, 2 atau 3 (lihat lembar Petunjuk IID).' },
        };
      case 'tanggal':
        return {
          rule: { kind: 'date', min: DATE_BOUNDS.min, max: DATE_BOUNDS.max },
          alert: { style: 'warning', message: 'Isi tanggal dokumen dengan format HH/BB/TTTT.' },
        };
      case 'verifikasi':
        return {
          rule: { kind: 'list', values: [...VERIFIKASI] },
          alert: { style: 'stop', message: `Pilih salah satu: ${VERIFIKASI.join(', ')}.` },
        };
      default:
        return { rule: null, alert: null };
    }
  };
  return {
    dataDukung: {
      name: SHEET_DATA_DUKUNG,
      rows: EVIDENCE_ROWS,
      columns: EVIDENCE_COLUMNS.map((c) => ({
        key: c.key,
        label: c.label,
        width: EVIDENCE_WIDTHS[c.key],
        format:
          c.key === 'tanggal'
            ? NUMBER_FORMATS.date
            : c.key === 'no' || c.key === 'tingkat'
              ? NUMBER_FORMATS.general
              : NUMBER_FORMATS.text,
        validation: { title: c.label, prompt: c.help, ...rule(c.key) },
      })),
    },
    petunjuk: {
      name: SHEET_PETUNJUK_IID,
      rows: [...notes, [...PETUNJUK_COLUMNS], ...table],
      headerRow,
      widths: [6, 18, 36, 8, 8, 30, 30, 30, 50],
    },
  };
}
