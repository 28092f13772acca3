/**
 * What the replication result shows (docs/spec/replication.md, "Where it shows"): the
 * `Katalog Replikasi` tables, the JSON report's `replikasi`, the `Ringkasan` lines, and per OPD
 * the feedback's two lists. Plain data; the sheet module and the writers lay them out.
 */
import type { SummaryCell, SummaryDate, SummaryRow, SummaryTable } from '../summary/model';
import { okValueOf } from '../parse';
import type { Lang } from '../messages';
import { ReferenceIndex } from '../reference/index';
import { Contact, contactOf } from '../contact';
import { opdOf } from './build';
import { Innovation, OpdCounts, Replication, ReplicationResult, Source, SourceKind } from './model';

export const KATALOG_COLUMNS = [
  'Kode OPD',
  'Perangkat Daerah',
  'Nama Inovasi',
  'Bidang Urusan',
  'Jenis',
  'Tanggal Penerapan',
  'Penerima Manfaat',
  'Tautan Data Dukung',
  'Direplikasi Oleh',
  'Jumlah Replikasi',
] as const;

/** The second block's title and columns: replications without a catalogue source. */
export const TANPA_SUMBER_TITLE = 'Replikasi tanpa sumber di katalog';
export const TANPA_SUMBER_COLUMNS = [
  'Perangkat Daerah',
  'Nama Inovasi',
  'Sumber Replikasi',
  'Keterangan',
] as const;

/** `Keterangan` words of the second block. */
export const KETERANGAN = {
  opd: 'OPD',
  sendiri: 'OPD Sendiri',
  luar: 'Luar Daerah',
  tidakDikenali: 'Tidak Dikenali',
  belumPenerapan: 'Belum Penerapan',
  bukanPelayananPublik: 'Bukan Pelayanan Publik',
} as const;

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

/** The OPDs that replicated an innovation (`; `-separated names, each once) and how many replications. */
/** A bidang urusan's name by code, looked up once per code (a province's catalogue repeats a few dozen codes). */
function bidangNames(index: ReferenceIndex): (code: string) => string {
  const names = new Map<string, string>();
  return (code) => {
    let name = names.get(code);
    if (name === undefined) names.set(code, (name = index.bidangByCode(code)?.nama ?? code));
    return name;
  };
}

/** A date cell per date text, shared by the rows with that date (a catalogue repeats few dates; cells are read, never changed). */
function dateCells(): (iso: string) => SummaryDate {
  const cells = new Map<string, SummaryDate>();
  return (iso) => {
    let cell = cells.get(iso);
    if (cell === undefined) cells.set(iso, (cell = Object.freeze({ date: iso })));
    return cell;
  };
}

function catalogueRow(
  inn: Innovation,
  result: ReplicationResult,
  bidang: (code: string) => string,
  date: (iso: string) => SummaryDate,
): SummaryCell[] {
  const urusan = okValueOf(inn.row, 'urusan');
  const tanggal = okValueOf(inn.row, 'tglPenerapan');
  const penerima = okValueOf(inn.row, 'penerimaManfaat');
  const tautan = okValueOf(inn.row, 'tautan');
  // Most catalogue innovations are replicated by nobody: no list to build for them.
  const linked = result.linkedTo.get(inn);
  return [
    inn.opd.kode,
    inn.opd.nama,
    inn.nama,
    urusan === null ? null : bidang(String(urusan)),
    okValueOf(inn.row, 'jenis'),
    tanggal === null ? null : date(String(tanggal)),
    typeof penerima === 'number' ? penerima : null,
    tautan === null ? null : String(tautan),
    linked ? unique(linked.map((r) => r.innovation.opd.nama)).join('; ') : null,
    linked ? linked.length : 0,
  ];
}

/** The second block's `Keterangan` of a replication, or null when it is linked to a catalogue innovation. */
export function keterangan(source: Source): string | null {
  switch (source.jenis) {
    case 'inovasi':
      if (source.innovation.inCatalogue) return null;
      return `${source.innovation.tahapan !== 'Penerapan' ? KETERANGAN.belumPenerapan : KETERANGAN.bukanPelayananPublik}: «${source.innovation.nama}» (${source.innovation.opd.nama})`;
    case 'opd':
      return `${KETERANGAN.opd}: ${source.opd.nama}`;
    case 'sendiri':
      return KETERANGAN.sendiri;
    case 'luar':
      return KETERANGAN.luar;
    case 'tidakDikenali':
      return source.saran
        ? `${KETERANGAN.tidakDikenali} (mungkin «${source.saran.nama}», ${source.saran.opd.nama})`
        : KETERANGAN.tidakDikenali;
  }
}

/** `Katalog Replikasi`: the catalogue rows, then the replications without a catalogue source. */
export function katalogTables(result: ReplicationResult): {
  katalog: SummaryTable;
  tanpaSumber: SummaryTable;
} {
  const bidang = bidangNames(ReferenceIndex.of(result.reference));
  const date = dateCells();
  const katalog: SummaryRow[] = result.catalogue.map((inn) => ({
    cells: catalogueRow(inn, result, bidang, date),
  }));
  const tanpaSumber: SummaryRow[] = [];
  for (const r of result.replications) {
    const k = keterangan(r.source);
    if (k !== null)
      tanpaSumber.push({ cells: [r.innovation.opd.nama, r.innovation.nama, r.sumber || null, k] });
  }
  return {
    katalog: { columns: KATALOG_COLUMNS, rows: katalog },
    tanpaSumber: { columns: TANPA_SUMBER_COLUMNS, rows: tanpaSumber },
  };
}

// ---------------------------------------------------------------------------------------------
// JSON report

export interface ReplikasiJson {
  katalog: { file: string; baris: number; nama: string; opd: string; direplikasiOleh: readonly string[] }[];
  replikasi: {
    file: string;
    baris: number;
    nama: string;
    opd: string;
    sumber: { jenis: SourceKind; nama?: string; opd?: string; saran?: string };
  }[];
}

/** An OPD in the JSON: its reference code, else its name as typed. */
const opdId = (inn: Innovation): string => inn.opd.kode ?? inn.opd.nama;

function sourceJson(s: Source): ReplikasiJson['replikasi'][number]['sumber'] {
  switch (s.jenis) {
    case 'inovasi':
      return { jenis: 'inovasi', nama: s.innovation.nama, opd: opdId(s.innovation) };
    case 'opd':
      return { jenis: 'opd', opd: s.opd.kode };
    case 'tidakDikenali':
      return s.saran ? { jenis: 'tidakDikenali', saran: s.saran.nama } : { jenis: 'tidakDikenali' };
    default:
      return { jenis: s.jenis };
  }
}

/** Most catalogue innovations are replicated by nobody: one shared empty list for them all. */
const NOBODY: readonly string[] = Object.freeze([]);

const replicatorsOf = (result: ReplicationResult, inn: Innovation): readonly string[] => {
  const linked = result.linkedTo.get(inn);
  return linked ? unique(linked.map((r) => opdId(r.innovation))) : NOBODY;
};

/** The consolidation report's `replikasi` (docs/spec/replication.md). */
export function replicationJson(result: ReplicationResult): ReplikasiJson {
  return {
    katalog: result.catalogue.map((inn) => ({
      file: inn.file,
      baris: inn.row.row,
      nama: inn.nama,
      opd: opdId(inn),
      direplikasiOleh: replicatorsOf(result, inn),
    })),
    replikasi: result.replications.map((r) => ({
      file: r.innovation.file,
      baris: r.innovation.row.row,
      nama: r.innovation.nama,
      opd: opdId(r.innovation),
      sumber: sourceJson(r.source),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Ringkasan

export interface SummaryLine {
  readonly label: string;
  readonly value: number;
  /** Names or words beside the figure (one cell), when the line has them. */
  readonly detail?: string;
}

const fileKeys = new WeakMap<ReplicationResult, ReadonlyMap<string, string>>();

/** The two `Rekap OPD` counts of a counting file's OPD (zero for a file that does not count). */
export function replicationCountsOf(result: ReplicationResult, file: string): OpdCounts {
  let keys = fileKeys.get(result);
  if (!keys) {
    keys = new Map(result.files.map((f, i) => [f.file, opdOf(f, i).key]));
    fileKeys.set(result, keys);
  }
  const key = keys.get(file);
  return (key !== undefined ? result.perOpd.get(key) : undefined) ?? { dilakukan: 0, direplikasi: 0 };
}

/**
 * What `Rekap OPD`'s `Total Kota` shows in the two replication columns: the sums over the OPDs with
 * a counting file (as every count of that row). A replication naming an OPD that sent nothing is
 * in `Katalog Replikasi` (`OPD: …`) but in no OPD's row.
 */
export function replicationTotals(result: ReplicationResult): { dilakukan: number; direplikasi: number } {
  let dilakukan = 0;
  let direplikasi = 0;
  const seen = new Set<string>();
  result.files.forEach((f, i) => {
    const key = opdOf(f, i).key;
    const c = result.perOpd.get(key);
    if (!c || seen.has(key)) return;
    seen.add(key);
    dilakukan += c.dilakukan;
    direplikasi += c.direplikasi;
  });
  return { dilakukan, direplikasi };
}

/** The replication figures of a consolidation: what `Ringkasan` and the Konsolidasi tab show. */
export interface ReplicationFigures {
  /** Catalogue size (`Katalog Replikasi`'s first block). */
  readonly katalog: number;
  /** Every replication (`Total Kota` of `Replikasi Dilakukan`). */
  readonly replikasi: number;
  /** Replications linked to another OPD of the city or its innovation (`Total Kota` of `Inovasinya Direplikasi`). */
  readonly dalamKota: number;
  readonly luarDaerah: number;
  readonly tidakDikenali: number;
  /** OPDs with a counting file and no replication, in `Rekap OPD` order. */
  readonly belumMereplikasi: readonly string[];
}

export function replicationFigures(result: ReplicationResult): ReplicationFigures {
  const totals = replicationTotals(result);
  const of = (jenis: SourceKind) => result.replications.filter((r) => r.source.jenis === jenis).length;
  return {
    katalog: result.catalogue.length,
    replikasi: totals.dilakukan,
    dalamKota: totals.direplikasi,
    luarDaerah: of('luar'),
    tidakDikenali: of('tidakDikenali'),
    belumMereplikasi: idleOpds(result),
  };
}

/** The words of the `Ringkasan` replication lines. */
const SUMMARY_WORDS = {
  id: {
    katalog: 'Katalog replikasi',
    katalogKet: 'inovasi pelayanan publik yang sudah diterapkan',
    replikasi: 'Replikasi',
    dalamKota: 'Replikasi di dalam kota (sumber OPD lain)',
    luarDaerah: 'Replikasi dari luar daerah',
    tidakDikenali: 'Replikasi dengan sumber tidak dikenali',
    belum: 'OPD belum mereplikasi',
  },
  en: {
    katalog: 'Replication catalogue',
    katalogKet: 'public-service innovations already implemented',
    replikasi: 'Replications',
    dalamKota: 'Replications inside the city (source: another agency)',
    luarDaerah: 'Replications from outside the region',
    tidakDikenali: 'Replications with an unrecognised source',
    belum: 'Agencies that replicated nothing',
  },
} as const;

/**
 * The `Ringkasan` replication lines (label, figure, names beside it): the catalogue size, the
 * replications (all, inside the city, from outside, unrecognised), and the OPDs with a counting
 * file that replicated nothing. Each figure equals one elsewhere: `Katalog Replikasi`'s rows and
 * `Total Kota`'s `Replikasi Dilakukan` / `Inovasinya Direplikasi`.
 */
export function replicationSummaryLines(
  result: ReplicationResult,
  nameOf: (nama: string) => string = (nama) => nama,
  lang: Lang = 'id',
): SummaryLine[] {
  const f = replicationFigures(result);
  const idle = f.belumMereplikasi.map(nameOf);
  const w = SUMMARY_WORDS[lang];
  return [
    { label: w.katalog, value: f.katalog, detail: w.katalogKet },
    { label: w.replikasi, value: f.replikasi },
    { label: w.dalamKota, value: f.dalamKota },
    { label: w.luarDaerah, value: f.luarDaerah },
    { label: w.tidakDikenali, value: f.tidakDikenali },
    {
      label: w.belum,
      value: idle.length,
      ...(idle.length ? { detail: idle.join(', ') } : {}),
    },
  ];
}

/** The OPDs with a counting file and no replication, in `Rekap OPD` order (names). */
export function idleOpds(result: ReplicationResult): string[] {
  const names = new Map<string, string>();
  result.files.forEach((f, i) => {
    const opd = opdOf(f, i);
    if ((result.perOpd.get(opd.key)?.dilakukan ?? 0) === 0 && !names.has(opd.key))
      names.set(opd.key, opd.nama);
  });
  return [...names.values()];
}

// ---------------------------------------------------------------------------------------------
// Feedback per OPD

export type { Contact };

export interface ReplicableInnovation {
  readonly innovation: Innovation;
  readonly tautan: string | null;
  readonly penerimaManfaat: number | null;
  /** In a bidang urusan of the OPD the list is for. */
  readonly ownBidang: boolean;
  /** From the source workbook's `Identitas`. */
  readonly contact: Contact;
}

/**
 * *Inovasi yang dapat direplikasi* for one OPD: up to `limit` catalogue innovations of other OPDs
 * that it has not replicated yet, those in one of its bidang urusan first, then by penerima
 * manfaat (most first; unknown last), then in catalogue order.
 */
export function replicableFor(
  result: ReplicationResult,
  opdKey: string,
  bidang: readonly string[],
  limit = 10,
): ReplicableInnovation[] {
  const taken = new Set<Innovation>();
  for (const r of result.replications)
    if (r.innovation.opd.key === opdKey && r.source.jenis === 'inovasi') taken.add(r.source.innovation);
  const own = new Set(bidang);
  const candidates = result.catalogue
    .map((inn, order) => {
      const urusan = okValueOf(inn.row, 'urusan');
      const penerima = okValueOf(inn.row, 'penerimaManfaat');
      const tautan = okValueOf(inn.row, 'tautan');
      return {
        order,
        item: {
          innovation: inn,
          tautan: tautan === null ? null : String(tautan),
          penerimaManfaat: typeof penerima === 'number' ? penerima : null,
          ownBidang: urusan !== null && own.has(String(urusan)),
          contact: contactOf(result.files[inn.fileIndex].validation),
        },
      };
    })
    .filter(({ item }) => item.innovation.opd.key !== opdKey && !taken.has(item.innovation));
  candidates.sort(
    (a, b) =>
      Number(b.item.ownBidang) - Number(a.item.ownBidang) ||
      (b.item.penerimaManfaat ?? -1) - (a.item.penerimaManfaat ?? -1) ||
      a.order - b.order,
  );
  return candidates.slice(0, limit).map((c) => c.item);
}

export interface ReplicatedInnovation {
  readonly innovation: Innovation;
  /** The replicating OPDs' names, each once, in replication order. */
  readonly by: readonly string[];
  readonly count: number;
}

/** Which of an OPD's innovations others replicated (linked by name), and the replications naming only the OPD. */
export function replicatedOf(
  result: ReplicationResult,
  opdKey: string,
): { innovations: ReplicatedInnovation[]; opdOnly: Replication[] } {
  const innovations: ReplicatedInnovation[] = [];
  for (const inn of result.innovations) {
    if (inn.opd.key !== opdKey) continue;
    const linked = result.linkedTo.get(inn);
    if (linked?.length)
      innovations.push({
        innovation: inn,
        by: unique(linked.map((r) => r.innovation.opd.nama)),
        count: linked.length,
      });
  }
  const opdOnly = result.replications.filter(
    (r) => r.source.jenis === 'opd' && `kode:${r.source.opd.kode}` === opdKey,
  );
  return { innovations, opdOnly };
}
