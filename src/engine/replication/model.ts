/** The replication model (docs/spec/replication.md): innovations of the counting files, sources, links. */
import type { Finding } from '../findings';
import type { SubmissionRow } from '../parse';
import type { Opd, Reference } from '../reference/model';
import type { FileValidation } from '../validate';

/**
 * A file that counts in the consolidation (docs/spec/consolidation.md, "which files count"), in
 * `Rekap OPD` order. Which files count is decided by the consolidation and handed in as it is.
 */
export interface CountingFile {
  readonly file: string;
  readonly validation: FileValidation;
}

/** The OPD of a counting file: the reference OPD, or (until such files stop counting) the name as typed. */
export interface OpdOf {
  /** Tells OPDs apart: `kode:<code>` for reference OPDs, `nama:<normalised>` otherwise, `berkas:<i>` when none is named. */
  readonly key: string;
  readonly kode: string | null;
  readonly nama: string;
  readonly opd: Opd | null;
}

export const TAHAPAN_PENERAPAN = 'Penerapan';
export const BENTUK_PELAYANAN_PUBLIK = 'Inovasi Pelayanan Publik';

/** One innovation row of a counting file. */
export interface Innovation {
  /** Index of its file among the counting files. */
  readonly fileIndex: number;
  readonly file: string;
  readonly row: SubmissionRow;
  /** Index of `row` in its table. */
  readonly rowIndex: number;
  /** The name as typed (trimmed). */
  readonly nama: string;
  /** The name's words (normalised) joined by single spaces; '' when the name is empty or fails FMT-06 (it is never matched then). */
  readonly phrase: string;
  readonly opd: OpdOf;
  /** `replikasi` Tidak. */
  readonly original: boolean;
  /** `replikasi` Ya. */
  readonly replication: boolean;
  readonly tahapan: string | null;
  readonly bentuk: string | null;
  /** Penerapan and Inovasi Pelayanan Publik, with a name. */
  readonly inCatalogue: boolean;
}

export type SourceKind = 'inovasi' | 'opd' | 'sendiri' | 'luar' | 'tidakDikenali';

export type Source =
  | { readonly jenis: 'inovasi'; readonly innovation: Innovation }
  | { readonly jenis: 'opd'; readonly opd: Opd }
  | { readonly jenis: 'sendiri' }
  | { readonly jenis: 'luar' }
  | { readonly jenis: 'tidakDikenali'; readonly saran: Innovation | null };

/** A counted row with `replikasi` Ya, and what its `sumberReplikasi` was matched to. */
export interface Replication {
  readonly innovation: Innovation;
  /** `sumberReplikasi` as typed (trimmed; '' when empty). */
  readonly sumber: string;
  readonly source: Source;
}

export interface OpdCounts {
  /** `Replikasi Dilakukan`: its replications. */
  dilakukan: number;
  /** `Inovasinya Direplikasi`: replications by other OPDs linked to its innovations or to it. */
  direplikasi: number;
}

export interface ReplicationResult {
  /** The reference the sources were matched against (its OPDs, its bidang names). */
  readonly reference: Reference;
  readonly files: readonly CountingFile[];
  /** Every innovation row of the counting files, in file order then row order. */
  readonly innovations: readonly Innovation[];
  /** The catalogue, in `Rekap OPD` order then source row. */
  readonly catalogue: readonly Innovation[];
  /** Every replication, in the same order. */
  readonly replications: readonly Replication[];
  /** Replications linked (step 1) to each innovation, in replication order. */
  readonly linkedTo: ReadonlyMap<Innovation, readonly Replication[]>;
  /** Counts per OPD key (`OpdOf.key`); an OPD with a counting file always has an entry. */
  readonly perOpd: ReadonlyMap<string, OpdCounts>;
  /** KON-10 findings, per index of the counting file they belong to. */
  readonly findings: ReadonlyMap<number, readonly Finding[]>;
}
