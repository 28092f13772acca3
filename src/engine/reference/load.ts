/**
 * Loading a reference (docs/spec/reference-data.md): the JSON form, the nomenclature CSV files, the
 * consistency checks both file forms share, and the reference id.
 *
 * Loading runs in two steps: the file form is read into a Reference (shape problems name the field
 * and row), then the same consistency checks run whatever the form; a `Locate` function turns an
 * entity's position into the part and row of the file it came from.
 */
import { parseCsvRecords } from '../csv';
import { canonicalJson } from '../canonicalJson';
import { sha256Hex } from '../hash';
import { RULE_BY_ID } from '../rules/registry';
import { normalise } from '../text';
import {
  EMBEDDED_NOMENKLATUR_BIDANG,
  EMBEDDED_NOMENKLATUR_PROGRAM,
  EMBEDDED_REFERENCE_JSON,
} from './data/embedded';
import { bidangResolver, canonicalBidangCode, canonicalProgramCode } from './index';
import type { Bilingual } from '../messages';
import { EntityWord, ValueKind, say } from './texts';
import { DraftIid, buildIid, draftIidFromJson } from '../iid/reference';
import {
  BidangUrusan,
  DEFAULT_PARAMETERS,
  DEFAULT_TINGKAT,
  DEFAULT_TINGKAT_WAJIB,
  DEFAULT_ZONA_WAKTU,
  Jadwal,
  MISI_SINGKAT_MAX,
  TingkatPersetujuan,
  Misi,
  Opd,
  Parameters,
  ProgramNomenklatur,
  ProgramRpjmd,
  Reference,
  ReferenceProblem,
  Sasaran,
  SeverityOverride,
  Tujuan,
} from './model';

export type ReferenceResult =
  | { readonly ok: true; readonly reference: Reference }
  | { readonly ok: false; readonly problems: ReferenceProblem[] };

export interface Nomenclature {
  readonly bidang: readonly BidangUrusan[];
  readonly program: readonly ProgramNomenklatur[];
}

/** The national nomenclature shipped with the tool. */
export const EMBEDDED_NOMENCLATURE: Nomenclature = {
  bidang: EMBEDDED_NOMENKLATUR_BIDANG,
  program: EMBEDDED_NOMENKLATUR_PROGRAM,
};

// ---------------------------------------------------------------------------------------------
// Places and messages (shared with workbook.ts)

export type { Bilingual } from '../messages';

/** Where something came from: the problem's part and row, and how a message names it. */
export interface Place {
  readonly part: string;
  readonly row: number | null;
  /** `Program baris 12` / `Program row 12`; `Lembar Program baris 12` for a workbook. */
  readonly label: Bilingual;
}

export type EntityKind = EntityWord;

/** The place of the `index`-th entity of a kind (0-based, in the Reference's order). */
export type Locate = (kind: EntityKind, index: number) => Place;

export function problemAt(place: Place, message: Bilingual, code?: string): ReferenceProblem {
  const label = code === undefined ? place.label : say((t, lang) => t.withCode(place.label[lang], code));
  return {
    part: place.part,
    row: place.row,
    message: { id: `${label.id}: ${message.id}`, en: `${label.en}: ${message.en}` },
  };
}

const entityLabel = (kind: EntityKind): Bilingual => say((t) => t.entity[kind]);

const JSON_PART: Record<EntityKind, string> = {
  misi: 'rpjmd.misi',
  tujuan: 'rpjmd.tujuan',
  sasaran: 'rpjmd.sasaran',
  program: 'rpjmd.program',
  opd: 'opd',
  bidang: 'nomenklatur.bidang',
  nomenklaturProgram: 'nomenklatur.program',
};

/** A 1-based data row of a JSON array, or a worksheet row. */
export function rowPlace(part: string, what: Bilingual, row: number): Place {
  return { part, row, label: say((t, lang) => t.row(what[lang], row)) };
}

const jsonLocate: Locate = (kind, index) => rowPlace(JSON_PART[kind], entityLabel(kind), index + 1);

const kindWord = (kind: ValueKind): Bilingual => say((t) => t.kind[kind]);

/** What a JSON value is, in words (`teks`, `a list`); another `typeof` as it is. */
function typeName(value: unknown): Bilingual {
  if (value === null) return kindWord('null');
  if (Array.isArray(value)) return kindWord('list');
  const type = typeof value;
  if (type === 'string') return kindWord('text');
  if (type === 'number' || type === 'boolean' || type === 'object') return kindWord(type);
  return { id: type, en: type };
}

// ---------------------------------------------------------------------------------------------
// Parameters (shared with workbook.ts)

/** One parameter as a file states it: `minWords`, `severity.STR-06`, … */
export interface ParameterInput {
  readonly name: string;
  readonly value: unknown;
  readonly place: Place;
}

const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'off'];
// Overrides are keyed by rule ids shaped `ABC-01`; after normalise(), `severity.STR-06` reads `severity str 06`.
const SEVERITY_NAME = /^severity ([a-z]{3}) (\d{2})$/;

type NumericParameter = 'minWords' | 'namaMin' | 'namaMax' | 'headerSearchRows';
const NUMERIC_PARAMETERS: readonly { key: NumericParameter; min: number }[] = [
  { key: 'minWords', min: 0 },
  { key: 'namaMin', min: 1 },
  { key: 'namaMax', min: 1 },
  { key: 'headerSearchRows', min: 1 },
];

/** DEFAULT_PARAMETERS with the file's parameters laid over them. */
export function buildParameters(inputs: readonly ParameterInput[]): {
  parameters: Parameters;
  problems: ReferenceProblem[];
} {
  const problems: ReferenceProblem[] = [];
  const numbers: Partial<Record<NumericParameter, number>> = {};
  const severity: Record<string, SeverityOverride> = { ...DEFAULT_PARAMETERS.severity };
  const seen = new Set<string>();
  let namaPlace: Place | null = null;

  let jenisRegulasi: string[] | undefined;
  for (const { name, value, place } of inputs) {
    const n = normalise(name);
    if (n === 'jenisregulasi' || n === 'jenis regulasi') {
      // SOP-02's regulation types: a JSON list of texts, or one `;`-separated text (the reference workbook).
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(';') : null;
      const items = list?.map((x) => (typeof x === 'string' ? x.trim() : null));
      if (jenisRegulasi !== undefined) {
        problems.push(
          problemAt(place, {
            id: `parameter «${name}» disebut dua kali`,
            en: `parameter «${name}» is given twice`,
          }),
        );
      } else if (!items || items.some((x) => x === null) || !items.some(Boolean)) {
        problems.push(
          problemAt(place, {
            id: `«${name}» harus daftar jenis regulasi (teks, dipisah «;» di buku kerja), mis. Perda; Perwako; Keputusan Camat`,
            en: `«${name}» must be a list of regulation types (texts, «;»-separated in the workbook), e.g. Perda; Perwako; Keputusan Camat`,
          }),
        );
      } else jenisRegulasi = (items as string[]).filter(Boolean);
      continue;
    }
    const numeric = NUMERIC_PARAMETERS.find((p) => normalise(p.key) === n);
    const severityMatch = SEVERITY_NAME.exec(n);
    const key = numeric
      ? numeric.key
      : severityMatch
        ? `${severityMatch[1].toUpperCase()}-${severityMatch[2]}`
        : null;
    if (key === null) {
      const message = n.startsWith('severity')
        ? say((t) => t.severityForm(name))
        : say((t) => t.unknownParameter(name));
      problems.push(problemAt(place, message));
      continue;
    }
    if (severityMatch && !RULE_BY_ID.has(key)) {
      // An override for a rule that does not exist would silently do nothing: a typo (`SOP-4O`) must be seen.
      problems.push(
        problemAt(
          place,
          say((t) => t.noSuchRule(key)),
        ),
      );
      continue;
    }
    if (seen.has(key)) {
      problems.push(
        problemAt(
          place,
          say((t) => t.parameterTwice(name)),
        ),
      );
      continue;
    }
    seen.add(key);
    if (numeric) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < numeric.min) {
        const got = typeof value === 'number' ? { id: String(value), en: String(value) } : typeName(value);
        problems.push(
          problemAt(
            place,
            say((t, lang) => t.wholeNumber(name, numeric.min, got[lang])),
          ),
        );
        continue;
      }
      numbers[numeric.key] = value;
      if (numeric.key === 'namaMin' || numeric.key === 'namaMax') namaPlace = place;
    } else {
      const level = typeof value === 'string' ? value.trim().toLowerCase() : value;
      if (typeof level !== 'string' || !(SEVERITIES as readonly string[]).includes(level)) {
        const got = typeof value === 'string' ? { id: `«${value}»`, en: `«${value}»` } : typeName(value);
        problems.push(
          problemAt(
            place,
            say((t, lang) => t.severityLevel(key, got[lang])),
          ),
        );
        continue;
      }
      severity[key] = level as SeverityOverride;
    }
  }

  const parameters: Parameters = {
    minWords: numbers.minWords ?? DEFAULT_PARAMETERS.minWords,
    namaMin: numbers.namaMin ?? DEFAULT_PARAMETERS.namaMin,
    namaMax: numbers.namaMax ?? DEFAULT_PARAMETERS.namaMax,
    headerSearchRows: numbers.headerSearchRows ?? DEFAULT_PARAMETERS.headerSearchRows,
    ...(jenisRegulasi ? { jenisRegulasi } : {}),
    severity: sortedRecord(severity),
  };
  if (parameters.namaMin > parameters.namaMax && namaPlace) {
    problems.push(
      problemAt(
        namaPlace,
        say((t) => t.namaMinMax(parameters.namaMin, parameters.namaMax)),
      ),
    );
  }
  return { parameters, problems };
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Building and checking (shared with workbook.ts)

/** A reference as read from a file, before codes are made canonical. */
export interface DraftReference {
  readonly nama: string;
  readonly daerah: { readonly nama: string; readonly kode: string };
  readonly periode: { readonly mulai: number; readonly akhir: number };
  readonly periodePlace: Place;
  readonly visi: string;
  readonly misi: readonly Misi[];
  readonly tujuan: readonly Tujuan[];
  readonly sasaran: readonly Sasaran[];
  readonly program: readonly ProgramRpjmd[];
  readonly opd: readonly Opd[];
  readonly nomenklatur: Nomenclature;
  readonly parameter: Parameters;
  readonly signoff: DraftSignoff;
  /** The `iid` section as read (docs/spec/iid.md); absent or null when the file has none. */
  readonly iid?: DraftIid | null;
}

/** The sign-off part of a reference as read from a file, with where each piece came from. */
export interface DraftSignoff {
  /** Null: not given (the default applies). */
  readonly zonaWaktu: string | null;
  readonly zonaPlace: Place;
  /** Null: not given (DEFAULT_TINGKAT applies). */
  readonly tingkat: readonly { readonly level: TingkatPersetujuan; readonly place: Place }[] | null;
  readonly tingkatPlace: Place;
  /** Null: not given (`kepalaOpd`). */
  readonly tingkatWajib: string | null;
  readonly wajibPlace: Place;
  /** Null: no schedule. */
  readonly jadwal: {
    readonly tahun: number;
    readonly tahunPlace: Place;
    readonly batas: readonly { readonly tingkat: string; readonly batas: string; readonly place: Place }[];
  } | null;
}

export const NO_SIGNOFF = (place: Place): DraftSignoff => ({
  zonaWaktu: null,
  zonaPlace: place,
  tingkat: null,
  tingkatPlace: place,
  tingkatWajib: null,
  wajibPlace: place,
  jadwal: null,
});

/**
 * Makes codes canonical (program `1.2.2` → `1.02.02`; an OPD's bidang by code, official or short
 * name → `1.02`; a program's OPD by code, name or alias → its code), then runs every consistency
 * check. Unresolvable values are kept as written, so the check names them.
 */
export function finishReference(draft: DraftReference, locate: Locate): ReferenceResult {
  const nomenklatur: Nomenclature = {
    bidang: draft.nomenklatur.bidang.map((b) => ({ ...b, kode: canonicalBidangCode(b.kode) ?? b.kode })),
    program: draft.nomenklatur.program.map((p) => ({ ...p, kode: canonicalProgramCode(p.kode) ?? p.kode })),
  };
  const resolveBidang = bidangResolver(nomenklatur.bidang);
  const opd = draft.opd.map((o) => ({ ...o, bidang: o.bidang.map((b) => resolveBidang(b) ?? b) }));
  const opdCode = opdResolver(opd);
  const program = draft.program.map((p) => ({
    ...p,
    kode: canonicalProgramCode(p.kode) ?? p.kode,
    opd: p.opd.map((o) => opdCode(o) ?? o),
  }));
  const iid = draft.iid ? buildIid(draft.iid) : null;
  const reference: Reference = {
    nama: draft.nama,
    daerah: {
      nama: draft.daerah.nama,
      kode: draft.daerah.kode,
      zonaWaktu: draft.signoff.zonaWaktu ?? DEFAULT_ZONA_WAKTU,
    },
    rpjmd: {
      periode: { mulai: draft.periode.mulai, akhir: draft.periode.akhir },
      visi: draft.visi,
      misi: draft.misi,
      tujuan: draft.tujuan,
      sasaran: draft.sasaran,
      program,
    },
    opd,
    nomenklatur,
    parameter: draft.parameter,
    ...buildSignoff(draft.signoff),
    ...(iid?.iid ? { iid: iid.iid } : {}),
  };
  const problems = [
    ...periodProblems(reference.rpjmd.periode, draft.periodePlace),
    ...checkConsistency(reference, locate),
    ...signoffProblems(draft.signoff),
    ...(iid?.problems ?? []),
  ];
  return problems.length ? { ok: false, problems } : { ok: true, reference };
}

function opdResolver(opd: readonly Opd[]): (text: string) => string | null {
  const byCode = new Map(opd.map((o) => [o.kode, o.kode]));
  const byName = new Map<string, string>();
  for (const o of opd) {
    for (const name of [o.kode, o.nama, ...o.alias]) {
      const n = normalise(name);
      if (n && !byName.has(n)) byName.set(n, o.kode);
    }
  }
  return (text) => byCode.get(text) ?? byName.get(normalise(text)) ?? null;
}

const MAX_PERIOD_YEARS = 10;

// ---------------------------------------------------------------------------------------------
// Sign-off levels, the required level, the schedule and the time zone (docs/spec/signoff.md)

export const MAX_TINGKAT = 5;
/** A level key: a letter, then letters, digits, `_` or `-` (`:` is reserved for `<level>:kembali`). */
const LEVEL_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Is `zone` an IANA time zone this JavaScript runtime knows? */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function buildSignoff(d: DraftSignoff): Pick<Reference, 'tingkatPersetujuan' | 'tingkatWajib' | 'jadwal'> {
  const levels = d.tingkat ? d.tingkat.map((t) => t.level) : DEFAULT_TINGKAT;
  if (!d.jadwal) return { tingkatPersetujuan: levels, tingkatWajib: d.tingkatWajib ?? DEFAULT_TINGKAT_WAJIB };
  // Deadlines in level order (unknown keys are reported by signoffProblems and never reach a reference).
  // Built with fromEntries: every key becomes an own property, even one named like Object.prototype's.
  const drafted = d.jadwal.batas;
  const batas: Record<string, string> = Object.fromEntries(
    levels.flatMap((l) => {
      const entry = drafted.find((b) => b.tingkat === l.kunci);
      return entry ? [[l.kunci, entry.batas] as const] : [];
    }),
  );
  const jadwal: Jadwal = { tahun: d.jadwal.tahun, batas };
  return { tingkatPersetujuan: levels, tingkatWajib: d.tingkatWajib ?? DEFAULT_TINGKAT_WAJIB, jadwal };
}

/** The sign-off checks of docs/spec/reference-data.md, each naming the row (or field) that is wrong. */
export function signoffProblems(d: DraftSignoff): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const push = (place: Place, message: Bilingual, code?: string) =>
    problems.push(problemAt(place, message, code));

  if (d.zonaWaktu !== null && !isTimeZone(d.zonaWaktu))
    push(
      d.zonaPlace,
      say((t) => t.unknownZone(d.zonaWaktu!)),
    );

  const levels = d.tingkat ?? DEFAULT_TINGKAT.map((level) => ({ level, place: d.tingkatPlace }));
  if (levels.length < 1 || levels.length > MAX_TINGKAT)
    push(
      d.tingkatPlace,
      say((t) => t.levelCount(MAX_TINGKAT, levels.length)),
    );
  const first = new Map<string, Place>();
  const labelsId = new Map<string, Place>();
  const labelsEn = new Map<string, Place>();
  for (const { level, place } of levels) {
    if (!LEVEL_KEY.test(level.kunci))
      push(
        place,
        say((t) => t.levelKeyForm),
        level.kunci,
      );
    const earlier = first.get(level.kunci);
    if (earlier)
      push(
        place,
        say((t, lang) => t.levelKeyUsed(earlier.label[lang])),
        level.kunci,
      );
    else first.set(level.kunci, place);
    // Labels name columns (`Tepat Waktu <label>`) and words of the summary: two levels must read differently.
    for (const [labels, text, which] of [
      [labelsId, level.label, 'label'],
      [labelsEn, level.labelEn, 'labelEn'],
    ] as const) {
      const key = normalise(text);
      const before = key ? labels.get(key) : undefined;
      if (before)
        push(
          place,
          say((t, lang) => t.levelLabelUsed(which, text, before.label[lang])),
          level.kunci,
        );
      else if (key) labels.set(key, place);
    }
  }
  const order = levels.map((l) => l.level.kunci);
  const known = order.join(', ');

  const wajib = d.tingkatWajib ?? DEFAULT_TINGKAT_WAJIB;
  if (!first.has(wajib))
    push(
      d.wajibPlace,
      say((t) => t.wajibUnknown(wajib, known)),
    );

  if (d.jadwal) {
    const { tahun, tahunPlace, batas } = d.jadwal;
    if (!Number.isInteger(tahun) || tahun < 2000 || tahun > 2100)
      push(
        tahunPlace,
        say((t) => t.scheduleYear(tahun)),
      );
    const seen = new Map<string, Place>();
    const dated: { index: number; batas: string; place: Place; tingkat: string }[] = [];
    for (const b of batas) {
      let ok = true;
      const earlier = seen.get(b.tingkat);
      if (earlier) {
        push(
          b.place,
          say((t, lang) => t.deadlineTwice(b.tingkat, earlier.label[lang])),
        );
        ok = false;
      } else seen.set(b.tingkat, b.place);
      const index = order.indexOf(b.tingkat);
      if (index < 0) {
        push(
          b.place,
          say((t) => t.levelUndefined(b.tingkat, known)),
        );
        ok = false;
      }
      if (!isIsoDay(b.batas)) {
        push(
          b.place,
          say((t) => t.deadlineNotDate(b.batas)),
        );
        ok = false;
      }
      if (ok) dated.push({ index, batas: b.batas, place: b.place, tingkat: b.tingkat });
    }
    dated.sort((a, b) => a.index - b.index);
    for (let i = 1; i < dated.length; i++) {
      const [prev, cur] = [dated[i - 1], dated[i]];
      if (cur.batas < prev.batas)
        push(
          cur.place,
          say((t) => t.deadlinesAscend(cur.batas, cur.tingkat, prev.batas, prev.tingkat)),
        );
    }
  }
  return problems;
}

function periodProblems(periode: { mulai: number; akhir: number }, place: Place): ReferenceProblem[] {
  const { mulai, akhir } = periode;
  if (mulai > akhir) {
    return [
      problemAt(
        place,
        say((t) => t.periodReversed(mulai, akhir)),
      ),
    ];
  }
  if (akhir - mulai + 1 > MAX_PERIOD_YEARS) {
    return [
      problemAt(
        place,
        say((t) => t.periodTooLong(mulai, akhir, MAX_PERIOD_YEARS)),
      ),
    ];
  }
  return [];
}

const BIDANG_CODE = /^\d+\.\d{2}$/;
const PROGRAM_CODE = /^\d+\.\d{2}\.\d{2}$/;

/** Every consistency check of docs/spec/reference-data.md, each problem placed by `locate`. */
export function checkConsistency(ref: Reference, locate: Locate): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const at = (kind: EntityKind, index: number, code: string, message: Bilingual) =>
    problems.push(problemAt(locate(kind, index), message, code));

  /** Flags the second and later occurrences of a code; returns the set of codes. */
  const uniqueCodes = (kind: EntityKind, items: readonly { kode: string }[]): Set<string> => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const earlier = first.get(item.kode);
      if (earlier === undefined) first.set(item.kode, i);
      else {
        const where = locate(kind, earlier);
        at(
          kind,
          i,
          item.kode,
          say((t, lang) => t.codeUsed(where.label[lang])),
        );
      }
    });
    return new Set(first.keys());
  };

  const bidangCodes = uniqueCodes('bidang', ref.nomenklatur.bidang);
  ref.nomenklatur.bidang.forEach((b, i) => {
    if (!BIDANG_CODE.test(b.kode))
      at(
        'bidang',
        i,
        b.kode,
        say((t) => t.notBidangCode),
      );
  });
  const nomenklaturPrograms = uniqueCodes('nomenklaturProgram', ref.nomenklatur.program);
  ref.nomenklatur.program.forEach((p, i) => {
    if (!PROGRAM_CODE.test(p.kode))
      at(
        'nomenklaturProgram',
        i,
        p.kode,
        say((t) => t.notProgramCode),
      );
  });

  const misi = uniqueCodes('misi', ref.rpjmd.misi);
  const tujuan = uniqueCodes('tujuan', ref.rpjmd.tujuan);
  const sasaran = uniqueCodes('sasaran', ref.rpjmd.sasaran);
  uniqueCodes('program', ref.rpjmd.program);
  const opd = uniqueCodes('opd', ref.opd);

  ref.rpjmd.misi.forEach((m, i) => {
    if (m.singkat !== undefined && m.singkat.length > MISI_SINGKAT_MAX)
      at(
        'misi',
        i,
        m.kode,
        say((t) => t.misiShortTooLong(m.singkat!.length, MISI_SINGKAT_MAX)),
      );
  });
  ref.rpjmd.tujuan.forEach((t, i) => {
    if (!misi.has(t.misi))
      at(
        'tujuan',
        i,
        t.kode,
        say((x) => x.doesNotExist('misi', t.misi)),
      );
  });
  ref.rpjmd.sasaran.forEach((s, i) => {
    if (!tujuan.has(s.tujuan))
      at(
        'sasaran',
        i,
        s.kode,
        say((t) => t.doesNotExist('tujuan', s.tujuan)),
      );
  });
  ref.rpjmd.program.forEach((p, i) => {
    if (!PROGRAM_CODE.test(p.kode))
      at(
        'program',
        i,
        p.kode,
        say((t) => t.notProgramCode),
      );
    else if (!nomenklaturPrograms.has(p.kode))
      at(
        'program',
        i,
        p.kode,
        say((t) => t.notInNomenclature),
      );
    for (const s of p.sasaran)
      if (!sasaran.has(s))
        at(
          'program',
          i,
          p.kode,
          say((t) => t.doesNotExist('sasaran', s)),
        );
    for (const o of p.opd)
      if (!opd.has(o))
        at(
          'program',
          i,
          p.kode,
          say((t) => t.responsibleOpdMissing(o)),
        );
  });

  // Names, aliases and codes of OPDs must tell OPDs apart after normalisation (findOpd relies on it).
  const owner = new Map<string, { index: number; text: string }>();
  ref.opd.forEach((o, i) => {
    for (const b of o.bidang)
      if (!bidangCodes.has(b))
        at(
          'opd',
          i,
          o.kode,
          say((t) => t.bidangNotInNomenclature(b)),
        );
    const ownKeys = new Set<string>();
    for (const text of [o.kode, o.nama, ...o.alias]) {
      const key = normalise(text);
      if (ownKeys.has(key)) continue; // one report per clash, even when code and alias read alike
      ownKeys.add(key);
      const earlier = owner.get(key);
      if (earlier === undefined) owner.set(key, { index: i, text });
      else if (earlier.index !== i) {
        const where = locate('opd', earlier.index);
        at(
          'opd',
          i,
          o.kode,
          say((t, lang) => t.opdNameClash(text, earlier.text, where.label[lang])),
        );
      }
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The JSON form

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads fields of one JSON object, collecting a problem per missing or wrong-typed field. */
class FieldReader {
  constructor(
    private readonly problems: ReferenceProblem[],
    private readonly place: Place,
    private readonly obj: Json,
    /** Prefix for field names in messages (`daerah.`). */
    private readonly path = '',
  ) {}

  private wrong(key: string, kind: ValueKind, value: unknown): void {
    const field = this.path + key;
    const got = typeName(value);
    const message =
      value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
        ? say((t) => t.required(field, t.kind[kind]))
        : say((t, lang) => t.mustBe(field, t.kind[kind], got[lang]));
    this.problems.push(problemAt(this.place, message));
  }

  text(key: string): string {
    const v = this.obj[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    this.wrong(key, 'text', v);
    return '';
  }

  optionalText(key: string): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v.trim() || undefined;
    this.wrong(key, 'text', v);
    return undefined;
  }

  year(key: string): number {
    const v = this.obj[key];
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    this.wrong(key, 'year', v);
    return 0;
  }

  /** A list of texts; empty entries dropped; `required` means at least one entry. */
  textList(key: string, required: boolean): string[] {
    const v = this.obj[key];
    if (v === undefined && !required) return [];
    if (!Array.isArray(v) || v.some((item) => typeof item !== 'string')) {
      this.wrong(key, 'textList', v);
      return [];
    }
    const items = (v as string[]).map((s) => s.trim()).filter((s) => s !== '');
    if (required && items.length === 0) {
      const field = this.path + key;
      this.problems.push(
        problemAt(
          this.place,
          say((t) => t.atLeastOneCode(field)),
        ),
      );
    }
    return items;
  }

  object(key: string, required: boolean): Json | undefined {
    const v = this.obj[key];
    // `null` is how JSON says "none": an optional object given as null is absent (`jadwal: null`).
    if ((v === undefined || v === null) && !required) return undefined;
    if (isObject(v)) return v;
    this.wrong(key, 'object', v);
    return undefined;
  }

  /** Each element of an array of objects, with its 1-based row. */
  rows(key: string, required: boolean, what: Bilingual, part: string): { row: Json; place: Place }[] {
    const v = this.obj[key];
    if (v === undefined && !required) return [];
    if (!Array.isArray(v)) {
      this.wrong(key, 'list', v);
      return [];
    }
    if (required && v.length === 0) {
      const field = this.path + key;
      this.problems.push(
        problemAt(
          this.place,
          say((t) => t.listEmpty(field)),
        ),
      );
    }
    const out: { row: Json; place: Place }[] = [];
    v.forEach((item, i) => {
      const place = rowPlace(part, what, i + 1);
      if (isObject(item)) out.push({ row: item, place });
      else {
        const got = typeName(item);
        this.problems.push(
          problemAt(
            place,
            say((t, lang) => t.mustBeObject(got[lang])),
          ),
        );
      }
    });
    return out;
  }
}

const REFERENCE_PLACE: Place = { part: 'referensi', row: null, label: say((t) => t.reference) };

/** Targets keyed by 4-digit year; numbers stay numbers, text is trimmed, empty entries dropped. */
function readTargets(
  value: unknown,
  place: Place,
  problems: ReferenceProblem[],
): Record<string, number | string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    const got = typeName(value);
    problems.push(
      problemAt(
        place,
        say((t, lang) => t.targetObject(got[lang])),
      ),
    );
    return undefined;
  }
  const out: Record<string, number | string> = {};
  for (const [year, v] of Object.entries(value)) {
    if (!/^\d{4}$/.test(year)) {
      problems.push(
        problemAt(
          place,
          say((t) => t.targetYear(year)),
        ),
      );
    } else if (typeof v === 'number' && Number.isFinite(v)) out[year] = v;
    else if (typeof v === 'string') {
      if (v.trim()) out[year] = v.trim();
    } else if (v !== null) {
      const got = typeName(v);
      problems.push(
        problemAt(
          place,
          say((t, lang) => t.targetValue(year, got[lang])),
        ),
      );
    }
  }
  return Object.keys(out).length ? sortedRecord(out) : undefined;
}

/** Program fields in model order; optional ones left out when empty, so both forms hash alike. */
export function makeProgram(
  kode: string,
  nama: string,
  sasaran: string[],
  opd: string[],
  indikator: string | undefined,
  satuan: string | undefined,
  target: Record<string, number | string> | undefined,
): ProgramRpjmd {
  return {
    kode,
    nama,
    sasaran,
    opd,
    ...(indikator ? { indikator } : {}),
    ...(satuan ? { satuan } : {}),
    ...(target && Object.keys(target).length ? { target } : {}),
  };
}

/** The short bidang name when a nomenclature gives none: the official name without its prefix. */
export function shortBidangName(nama: string): string {
  const short = nama.replace(/^\s*URUSAN\s+PEMERINTAHAN\s+BIDANG\s+/i, '').trim();
  return short || nama.trim();
}

function readJsonNomenclature(
  own: Json | undefined,
  fallback: Nomenclature,
  problems: ReferenceProblem[],
): Nomenclature {
  if (!own) return fallback;
  const reader = new FieldReader(problems, REFERENCE_PLACE, own, 'nomenklatur.');
  const bidang =
    own.bidang === undefined
      ? fallback.bidang
      : reader.rows('bidang', true, entityLabel('bidang'), JSON_PART.bidang).map(({ row, place }) => {
          const r = new FieldReader(problems, place, row);
          const nama = r.text('nama');
          return { kode: r.text('kode'), nama, singkat: r.optionalText('singkat') ?? shortBidangName(nama) };
        });
  const program =
    own.program === undefined
      ? fallback.program
      : reader
          .rows('program', true, entityLabel('nomenklaturProgram'), JSON_PART.nomenklaturProgram)
          .map(({ row, place }) => {
            const r = new FieldReader(problems, place, row);
            return { kode: r.text('kode'), nama: r.text('nama') };
          });
  return { bidang, program };
}

const TINGKAT_LABEL: Bilingual = say((t) => t.tingkat);

/** `daerah.zonaWaktu`, `tingkatPersetujuan`, `tingkatWajib` and `jadwal` of the JSON form. */
function readJsonSignoff(
  top: FieldReader,
  daerah: FieldReader,
  obj: Json,
  problems: ReferenceProblem[],
): DraftSignoff {
  const field = (name: string): Place => ({
    part: name,
    row: null,
    label: say((t) => t.referenceField(name)),
  });
  const zonaRaw = (obj.daerah as Json | undefined)?.zonaWaktu;
  // An empty zone is a mistake, not "the default": Jakarta's days would be counted without a word.
  const zonaWaktu =
    typeof zonaRaw === 'string' && zonaRaw.trim() === ''
      ? zonaRaw
      : (daerah.optionalText('zonaWaktu') ?? null);
  const tingkat =
    obj.tingkatPersetujuan === undefined
      ? null
      : top.rows('tingkatPersetujuan', true, TINGKAT_LABEL, 'tingkatPersetujuan').map(({ row, place }) => {
          const r = new FieldReader(problems, place, row);
          return {
            level: { kunci: r.text('kunci'), label: r.text('label'), labelEn: r.text('labelEn') },
            place,
          };
        });
  const tingkatWajib = top.optionalText('tingkatWajib') ?? null;
  let jadwal: DraftSignoff['jadwal'] = null;
  const jadwalObj = top.object('jadwal', false);
  if (jadwalObj) {
    const reader = new FieldReader(problems, field('jadwal'), jadwalObj, 'jadwal.');
    const tahun = reader.year('tahun');
    const batasObj = reader.object('batas', true) ?? {};
    const batas = Object.entries(batasObj).map(([tingkat, value], i) => {
      const label = say((t) => t.schedule(tingkat));
      const place = rowPlace('jadwal.batas', label, i + 1);
      const text = typeof value === 'string' ? value.trim() : '';
      if (typeof value !== 'string') {
        const got = typeName(value);
        problems.push(
          problemAt(
            place,
            say((t, lang) => t.deadlineText(got[lang])),
          ),
        );
      }
      return { tingkat, batas: text, place: { ...place, label } };
    });
    jadwal = { tahun, tahunPlace: field('jadwal.tahun'), batas };
  }
  return {
    zonaWaktu,
    zonaPlace: field('daerah.zonaWaktu'),
    tingkat,
    tingkatPlace: field('tingkatPersetujuan'),
    tingkatWajib,
    wajibPlace: field('tingkatWajib'),
    jadwal,
  };
}

/**
 * Reads and checks a reference in its JSON form. The nomenclature is the file's own `nomenklatur`
 * when it has one, else `nomenklatur`, else the embedded national one.
 */
export function parseReferenceJson(obj: unknown, nomenklatur?: Nomenclature): ReferenceResult {
  if (!isObject(obj)) {
    return {
      ok: false,
      problems: [
        problemAt(
          REFERENCE_PLACE,
          say((t, lang) => t.referenceObject(typeName(obj)[lang])),
        ),
      ],
    };
  }
  const problems: ReferenceProblem[] = [];
  const top = new FieldReader(problems, REFERENCE_PLACE, obj);
  const nama = top.text('nama');
  if (nama.includes('@'))
    problems.push(
      problemAt(
        REFERENCE_PLACE,
        say((t) => t.nameAt),
      ),
    );

  const daerahObj = top.object('daerah', true) ?? {};
  const daerahReader = new FieldReader(problems, REFERENCE_PLACE, daerahObj, 'daerah.');
  const daerah = { nama: daerahReader.text('nama'), kode: daerahReader.text('kode') };
  const signoff = readJsonSignoff(top, daerahReader, obj, problems);

  const rpjmdObj = top.object('rpjmd', true) ?? {};
  const rpjmd = new FieldReader(problems, REFERENCE_PLACE, rpjmdObj, 'rpjmd.');
  const periodeObj = rpjmd.object('periode', true) ?? {};
  const periodeReader = new FieldReader(problems, REFERENCE_PLACE, periodeObj, 'rpjmd.periode.');
  const periode = { mulai: periodeReader.year('mulai'), akhir: periodeReader.year('akhir') };
  const visi = rpjmd.text('visi');

  const misi = rpjmd.rows('misi', true, entityLabel('misi'), JSON_PART.misi).map(({ row, place }) => {
    const r = new FieldReader(problems, place, row);
    const singkat = r.optionalText('singkat');
    // Absent, not the default: a reference that names no short names keeps its id.
    return { kode: r.text('kode'), uraian: r.text('uraian'), ...(singkat !== undefined ? { singkat } : {}) };
  });
  const tujuan = rpjmd.rows('tujuan', true, entityLabel('tujuan'), JSON_PART.tujuan).map(({ row, place }) => {
    const r = new FieldReader(problems, place, row);
    return { kode: r.text('kode'), misi: r.text('misi'), uraian: r.text('uraian') };
  });
  const sasaran = rpjmd
    .rows('sasaran', true, entityLabel('sasaran'), JSON_PART.sasaran)
    .map(({ row, place }) => {
      const r = new FieldReader(problems, place, row);
      return { kode: r.text('kode'), tujuan: r.text('tujuan'), uraian: r.text('uraian') };
    });
  const program = rpjmd
    .rows('program', true, entityLabel('program'), JSON_PART.program)
    .map(({ row, place }) => {
      const r = new FieldReader(problems, place, row);
      return makeProgram(
        r.text('kode'),
        r.text('nama'),
        r.textList('sasaran', true),
        r.textList('opd', true),
        r.optionalText('indikator'),
        r.optionalText('satuan'),
        readTargets(row.target, place, problems),
      );
    });
  const opd = top.rows('opd', true, entityLabel('opd'), JSON_PART.opd).map(({ row, place }) => {
    const r = new FieldReader(problems, place, row);
    return {
      kode: r.text('kode'),
      nama: r.text('nama'),
      alias: r.textList('alias', false),
      bidang: r.textList('bidang', true),
    };
  });

  const parameterInputs: ParameterInput[] = [];
  const parameterObj = top.object('parameter', false);
  for (const [name, value] of Object.entries(parameterObj ?? {})) {
    const place: Place = { part: 'parameter', row: null, label: say((t) => t.parameter) };
    if (name === 'severity' && isObject(value)) {
      for (const [rule, level] of Object.entries(value))
        parameterInputs.push({ name: `severity.${rule}`, value: level, place });
    } else if (name === 'severity') {
      const got = typeName(value);
      problems.push(
        problemAt(
          place,
          say((t, lang) => t.severityObject(got[lang])),
        ),
      );
    } else parameterInputs.push({ name, value, place });
  }
  const { parameters, problems: parameterProblems } = buildParameters(parameterInputs);
  problems.push(...parameterProblems);

  const nomenclature = readJsonNomenclature(
    top.object('nomenklatur', false),
    nomenklatur ?? EMBEDDED_NOMENCLATURE,
    problems,
  );
  let iid: DraftIid | null = null;
  if (obj.iid !== undefined) {
    const draft = draftIidFromJson(obj.iid);
    if ('placeOf' in draft) iid = draft;
    else problems.push(draft);
  }
  if (problems.length) return { ok: false, problems };

  return finishReference(
    {
      nama,
      daerah,
      periode,
      periodePlace: { part: 'rpjmd.periode', row: null, label: say((t) => t.periode) },
      visi,
      misi,
      tujuan,
      sasaran,
      program,
      opd,
      nomenklatur: nomenclature,
      parameter: parameters,
      signoff,
      iid,
    },
    jsonLocate,
  );
}

/**
 * The JSON form of a reference (for `reference convert` and saving): the model's fields, with
 * `nomenklatur` only when it differs from the embedded national one.
 */
export function referenceToJson(ref: Reference): Record<string, unknown> {
  const { nomenklatur, ...rest } = ref;
  return isEmbeddedNomenclature(nomenklatur) ? { ...rest } : { ...rest, nomenklatur };
}

export function isEmbeddedNomenclature(nomenklatur: Nomenclature): boolean {
  return canonicalJson(nomenklatur) === embeddedNomenclatureJson();
}

let embeddedNomenclatureJsonCache: string | null = null;
function embeddedNomenclatureJson(): string {
  embeddedNomenclatureJsonCache ??= canonicalJson(EMBEDDED_NOMENCLATURE);
  return embeddedNomenclatureJsonCache;
}

// ---------------------------------------------------------------------------------------------
// Default reference and id

let defaultReferenceCache: Reference | null = null;

/** The embedded sample reference (checked on first use; a failure is a build error, not user data). */
export function defaultReference(): Reference {
  if (!defaultReferenceCache) {
    const result = parseReferenceJson(EMBEDDED_REFERENCE_JSON);
    if (!result.ok) {
      throw new Error(
        `The embedded reference is broken: ${result.problems.map((p) => p.message.en).join('; ')}`,
      );
    }
    defaultReferenceCache = result.reference;
  }
  return defaultReferenceCache;
}

/** `<nama>@<first 12 hex of SHA-256 of the canonical JSON of the whole reference>`. */
export function referenceId(ref: Reference): string {
  return `${ref.nama}@${sha256Hex(canonicalJson(ref)).slice(0, 12)}`;
}

// ---------------------------------------------------------------------------------------------
// Nomenclature CSV

export type NomenclatureCsvResult =
  | { readonly ok: true; readonly kind: 'bidang'; readonly rows: BidangUrusan[] }
  | { readonly ok: true; readonly kind: 'program'; readonly rows: ProgramNomenklatur[] }
  | { readonly ok: false; readonly problems: ReferenceProblem[] };

const CSV_HEADERS: Record<'kode' | 'nama' | 'singkat', readonly string[]> = {
  kode: ['kode', 'kode bidang', 'kode urusan', 'kode program'],
  nama: ['nama', 'uraian', 'nomenklatur', 'nama bidang', 'nama bidang urusan', 'nama program'],
  singkat: ['singkat', 'nama singkat'],
};

/**
 * One of the two nomenclature CSV forms: `kode,nama,singkat` (bidang) or `kode,nama` (program).
 * The kind is `kind` when given, else bidang when there is a `singkat` column, else told by the
 * first code (`1.02` bidang, `1.02.02` program). Excel's `;`-separated export is accepted too.
 */
export function parseNomenclatureCsv(text: string, kind?: 'bidang' | 'program'): NomenclatureCsvResult {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records = parseCsvRecords(text, delimiter);
  const csvPlace = (k: string, row: number | null): Place =>
    row === null
      ? { part: `nomenklatur.${k}`, row: null, label: say((t) => t.nomenclatureFile) }
      : rowPlace(
          `nomenklatur.${k}`,
          say((t) => t.nomenclature),
          row,
        );
  const fail = (message: Bilingual, row: number | null = null): NomenclatureCsvResult => ({
    ok: false,
    problems: [problemAt(csvPlace(kind ?? 'csv', row), message)],
  });
  if (records.length === 0) return fail(say((t) => t.fileEmpty));

  const header = records[0].fields.map((h) => normalise(h));
  const column = (name: keyof typeof CSV_HEADERS) => header.findIndex((h) => CSV_HEADERS[name].includes(h));
  const kodeCol = column('kode');
  const namaCol = column('nama');
  const singkatCol = column('singkat');
  if (kodeCol < 0 || namaCol < 0)
    return fail(
      say((t) => t.csvHeader),
      records[0].line,
    );

  const data = records.slice(1);
  const firstCode = data.length ? (data[0].fields[kodeCol] ?? '').trim() : '';
  const detected: 'bidang' | 'program' =
    kind ?? (singkatCol >= 0 || canonicalProgramCode(firstCode) === null ? 'bidang' : 'program');

  const problems: ReferenceProblem[] = [];
  const seen = new Map<string, number>();
  const bidang: BidangUrusan[] = [];
  const program: ProgramNomenklatur[] = [];
  for (const { fields, line } of data) {
    const place = csvPlace(detected, line);
    const raw = (fields[kodeCol] ?? '').trim();
    const nama = (fields[namaCol] ?? '').trim();
    const kode = (detected === 'bidang' ? canonicalBidangCode(raw) : canonicalProgramCode(raw)) ?? raw;
    const pattern = detected === 'bidang' ? BIDANG_CODE : PROGRAM_CODE;
    if (!pattern.test(kode)) {
      problems.push(
        problemAt(
          place,
          say((t) => t.notCode(raw, detected)),
        ),
      );
      continue;
    }
    if (!nama) {
      problems.push(
        problemAt(
          place,
          say((t) => t.nameEmpty),
          kode,
        ),
      );
      continue;
    }
    const earlier = seen.get(kode);
    if (earlier !== undefined) {
      problems.push(
        problemAt(
          place,
          say((t) => t.codeUsedOnRow(earlier)),
          kode,
        ),
      );
      continue;
    }
    seen.set(kode, line);
    if (detected === 'bidang') {
      const singkat = singkatCol >= 0 ? (fields[singkatCol] ?? '').trim() : '';
      bidang.push({ kode, nama, singkat: singkat || shortBidangName(nama) });
    } else program.push({ kode, nama });
  }
  if (problems.length) return { ok: false, problems };
  return detected === 'bidang'
    ? { ok: true, kind: 'bidang', rows: bidang }
    : { ok: true, kind: 'program', rows: program };
}
