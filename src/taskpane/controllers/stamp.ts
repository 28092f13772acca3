/**
 * The sign-off chain in the pane (docs/spec/signoff.md): which level may act next and whether its button is
 * enabled (`nextSignoff`), writing a stamp (`stempel <level>`) or a return for revision
 * (`dikembalikan`, a note required) into `_stempel` version 2 with its `Riwayat` event, after
 * checking on a fresh read that the content and the chain are still what the pane showed.
 * The chain's status as the workbook is now is `./stampStatus.ts`.
 */
import type { HistoryEvent } from '../../addin/port';
import type { WorkbookGrid } from '../../engine/grid';
import { RULES_VERSION } from '../../engine/rules/registry';
import { SHEET_STEMPEL } from '../../engine/schema';
import {
  type NewStempel,
  type NextSignoff,
  type Persetujuan,
  levelLabel,
  localDateTime,
  nextSignoff,
  stempelWrite,
} from '../../engine/signoff';
import { type SignoffCheck, checkSignoff, countFindings, validateWorkbook } from '../../engine/validate';
import { TOOL_NAME, TOOL_VERSION } from '../../engine/version';
import type { PaneState, StampAllowance } from '../state';
import type { LiveController } from './live';
import type { PaneSession } from './session';
import { OPEN_WORKBOOK } from './validation';

/** The chain as the pane shows it, and what the next level may do. */
export interface SignoffView {
  /** The chain as last checked (null while unknown). */
  readonly chain: Persetujuan | null;
  readonly next: NextSignoff;
  /** Why the next level's stamp button is on or off (`ready` = on). */
  readonly allowance: StampAllowance;
}

export interface SignoffWho {
  /** `Oleh`; for the first level, empty means the identity's Nama Penanggung Jawab. */
  readonly oleh: string;
  /** `Jabatan`; for the first level, empty means the identity's Jabatan. */
  readonly jabatan?: string;
}

const NO_NEXT: NextSignoff = { level: null, mayStamp: false, mayReturn: false };

export class StampController {
  constructor(
    private readonly session: PaneSession,
    private readonly live: LiveController,
  ) {}

  /** The chain (the last check of the workbook, else the last validation's) and the next level's buttons. */
  view(state: PaneState = this.session.store.get()): SignoffView {
    const chain = state.stamp?.persetujuan ?? state.validation?.persetujuan ?? null;
    const ready = this.readiness(state);
    const next = chain ? nextSignoff(chain, ready.allowed) : NO_NEXT;
    const allowance =
      chain && !next.level ? { allowed: false, reason: 'stamp.allDone' as const, params: {} } : ready;
    return { chain, next, allowance };
  }

  /** May the next level stamp now? (docs/spec/signoff.md: the last validation has no open error and nothing was edited since.) */
  allowance(state: PaneState = this.session.store.get()): StampAllowance {
    return this.view(state).allowance;
  }

  private readiness(state: PaneState): StampAllowance {
    const v = state.validation;
    if (!v || !v.submission) return { allowed: false, reason: 'stamp.notValidated', params: {} };
    const { errors } = countFindings(v.findings);
    if (errors > 0) return { allowed: false, reason: 'stamp.openErrors', params: { n: errors } };
    // An edit seen by the events, or a later check that found other content than the validation's.
    if (state.dirty || (state.stamp && state.stamp.contentHash !== v.contentHash))
      return { allowed: false, reason: 'stamp.edited', params: {} };
    return { allowed: true, reason: 'stamp.ready', params: {} };
  }

  /**
   * Stamps the next level (`level` names the level the user saw on the button; by default the next
   * one): `_stempel` gains a row and `Riwayat` a `stempel <level>` event, in one adapter call.
   */
  async stamp(who: string | SignoffWho, level?: string): Promise<boolean> {
    const { store } = this.session;
    const { oleh, jabatan } = typeof who === 'string' ? { oleh: who, jabatan: '' } : who;
    const view = this.view();
    if (!view.next.level || (level !== undefined && level !== view.next.level.kunci)) {
      store.notify('warning', view.next.level ? 'stamp.levelMoved' : 'stamp.allDone', {});
      return false;
    }
    if (!view.allowance.allowed) {
      store.notify('warning', view.allowance.reason, view.allowance.params);
      return false;
    }
    const target = view.next.level;
    const first = view.chain?.levels[0]?.level.kunci === target.kunci;
    const name = oleh.trim() || (first ? (store.get().identityName ?? '') : '');
    if (!name) {
      store.notify('error', 'stamp.noName');
      return false;
    }
    const position = (jabatan ?? '').trim() || (first ? (store.get().identityJabatan ?? '') : '');
    const v = store.get().validation!;
    const stats = countFindings(v.findings);
    const done = await this.session.run(async () => {
      const fresh = await this.freshCheck(target.kunci, 'stamp');
      if (!fresh) return false;
      if (fresh.check.contentHash !== v.contentHash) {
        store.set({ dirty: true, stamp: fresh.check });
        store.notify('warning', 'stamp.edited');
        return false;
      }
      const waktu = this.session.now().toISOString();
      const add = this.row({
        tingkat: target.kunci,
        hashIsi: v.contentHash ?? '',
        waktu,
        stats,
        oleh: name,
        jabatan: position,
      });
      const event: HistoryEvent = {
        waktu,
        peristiwa: `stempel ${target.kunci}`,
        oleh: name,
        rincian: `${target.label}${position ? `; ${position}` : ''}; ${add.hashIsi}; galat ${stats.errors}, peringatan ${stats.warnings}, diterima ${stats.accepted}`,
      };
      await this.write(fresh, add, event);
      store.announce('validasi.stampDone', {
        tingkat: this.label(target.kunci),
        oleh: name,
        waktu: localDateTime(waktu, store.get().reference.reference.daerah.zonaWaktu),
      });
      return true;
    });
    return done ?? false;
  }

  /**
   * Returns the submission for revision at `level` (a level above the first whose turn it is),
   * with a mandatory note: a `<level>:kembali` row and a `dikembalikan` event. No validation is
   * needed (a verifier returns a file with errors too); the counts are those of the content now.
   */
  async kembalikan(level: string, catatan: string, who: SignoffWho): Promise<boolean> {
    const { store } = this.session;
    const view = this.view();
    if (!view.next.level || view.next.level.kunci !== level || !view.next.mayReturn) {
      store.notify('warning', 'stamp.levelMoved', {});
      return false;
    }
    const note = catatan.trim();
    if (!note) {
      store.notify('error', 'stamp.noNote');
      return false;
    }
    const name = who.oleh.trim();
    if (!name) {
      store.notify('error', 'stamp.noName');
      return false;
    }
    const position = (who.jabatan ?? '').trim();
    const target = view.next.level;
    const done = await this.session.run(async () => {
      const fresh = await this.freshCheck(level, 'return');
      if (!fresh) return false;
      const v = store.get().validation;
      const findings =
        v && v.contentHash === fresh.check.contentHash
          ? v.findings
          : validateWorkbook(fresh.grid, OPEN_WORKBOOK, {
              reference: store.get().reference.reference,
              today: this.session.today(),
            }).findings;
      const stats = countFindings(findings);
      const waktu = this.session.now().toISOString();
      const add: NewStempel = {
        ...this.row({
          tingkat: level,
          hashIsi: fresh.check.contentHash ?? '',
          waktu,
          stats,
          oleh: name,
          jabatan: position,
        }),
        kembali: true,
        catatan: note,
      };
      const event: HistoryEvent = {
        waktu,
        peristiwa: 'dikembalikan',
        oleh: name,
        alasan: note,
        rincian: `${target.label}${position ? `; ${position}` : ''}; ${add.hashIsi}`,
      };
      await this.write(fresh, add, event);
      store.announce('validasi.returnDone', { tingkat: this.label(level), oleh: name });
      return true;
    });
    return done ?? false;
  }

  /** A `_stempel` row of this tool, rules version and reference: the same fields for a stamp and a return. */
  private row(r: {
    tingkat: string;
    hashIsi: string;
    waktu: string;
    stats: ReturnType<typeof countFindings>;
    oleh: string;
    jabatan: string;
  }): NewStempel {
    return {
      tingkat: r.tingkat,
      hashIsi: r.hashIsi,
      waktu: r.waktu,
      versiAturan: RULES_VERSION,
      referensi: this.session.store.get().reference.id,
      alat: `${TOOL_NAME} ${TOOL_VERSION}`,
      galat: r.stats.errors,
      peringatan: r.stats.warnings,
      diterima: r.stats.accepted,
      oleh: r.oleh,
      jabatan: r.jabatan || undefined,
    };
  }

  private label(kunci: string): string {
    const { lang, reference } = this.session.store.get();
    const l = reference.reference.tingkatPersetujuan.find((x) => x.kunci === kunci);
    return l ? levelLabel(l, lang) : kunci;
  }

  /** Reads the workbook again: the chain must still be waiting for `level` (another session may have acted). */
  private async freshCheck(
    level: string,
    action: 'stamp' | 'return',
  ): Promise<{ grid: WorkbookGrid; check: SignoffCheck } | null> {
    const { store, port } = this.session;
    const { grid } = await port.readSubmission();
    const check = checkSignoff(grid, store.get().reference.reference, this.session.today());
    const next = nextSignoff(check.persetujuan, true);
    if (next.level?.kunci !== level || (action === 'return' && !next.mayReturn)) {
      store.set({ stamp: check });
      store.notify('warning', 'stamp.levelMoved', {});
      return null;
    }
    return { grid, check };
  }

  /** Writes the row and its event, then publishes the chain as it now is (computed, not read again). */
  private async write(
    fresh: { grid: WorkbookGrid; check: SignoffCheck },
    add: NewStempel,
    event: HistoryEvent,
  ): Promise<void> {
    const { store, port } = this.session;
    const write = stempelWrite(fresh.check.stempel, add);
    this.live.forget();
    await port.writeStempel(write, [event]);
    // The chain as it now is: the grid just read, with `_stempel` as written (no second read).
    const sheets = fresh.grid.sheets.filter(
      (x) => x.name.trim().toLowerCase() !== SHEET_STEMPEL.toLowerCase(),
    );
    const after: WorkbookGrid = {
      sheets: [...sheets, { name: SHEET_STEMPEL, visibility: 'veryHidden', rows: write.sheet }],
    };
    const check = checkSignoff(after, store.get().reference.reference, this.session.today());
    const v = store.get().validation;
    const persetujuan = check.persetujuan;
    store.set({
      stamp: check,
      validation:
        v && v.contentHash === check.contentHash
          ? { ...v, stamp: check.status, stampInfo: check.info, persetujuan }
          : v,
    });
  }
}
