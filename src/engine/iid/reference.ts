/**
 * Reading and checking the reference's `iid` section (docs/spec/iid.md, docs/spec/reference-data.md): both
 * file forms (JSON, and the reference workbook's `IID Indikator` sheet with its four `Parameter`
 * rows) hand over a draft of values as read, each with its place; one check builds the model or
 * names every bad row.
 */
import type { Place } from '../reference/load';
import type { ReferenceProblem } from '../reference/model';
import { normalise } from '../text';
import {
  DEFAULT_AMBANG_SIAP,
  DEFAULT_PEMBAGI,
  Iid,
  IidIndikator,
  MAX_INDIKATOR,
  TURUNAN_KEYS,
  TurunanKey,
} from './model';

/** One indicator as a file states it (values not yet checked). */
export interface DraftIndikator {
  readonly kode: unknown;
  readonly no: unknown;
  readonly nama: unknown;
  readonly bobot: unknown;
  readonly wajib: unknown;
  readonly tingkat: unknown;
  readonly bukti: unknown;
  readonly turunan: unknown;
  readonly place: Place;
}

/** The `iid` section as a file states it. */
export interface DraftIid {
  readonly tahun: unknown;
  readonly sumber: unknown;
  readonly pembagi: unknown;
  readonly ambangSiap: unknown;
  /** Where each top-level field came from (`tahun`, `sumber`, `pembagi`, `ambangSiap`, `indikator`). */
  readonly placeOf: (field: 'tahun' | 'sumber' | 'pembagi' | 'ambangSiap' | 'indikator') => Place;
  readonly indikator: readonly DraftIndikator[];
}

const KODE = /^[a-z][a-zA-Z0-9]*$/;

function problem(place: Place, id: string, en: string): ReferenceProblem {
  return {
    part: place.part,
    row: place.row,
    message: { id: `${place.label.id}: ${id}`, en: `${place.label.en}: ${en}` },
  };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const shown = (v: unknown): string =>
  v === undefined || v === null || v === ''
    ? '(kosong)'
    : typeof v === 'string'
      ? `«${v}»`
      : JSON.stringify(v);
const shownEn = (v: unknown): string =>
  v === undefined || v === null || v === ''
    ? '(empty)'
    : typeof v === 'string'
      ? `«${v}»`
      : JSON.stringify(v);

/** Checks the draft; the model when every check passes (problems name the field or the indicator row). */
export function buildIid(d: DraftIid): { iid: Iid | null; problems: ReferenceProblem[] } {
  const problems: ReferenceProblem[] = [];
  const push = (place: Place, id: string, en: string) => problems.push(problem(place, id, en));

  if (!isWhole(d.tahun) || d.tahun < 2000 || d.tahun > 2100)
    push(
      d.placeOf('tahun'),
      `tahun IID harus tahun 2000–2100, bukan ${shown(d.tahun)}`,
      `the IID year must be a year 2000–2100, not ${shownEn(d.tahun)}`,
    );
  if (!isText(d.sumber))
    push(
      d.placeOf('sumber'),
      'sumber IID wajib diisi (setiap skor perkiraan menyebutnya)',
      'the IID source is required (every estimated score names it)',
    );
  if (d.pembagi !== undefined && d.pembagi !== null && (!isWhole(d.pembagi) || d.pembagi < 1))
    push(
      d.placeOf('pembagi'),
      `pembagi IID harus bilangan bulat ≥ 1, bukan ${shown(d.pembagi)}`,
      `the IID divisor must be a whole number ≥ 1, not ${shownEn(d.pembagi)}`,
    );
  if (
    d.ambangSiap !== undefined &&
    d.ambangSiap !== null &&
    (!isWhole(d.ambangSiap) || d.ambangSiap < 1 || d.ambangSiap > 100)
  )
    push(
      d.placeOf('ambangSiap'),
      `ambang siap IID harus bilangan bulat 1–100 (persen), bukan ${shown(d.ambangSiap)}`,
      `the IID readiness threshold must be a whole number 1–100 (percent), not ${shownEn(d.ambangSiap)}`,
    );
  if (d.indikator.length < 1 || d.indikator.length > MAX_INDIKATOR)
    push(
      d.placeOf('indikator'),
      `indikator IID harus 1 sampai ${MAX_INDIKATOR}, bukan ${d.indikator.length}`,
      `there must be 1 to ${MAX_INDIKATOR} IID indicators, not ${d.indikator.length}`,
    );

  const firstKode = new Map<string, Place>();
  const firstNo = new Map<number, Place>();
  const firstNama = new Map<string, Place>();
  const indikator: IidIndikator[] = [];
  for (const i of d.indikator) {
    const before = problems.length;
    const at = (id: string, en: string) => push(i.place, id, en);
    if (!isText(i.kode) || !KODE.test(i.kode.trim()))
      at(
        `kode ${shown(i.kode)} harus huruf kecil di depan, lalu huruf atau angka (camelCase, mis. kemudahanProses)`,
        `kode ${shownEn(i.kode)} must start with a lower-case letter, then letters or digits (camelCase, e.g. kemudahanProses)`,
      );
    else {
      const earlier = firstKode.get(i.kode.trim());
      if (earlier)
        at(
          `kode «${i.kode.trim()}» sudah dipakai (${earlier.label.id})`,
          `kode «${i.kode.trim()}» already used (${earlier.label.en})`,
        );
      else firstKode.set(i.kode.trim(), i.place);
    }
    if (!isWhole(i.no) || i.no < 1)
      at(`no ${shown(i.no)} harus bilangan bulat ≥ 1`, `no ${shownEn(i.no)} must be a whole number ≥ 1`);
    else {
      const earlier = firstNo.get(i.no);
      if (earlier)
        at(`no ${i.no} sudah dipakai (${earlier.label.id})`, `no ${i.no} already used (${earlier.label.en})`);
      else firstNo.set(i.no, i.place);
    }
    if (!isText(i.nama)) at('nama indikator wajib diisi', 'the indicator name is required');
    else {
      const key = normalise(i.nama);
      const earlier = firstNama.get(key);
      if (earlier)
        at(
          `nama «${i.nama.trim()}» sudah dipakai (${earlier.label.id})`,
          `name «${i.nama.trim()}» already used (${earlier.label.en})`,
        );
      else firstNama.set(key, i.place);
    }
    if (!isWhole(i.bobot) || i.bobot < 1)
      at(
        `bobot ${shown(i.bobot)} harus bilangan bulat positif`,
        `bobot ${shownEn(i.bobot)} must be a positive whole number`,
      );
    const tingkat = Array.isArray(i.tingkat) ? i.tingkat : null;
    if (!tingkat || tingkat.length !== 3 || !tingkat.every(isText))
      at(
        'tingkat harus tepat 3 label (tingkat 1, 2, 3), masing-masing terisi',
        'tingkat must be exactly 3 labels (level 1, 2, 3), none empty',
      );
    if (i.wajib !== undefined && i.wajib !== null && typeof i.wajib !== 'boolean')
      at(
        `wajib harus Ya/Tidak (true/false), bukan ${shown(i.wajib)}`,
        `wajib must be Ya/Tidak (true/false), not ${shownEn(i.wajib)}`,
      );
    if (i.bukti !== undefined && i.bukti !== null && typeof i.bukti !== 'string')
      at('bukti harus teks', 'bukti must be text');
    const turunan = isText(i.turunan)
      ? i.turunan.trim()
      : i.turunan === undefined || i.turunan === null || i.turunan === ''
        ? null
        : i.turunan;
    if (turunan !== null && !(TURUNAN_KEYS as readonly unknown[]).includes(turunan))
      at(
        `turunan ${shown(turunan)} tidak dikenal (${TURUNAN_KEYS.join(', ')})`,
        `unknown turunan ${shownEn(turunan)} (${TURUNAN_KEYS.join(', ')})`,
      );
    if (problems.length > before) continue;
    const bukti = typeof i.bukti === 'string' ? i.bukti.trim() : '';
    indikator.push({
      kode: (i.kode as string).trim(),
      no: i.no as number,
      nama: (i.nama as string).trim(),
      bobot: i.bobot as number,
      ...(i.wajib === true ? { wajib: true as const } : {}),
      tingkat: (tingkat as string[]).map((t) => t.trim()) as unknown as [string, string, string],
      ...(bukti ? { bukti } : {}),
      ...(turunan !== null ? { turunan: turunan as TurunanKey } : {}),
    });
  }
  if (problems.length) return { iid: null, problems };
  return {
    iid: {
      tahun: d.tahun as number,
      sumber: (d.sumber as string).trim(),
      pembagi: (d.pembagi as number | undefined | null) ?? DEFAULT_PEMBAGI,
      ambangSiap: (d.ambangSiap as number | undefined | null) ?? DEFAULT_AMBANG_SIAP,
      indikator,
    },
    problems,
  };
}

/** The JSON form's `iid` object as a draft (places: `iid.tahun`, `iid.indikator` row n). */
export function draftIidFromJson(value: unknown): DraftIid | ReferenceProblem {
  const field = (name: string): Place => ({
    part: `iid.${name}`,
    row: null,
    label: { id: `Referensi «iid.${name}»`, en: `Reference «iid.${name}»` },
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return problem(
      { part: 'iid', row: null, label: { id: 'Referensi «iid»', en: 'Reference «iid»' } },
      'harus objek',
      'must be an object',
    );
  const o = value as Record<string, unknown>;
  const list = Array.isArray(o.indikator) ? o.indikator : [];
  const indikator = list.map((item, n): DraftIndikator => {
    const place: Place = {
      part: 'iid.indikator',
      row: n + 1,
      label: { id: `Indikator IID baris ${n + 1}`, en: `IID indicator row ${n + 1}` },
    };
    const r = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    return {
      kode: r.kode,
      no: r.no,
      nama: r.nama,
      bobot: r.bobot,
      wajib: r.wajib,
      tingkat: r.tingkat,
      bukti: r.bukti,
      turunan: r.turunan,
      place,
    };
  });
  return {
    tahun: o.tahun,
    sumber: o.sumber,
    pembagi: o.pembagi,
    ambangSiap: o.ambangSiap,
    placeOf: field,
    indikator,
  };
}
