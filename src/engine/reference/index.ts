/**
 * Lookups over one reference, built once and shared by the validation rules and the summary
 * sheets. Codes are compared in their canonical, zero-padded form (`1.02`, `1.02.02`); names after
 * `normalise()`.
 */
import { normalise } from '../text';
import {
  BidangUrusan,
  Misi,
  Opd,
  ProgramNomenklatur,
  ProgramRpjmd,
  Reference,
  Sasaran,
  Tujuan,
} from './model';

// A leading code ends where neither a digit nor `.digit` follows, so `1.02.02` is no bidang code
// and `1.02.02.1.01` (a kegiatan) is no program code.
const LEADING_BIDANG = /^\s*(\d+)\.(\d+)(?!\d|\.\d)/;
const LEADING_PROGRAM = /^\s*(\d+)\.(\d+)\.(\d+)(?!\d|\.\d)/;

const pad2 = (segment: string): string => segment.padStart(2, '0');

/** `1.2` → `1.02`; `1.02 - Kesehatan` → `1.02`; null when the text does not start with a bidang code. */
export function canonicalBidangCode(text: string): string | null {
  const m = LEADING_BIDANG.exec(text);
  return m ? `${m[1]}.${pad2(m[2])}` : null;
}

/** `1.2.2` → `1.02.02`; `1.02.02 - PROGRAM …` → `1.02.02`; null when there is no leading program code. */
export function canonicalProgramCode(text: string): string | null {
  // A sheet repeats a handful of program texts on every row: each is read once.
  let code = programCodes.get(text);
  if (code === undefined) {
    const m = LEADING_PROGRAM.exec(text);
    code = m ? `${m[1]}.${pad2(m[2])}.${pad2(m[3])}` : null;
    if (programCodes.size >= MEMO_LIMIT) programCodes.clear();
    programCodes.set(text, code);
  }
  return code;
}

/** Bound of the per-text memos: free text must not pile up. */
const MEMO_LIMIT = 10_000;
const programCodes = new Map<string, string | null>();

/** The bidang (`1.02`) a program code belongs to, or null when it is no program code. */
export function bidangOfProgram(programCode: string): string | null {
  const code = canonicalProgramCode(programCode);
  return code === null ? null : code.slice(0, code.lastIndexOf('.'));
}

/**
 * Looser key for bidang names: normalised, punctuation dropped, so "Koperasi Usaha Kecil dan
 * Menengah" finds "Koperasi, Usaha Kecil, dan Menengah".
 */
function nameKey(text: string): string {
  return normalise(text)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

const BIDANG_PREFIX = /^(urusan (pemerintahan )?)?(bidang )?/;

/**
 * Resolves what a user typed to a canonical bidang code of `bidang`: `1.02`, `1.2`,
 * `1.02 Kesehatan`, `1.02 - Kesehatan`, the official name or the short name, case-insensitive.
 * When the text starts with a code, the code decides and the words after it are not checked.
 */
export function bidangResolver(bidang: readonly BidangUrusan[]): (text: string) => string | null {
  const codes = new Set(bidang.map((b) => b.kode));
  const names = new Map<string, string>();
  for (const b of bidang) {
    for (const name of [b.nama, b.singkat]) {
      const key = nameKey(name);
      if (key && !names.has(key)) names.set(key, b.kode);
    }
  }
  return (text) => {
    const code = canonicalBidangCode(text);
    if (code !== null) return codes.has(code) ? code : null;
    const key = nameKey(text);
    if (!key) return null;
    // "Bidang Kesehatan", "Urusan Pemerintahan Bidang Kesehatan" (any case) → "Kesehatan".
    return names.get(key) ?? names.get(key.replace(BIDANG_PREFIX, '')) ?? null;
  };
}

/** A program of the RPJMD with the cascade above it, for the summary sheet `Program RPJMD`. */
export interface ProgramCascade {
  readonly program: ProgramRpjmd;
  readonly sasaran: readonly Sasaran[];
  readonly tujuan: readonly Tujuan[];
  readonly misi: readonly Misi[];
}

const cache = new WeakMap<Reference, ReferenceIndex>();

export class ReferenceIndex {
  /** The index of `ref`, built on first use and then shared. */
  static of(ref: Reference): ReferenceIndex {
    let index = cache.get(ref);
    if (!index) {
      index = new ReferenceIndex(ref);
      cache.set(ref, index);
    }
    return index;
  }

  readonly period: { readonly mulai: number; readonly akhir: number };

  private readonly opdByKey = new Map<string, Opd>();
  private readonly opdCodes = new Map<string, Opd>();
  private readonly bidangCodes = new Map<string, BidangUrusan>();
  private readonly resolveBidang: (text: string) => string | null;
  private readonly programs = new Map<string, ProgramRpjmd>();
  private readonly nomenklaturPrograms = new Map<string, ProgramNomenklatur>();
  private readonly misiCodes = new Map<string, Misi>();
  private readonly tujuanCodes = new Map<string, Tujuan>();
  private readonly sasaranCodes = new Map<string, Sasaran>();

  constructor(readonly reference: Reference) {
    this.period = reference.rpjmd.periode;
    for (const opd of reference.opd) {
      this.opdCodes.set(opd.kode, opd);
      // First one wins; a checked reference has no collisions anyway.
      for (const key of [opd.kode, opd.nama, ...opd.alias]) {
        const n = normalise(key);
        if (n && !this.opdByKey.has(n)) this.opdByKey.set(n, opd);
      }
    }
    for (const b of reference.nomenklatur.bidang) this.bidangCodes.set(b.kode, b);
    this.resolveBidang = bidangResolver(reference.nomenklatur.bidang);
    for (const p of reference.nomenklatur.program) this.nomenklaturPrograms.set(p.kode, p);
    for (const p of reference.rpjmd.program) this.programs.set(p.kode, p);
    for (const m of reference.rpjmd.misi) this.misiCodes.set(m.kode, m);
    for (const t of reference.rpjmd.tujuan) this.tujuanCodes.set(t.kode, t);
    for (const s of reference.rpjmd.sasaran) this.sasaranCodes.set(s.kode, s);
  }

  /** The OPD whose code, official name or an alias equals `text` after normalisation. */
  findOpd(text: string): Opd | null {
    const exact = this.opdCodes.get(text.trim());
    if (exact) return exact;
    const n = normalise(text);
    return n ? (this.opdByKey.get(n) ?? null) : null;
  }

  opdByCode(code: string): Opd | null {
    return this.opdCodes.get(code) ?? null;
  }

  /** Official OPD names in reference order (for hints and drop-down lists). */
  opdNames(): string[] {
    return this.reference.opd.map((o) => o.nama);
  }

  /** The nomenclature bidang with this code (`1.02`, `1.2`; words after the code ignored), or null. */
  bidangByCode(code: string): BidangUrusan | null {
    const canonical = canonicalBidangCode(code);
    return canonical === null ? null : (this.bidangCodes.get(canonical) ?? null);
  }

  /**
   * The canonical bidang code for what a user typed: `1.02`, `1.2`, `1.02 Kesehatan`,
   * `1.02 - Kesehatan`, the official name or the short name, case-insensitive; null otherwise.
   * When the text starts with a code, the code decides and the words after it are not checked.
   */
  findBidang(text: string): string | null {
    let code = this.bidangOfText.get(text);
    if (code === undefined) {
      code = this.resolveBidang(text);
      if (this.bidangOfText.size >= MEMO_LIMIT) this.bidangOfText.clear();
      this.bidangOfText.set(text, code);
    }
    return code;
  }

  /** `findBidang` of each text met so far: a sheet repeats a few urusan texts on every row. */
  private readonly bidangOfText = new Map<string, string | null>();

  /** Nomenclature bidang in nomenclature order. */
  bidangList(): readonly BidangUrusan[] {
    return this.reference.nomenklatur.bidang;
  }

  /** The RPJMD program with this code (any form `canonicalProgramCode` accepts), or null. */
  rpjmdProgram(code: string): ProgramRpjmd | null {
    const known = this.programs.get(code); // the parser's values are canonical already
    if (known) return known;
    const canonical = canonicalProgramCode(code);
    return canonical === null ? null : (this.programs.get(canonical) ?? null);
  }

  /** RPJMD program codes in reference order. */
  programCodes(): string[] {
    return this.reference.rpjmd.program.map((p) => p.kode);
  }

  /** The national nomenclature's program with this code, or null. */
  nomenklaturProgram(code: string): ProgramNomenklatur | null {
    const canonical = canonicalProgramCode(code);
    return canonical === null ? null : (this.nomenklaturPrograms.get(canonical) ?? null);
  }

  misiByCode(code: string): Misi | null {
    return this.misiCodes.get(code) ?? null;
  }

  tujuanByCode(code: string): Tujuan | null {
    return this.tujuanCodes.get(code) ?? null;
  }

  sasaranByCode(code: string): Sasaran | null {
    return this.sasaranCodes.get(code) ?? null;
  }

  /** A program's sasaran, their tujuan and misi (each once, in the program's order). */
  cascade(program: ProgramRpjmd): ProgramCascade {
    const sasaran = unique(program.sasaran.map((c) => this.sasaranByCode(c)));
    const tujuan = unique(sasaran.map((s) => this.tujuanByCode(s.tujuan)));
    const misi = unique(tujuan.map((t) => this.misiByCode(t.misi)));
    return { program, sasaran, tujuan, misi };
  }

  /** Is `year` inside the RPJMD period? */
  inPeriod(year: number): boolean {
    return year >= this.period.mulai && year <= this.period.akhir;
  }

  /** `2025–2029`, as messages print the period. */
  periodText(): string {
    return `${this.period.mulai}–${this.period.akhir}`;
  }
}

function unique<T>(items: readonly (T | null)[]): T[] {
  const out: T[] = [];
  for (const item of items) if (item !== null && !out.includes(item)) out.push(item);
  return out;
}

/** The index of `ref` (cached per reference object). */
export function referenceIndex(ref: Reference): ReferenceIndex {
  return ReferenceIndex.of(ref);
}
