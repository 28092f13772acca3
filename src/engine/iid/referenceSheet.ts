/**
 * The reference workbook's form of the `iid` section (docs/spec/reference-data.md, "File forms" 2): the
 * `IID Indikator` sheet (No, Kode, Nama, Bobot, Wajib, Tingkat 1–3, Bukti, Turunan) and four
 * `Parameter` rows. Read into the same draft as the JSON form, so one check judges both.
 */
import { CellValue, isDateCell } from '../grid';
import type { Place } from '../reference/load';
import { normalise } from '../text';
import { Iid } from './model';
import { DraftIid, DraftIndikator } from './reference';

export type IidParameterKey = 'tahun' | 'sumber' | 'pembagi' | 'ambangSiap';

/** The `Parameter` rows' labels, as written and read. */
export const IID_PARAMETERS: Readonly<Record<IidParameterKey, string>> = {
  tahun: 'Tahun IID',
  sumber: 'Sumber IID',
  pembagi: 'Pembagi IID',
  ambangSiap: 'Ambang Siap IID',
};

const BY_LABEL = new Map(
  Object.entries(IID_PARAMETERS).map(([key, label]) => [normalise(label), key as IidParameterKey]),
);

/** The IID key of a `Parameter` row's name, or null when it is not one of the four. */
export function iidParameterKey(name: string): IidParameterKey | null {
  return BY_LABEL.get(normalise(name)) ?? null;
}

/** What the sheet reader gives per data row. */
export interface IidSheetRow {
  readonly place: Place;
  cell(key: string): CellValue;
}

/** A cell as a draft value: numbers stay numbers, whole-number text becomes a number, text is trimmed, blank is undefined. */
function value(v: CellValue, numeric: boolean): unknown {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
  if (typeof v === 'string') return numeric && /^\s*\d+\s*$/.test(v) ? Number(v.trim()) : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return isDateCell(v) ? `(tanggal)` : `(${v.code})`;
}

const YES = new Set(['ya', 'yes', 'true', 'wajib']);
const NO = new Set(['tidak', 'no', 'false', '']);

function wajib(v: CellValue): unknown {
  if (typeof v === 'boolean') return v;
  const t = normalise(v === null ? '' : String(value(v, false) ?? ''));
  return YES.has(t) ? true : NO.has(t) ? false : String(value(v, false));
}

export function draftIidFromSheet(
  rows: readonly IidSheetRow[],
  parameters: ReadonlyMap<IidParameterKey, { value: CellValue; place: Place }>,
  sheetPlace: Place,
): DraftIid {
  const param = (k: IidParameterKey, numeric: boolean) => {
    const p = parameters.get(k);
    return p ? value(p.value, numeric) : undefined;
  };
  const indikator = rows.map((r): DraftIndikator => ({
    kode: value(r.cell('kode'), false),
    no: value(r.cell('no'), true),
    nama: value(r.cell('nama'), false),
    bobot: value(r.cell('bobot'), true),
    wajib: wajib(r.cell('wajib')),
    tingkat: [
      value(r.cell('tingkat1'), false),
      value(r.cell('tingkat2'), false),
      value(r.cell('tingkat3'), false),
    ].map((t) => (t === undefined ? '' : String(t))),
    bukti: value(r.cell('bukti'), false),
    turunan: value(r.cell('turunan'), false),
    place: r.place,
  }));
  return {
    tahun: param('tahun', true),
    sumber: param('sumber', false),
    pembagi: param('pembagi', true),
    ambangSiap: param('ambangSiap', true),
    placeOf: (field) =>
      field === 'indikator'
        ? sheetPlace
        : (parameters.get(field)?.place ?? {
            ...sheetPlace,
            label: { id: `Parameter «${IID_PARAMETERS[field]}»`, en: `Parameter «${IID_PARAMETERS[field]}»` },
          }),
    indikator,
  };
}

/** The four `Parameter` rows of a reference with `iid`. */
export function iidParameterRows(iid: Iid): (string | number)[][] {
  return [
    [IID_PARAMETERS.tahun, iid.tahun],
    [IID_PARAMETERS.sumber, iid.sumber],
    [IID_PARAMETERS.pembagi, iid.pembagi],
    [IID_PARAMETERS.ambangSiap, iid.ambangSiap],
  ];
}

/** An indicator as a person reads it: no, key, name, weight, wajib, the three levels, the evidence (the template's `Petunjuk IID` shows these). */
export function indicatorCells(i: Iid['indikator'][number]): (string | number | null)[] {
  return [i.no, i.kode, i.nama, i.bobot, i.wajib ? 'Ya' : 'Tidak', ...i.tingkat, i.bukti ?? null];
}

/** The `IID Indikator` data rows, in the columns' order: the indicator, then its derivation. */
export function iidSheetRows(iid: Iid): (string | number | null)[][] {
  return iid.indikator.map((i) => [...indicatorCells(i), i.turunan ?? null]);
}
