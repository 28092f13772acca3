/**
 * The Validasi tab's controller: one validation at a time (the button, or live validation asking
 * again), the flags and the run's `Riwayat` events written, the result announced; clearing the
 * flags, creating the template, and selecting a finding's cell. What is read (whole or only the
 * edited rows) is `./live.ts`; which reference applies is `./reference.ts`.
 */
import { type HistoryEvent, isAdapterError } from '../../addin/port';
import type { WorkbookGrid } from '../../engine/grid';
import { findSheet } from '../../engine/parse';
import { SHEET_IDENTITAS, SHEET_INOVASI, SHEET_TEMUAN } from '../../engine/schema';
import { normalise } from '../../engine/text';
import {
  type FileValidation,
  type IdentifiedFinding,
  countFindings,
  readDecisions,
  validateWorkbook,
} from '../../engine/validate';
import { cellText } from '../../engine/values';
import { translator } from '../i18n';
import { evidenceTarget } from '../readiness';
import { type LiveController, watchedSheets } from './live';
import type { ReferenceController } from './reference';
import type { PaneSession } from './session';
import { type StampStatusController, signoffOfValidation } from './stampStatus';

/** The open workbook as findings name it. */
export const OPEN_WORKBOOK = 'Buku kerja ini';

export class ValidationController {
  private validating: Promise<void> | null = null;
  private revalidateAgain = false;

  constructor(
    private readonly session: PaneSession,
    private readonly live: LiveController,
    private readonly reference: ReferenceController,
    private readonly stampStatus: StampStatusController,
  ) {}

  /** Reads the whole workbook, validates and writes the flags. */
  async validate(): Promise<void> {
    this.live.requestFullRead();
    return this.queue();
  }

  /** One validation at a time; a request while one runs makes one more afterwards. */
  async queue(): Promise<void> {
    if (this.validating) {
      this.revalidateAgain = true;
      return this.validating;
    }
    this.validating = this.session
      .run(() => this.validateOnce().catch((e) => this.afterTemuanEdit(e)))
      .then(() => undefined);
    try {
      await this.validating;
    } finally {
      this.validating = null;
    }
    if (this.revalidateAgain) {
      this.revalidateAgain = false;
      await this.queue();
    }
  }

  /**
   * The adapter refused to write `Temuan` over a decision typed there since the last read (Temuan is
   * not watched: no event says so): validate once more from a full read, which carries the decision.
   */
  private async afterTemuanEdit(e: unknown): Promise<void> {
    if (!isAdapterError(e) || e.code !== 'temuanChanged') throw e;
    this.live.requestFullRead();
    await this.validateOnce();
  }

  /**
   * One validation. Live (rows edited): one sync reads the rows, the engine validates the patched
   * grid whole (cross-row rules such as LOG-06 stay right), and when the flags would be the same
   * nothing is written (no Riwayat event either). When they differ, `writeFlags` writes the
   * flags and the run's Riwayat event in its two syncs (Temuan, `_tanda` and Status Validasi
   * whole: about 2 MB for 2,000 rows; fills and notes only where they change).
   * Decisions typed into `Temuan` are picked up by the next full read; one typed since the last read
   * makes `writeFlags` refuse (nothing written) and the validation is done again from a full read.
   */
  private async validateOnce(): Promise<void> {
    const { store, port } = this.session;
    const { grid, incremental, previous } = await this.live.readForValidation();
    const reference = this.reference.resolve(grid);
    const validation = validateWorkbook(grid, OPEN_WORKBOOK, {
      reference: reference.reference,
      today: this.session.today(),
    });
    const table = validation.submission?.table ?? null;
    const signature = flagsSignature(validation);
    this.live.remember(grid, table, null);
    await this.live.watch(watchedSheets(grid, table?.sheet ?? null));
    if (incremental && previous?.written === signature) {
      // Nothing the flags show changed: nothing to write (and no Riwayat event: no finding changed).
      this.live.remember(grid, table, signature);
      const stamp = signoffOfValidation(validation, grid);
      store.set({
        validation,
        stamp,
        reference,
        identityName: identityName(validation),
        identityJabatan: identityJabatan(validation),
      });
      await this.stampStatus.report(stamp);
      return;
    }
    // Decisions in Temuan whose finding no longer occurs leave the sheet with the new flags; their
    // trace goes into Riwayat ahead of every other write, so that a failed write cannot lose it.
    // The validation's own event follows the flags (in the same round trips).
    const waktu = this.session.now().toISOString();
    const dropped = droppedDecisions(grid, validation).map((d) => ({ waktu, ...d }));
    const stats = countFindings(validation.findings);
    const logged: HistoryEvent = {
      waktu,
      peristiwa: 'validasi',
      oleh: identityName(validation) ?? undefined,
      rincian:
        `galat ${stats.errors}, peringatan ${stats.warnings}, info ${stats.infos}, diterima ${stats.accepted}; ${validation.contentHash ?? ''}`.trim(),
    };
    await port.writeFlags(validation, store.lang, { before: dropped, after: [logged] });
    if (table) this.live.flagsWritten(grid, validation, signature);
    const stamp = signoffOfValidation(validation, grid);
    await this.stampStatus.report(stamp);
    const params = { galat: stats.errors, peringatan: stats.warnings, diterima: stats.accepted };
    store.set({
      validation,
      stamp,
      reference,
      hasInovasi: hasInovasiSheet(grid),
      identityName: identityName(validation),
      identityJabatan: identityJabatan(validation),
      notices: store.get().notices.filter((n) => n.key !== 'validasi.ignored'),
    });
    store.announce(validation.findings.length === 0 ? 'validasi.noFindings' : 'validasi.summary', params);
    if (validation.ignoredDecisions.length) {
      // In plain words, with the Temuan rows as the sheet now shows them (one row per finding, in order).
      const t = translator(store.lang);
      const details = validation.ignoredDecisions.map((d) => {
        const at = validation.findings.findIndex((f) => f.id === d.id);
        const aturan = at >= 0 ? validation.findings[at].rule : '?';
        return t(`ignored.${d.why}`, { baris: at >= 0 ? at + 2 : d.row, id: d.id, aturan });
      });
      store.notify('warning', 'validasi.ignored', { n: validation.ignoredDecisions.length }, details);
    }
  }

  async clearFlags(): Promise<void> {
    await this.session.run(async () => {
      this.live.forget();
      await this.session.port.clearFlags();
      this.session.store.set({ validation: null });
      this.session.store.announce('validasi.clearDone', {});
    });
  }

  async selectFinding(finding: Pick<IdentifiedFinding, 'sheet' | 'cell'>): Promise<void> {
    if (!finding.sheet || !finding.cell) return;
    const { sheet, cell } = finding;
    try {
      await this.session.port.selectCell(sheet, cell);
    } catch (e) {
      this.session.store.fail(e);
    }
  }

  /**
   * An innovation's evidence (docs/spec/iid.md): its `Data Dukung` rows selected, or a new row
   * prefilled with it and its first missing indicator. From the last validation: no read.
   */
  async openEvidence(index: number): Promise<void> {
    const { store, port } = this.session;
    const { validation, reference } = store.get();
    const iid = reference.reference.iid;
    const target = validation && iid ? evidenceTarget(validation, index, iid) : null;
    if (!target) return;
    try {
      if (target.kind === 'select') await port.selectCell(target.sheet, target.range);
      else await port.appendEvidenceRow(target);
    } catch (e) {
      store.fail(e);
    }
  }

  /** Shows a sheet the tool wrote (e.g. `Rekap OPD`), its first cell selected. */
  async openSheet(sheet: string): Promise<void> {
    await this.selectFinding({ sheet, cell: 'A1' });
  }

  async createTemplate(): Promise<void> {
    const { store, port } = this.session;
    await this.session.run(async () => {
      this.live.forget();
      await port.createTemplate(store.get().reference.reference);
      store.set({ hasInovasi: true });
      await this.live.watch([SHEET_INOVASI, SHEET_IDENTITAS]);
      store.announce('validasi.createDone', {});
    });
  }
}

/** The identity's Nama Penanggung Jawab, when it is filled in (the stamp's default `oleh`). */
export function identityName(v: FileValidation): string | null {
  const p = v.submission?.identity.penanggungJawab.parsed;
  return p?.kind === 'ok' ? String(p.value) : null;
}

/** The identity's Jabatan, when it is filled in (the first level's default `Jabatan`). */
export function identityJabatan(v: FileValidation): string | null {
  const p = v.submission?.identity.jabatan.parsed;
  return p?.kind === 'ok' ? String(p.value) : null;
}

export function hasInovasiSheet(grid: WorkbookGrid): boolean {
  return findSheet(grid, SHEET_INOVASI) !== undefined;
}

/**
 * What the flags of a validation depend on (findings, data rows, ignored decisions): equal
 * signatures write the same flags, `Status Validasi` and `Temuan`.
 */
function flagsSignature(v: FileValidation): string {
  const table = v.submission?.table;
  return JSON.stringify({
    findings: v.findings,
    ignored: v.ignoredDecisions,
    table: table
      ? {
          sheet: table.sheet,
          headerRow: table.headerRow,
          rows: table.rows.map((r) => r.row),
          status: table.columns.get('status') ?? null,
        }
      : null,
  });
}

/**
 * The `Riwayat` events of decisions recorded in the workbook's `Temuan` whose finding the new
 * validation no longer has (its value changed, or the problem was fixed): id, rule, cell, and the
 * old reason and reviewer.
 */
export function droppedDecisions(grid: WorkbookGrid, v: FileValidation): Omit<HistoryEvent, 'waktu'>[] {
  const decisions = readDecisions(grid);
  if (!decisions.size) return [];
  const present = new Set(v.findings.map((f) => f.id));
  const sheet = findSheet(grid, SHEET_TEMUAN);
  const header = sheet?.rows[0] ?? [];
  const col = (label: string) => header.findIndex((h) => normalise(cellText(h ?? null)) === normalise(label));
  const [cRule, cSheet, cCell] = ['Aturan', 'Lembar', 'Sel'].map(col);
  const at = (row: number, c: number) => (c < 0 ? '' : cellText(sheet?.rows[row - 1]?.[c] ?? null));
  const out: Omit<HistoryEvent, 'waktu'>[] = [];
  for (const [id, d] of decisions) {
    if (present.has(id)) continue;
    const lembar = at(d.row, cSheet);
    const sel = at(d.row, cCell);
    out.push({
      peristiwa: 'keputusan gugur',
      oleh: d.reviewer || undefined,
      id,
      aturan: at(d.row, cRule) || undefined,
      sel: sel ? (lembar ? `${lembar}!${sel}` : sel) : undefined,
      alasan: d.reason || undefined,
      rincian: `keputusan${d.date ? ` ${d.date}` : ''} oleh ${d.reviewer || '(tanpa pemeriksa)'} gugur: temuan tidak muncul lagi (nilai berubah atau masalah diperbaiki)`,
    });
  }
  return out;
}
