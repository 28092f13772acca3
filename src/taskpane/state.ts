/** The task pane's state as the controller publishes it: plain, immutable data the components read. */
import type { FileOffer } from '../addin/port';
import type { Lang } from '../engine/messages';
import type { FileValidation, SignoffCheck } from '../engine/validate';
import type { UiKey, UiParams } from './i18n';
import type { ReferenceInForce } from './references';

export type NoticeIntent = 'error' | 'warning' | 'success' | 'info';

/** A message bar: a catalogue key with its parameters, and details (e.g. a reference's problems). */
export interface Notice {
  readonly id: number;
  readonly intent: NoticeIntent;
  readonly key: UiKey;
  readonly params: UiParams;
  readonly details: readonly string[];
}

export type Phase = 'reading' | 'validating' | 'writing';

export interface Progress {
  /** 1-based number of the file being worked on. */
  readonly n: number;
  readonly total: number;
  readonly phase: Phase;
  /** While writing the summary: output sheets queued so far, of `sheets`. */
  readonly sheet?: number;
  readonly sheets?: number;
}

/** One row of the per-OPD result table (the `Rekap OPD` rows as the pane shows them). */
export interface ConsolidationRow {
  /** Kode OPD ('' for a workbook of an OPD not in the reference, an unreadable file, the total row). */
  readonly code: string;
  readonly opd: string;
  readonly file: string;
  /** An OPD row's `Siap`, `Perlu Perbaikan`, `Konflik`, `Berkas Tidak Dihitung`, `Belum Mengirim`; a file row's `Diganti`, `Tahun Lain`, …; the Total Kota row's `n dari m OPD mengirim`. */
  readonly status: string;
  /** Jumlah Inovasi (null where the sheet leaves it blank). */
  readonly innovations: number | null;
  readonly errors: number | null;
  readonly warnings: number | null;
  /** `Tingkat Persetujuan`: the reached level's label, `Dikembalikan`, `Berubah` or `Belum Distempel` (blank on the total row). */
  readonly stamp: string;
  /** The `Tepat Waktu <label>` columns (levels with a deadline): the level's label and the schedule word (`Terlambat 3 hari`). */
  readonly schedule: readonly { readonly level: string; readonly word: string }[];
  readonly total: boolean;
}

export interface ConsolidationOutcome {
  readonly rows: readonly ConsolidationRow[];
  /** How the consolidation year was chosen, in the pane's language (`Tahun konsolidasi 2026, …`). */
  readonly tahun: string;
  /** Sheets written into the open workbook, in output order; null when writing failed (the earlier output is unchanged). */
  readonly written: readonly string[] | null;
  /** User sheets that kept their name: the output went under a suffixed one. */
  readonly renamed: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

export interface ConsolidationState {
  readonly running: boolean;
  readonly progress: Progress | null;
  readonly outcome: ConsolidationOutcome | null;
}

/** A feedback workbook made in the pane, offered as a download (the object URL is the controller's to revoke). */
export interface FeedbackLink {
  /** `umpan-balik-<opd>-<tahun>.xlsx` */
  readonly fileName: string;
  /** Who it is for (the OPD's name, else its code, else the file it judged). */
  readonly opd: string;
  readonly url: string;
}

/** Feedback per OPD (issue 13): possible after a consolidation; progress per file while it runs. */
export interface FeedbackState {
  /** A consolidation's summary is kept: the button is offered. */
  readonly available: boolean;
  readonly running: boolean;
  readonly progress: { readonly n: number; readonly total: number; readonly file: string } | null;
  readonly files: readonly FeedbackLink[];
}

export interface Announcement {
  readonly key: UiKey;
  readonly params: UiParams;
  /** Grows with every announcement, so that repeating the same words is announced again. */
  readonly seq: number;
}

export interface PaneState {
  readonly lang: Lang;
  /** An operation on the workbook is running. */
  readonly busy: boolean;
  /** The last validation of the open workbook, with decisions made in this pane applied. */
  readonly validation: FileValidation | null;
  /** The workbook changed after the last validation. */
  readonly dirty: boolean;
  /**
   * The sign-off chain of the open workbook as last checked against its current content (at
   * start-up, on each validation, when the Audit tab is opened, after an edit, after a stamp);
   * null while unknown. `status`/`info` are the first level's (the version-1 stamp's meaning).
   */
  readonly stamp: SignoffCheck | null;
  readonly live: boolean;
  /** Does the workbook have an `Inovasi` sheet? null while unknown. */
  readonly hasInovasi: boolean | null;
  readonly reference: ReferenceInForce;
  /** The identity's Nama Penanggung Jawab (the stamp's default `oleh`). */
  readonly identityName: string | null;
  /** The identity's Jabatan (the first level's default `Jabatan`). */
  readonly identityJabatan: string | null;
  readonly notices: readonly Notice[];
  /** What the polite live region says (validation results and other outcomes), or null. */
  readonly announcement: Announcement | null;
  readonly consolidation: ConsolidationState;
  readonly feedback: FeedbackState;
  /**
   * How a file the pane makes reaches the user (issue 22): `download` (Excel on the web),
   * `newWorkbook` (Mac, iPad, Windows: opened as a new workbook), `none` (say what to do instead).
   */
  readonly fileOffer: FileOffer;
}

export interface StampAllowance {
  readonly allowed: boolean;
  readonly reason: UiKey;
  readonly params: UiParams;
}
