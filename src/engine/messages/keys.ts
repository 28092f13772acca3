/**
 * The keys of the engine's message catalogues, derived from the rule registry: one text per rule
 * (KON-04 and KON-05 have two wordings), the summary line that stands for findings past the per-file limit, and
 * one text per hint. A catalogue is a `Record` over them, so a rule added to the registry without
 * its texts, or an English text left out, fails to compile; also the KON-03 causes the engine finds; test/engine/messages.test.ts checks the
 * same at run time, and that both languages fill the same parameters.
 */
import { HINT_KEYS, HintKey } from '../findings';
import { RULE_IDS, RuleId } from '../rules/registry';

export type MessageKey =
  | Exclude<RuleId, 'KON-04' | 'KON-10'>
  | 'KON-10.tahapan'
  | 'KON-10.bentuk'
  | 'KON-04.none'
  | 'KON-04.changed'
  | 'KON-05.empty'
  | 'IID-01.kosong'
  | `IID-02.${'kosong' | 'kolom' | 'ganda' | 'judul'}`
  | 'summary'
  | 'summary.noColumn'
  | `hint.${HintKey}`
  | `cause.${EngineCause}`
  | `group.${GroupedRule}`
  | `tahun.${YearText}`;

/** Rules whose findings on one row are told in one grouped line (docs/spec/report-and-cli.md). */
export const GROUPED_RULES = ['SOP-04', 'SOP-07', 'FMT-01'] as const satisfies readonly RuleId[];
export type GroupedRule = (typeof GROUPED_RULES)[number];

/** How the consolidation year was chosen (docs/spec/consolidation.md). */
export const YEAR_TEXTS = ['opsi', 'jadwal', 'mayoritas', 'suara', 'tidakAda'] as const;
export type YearText = (typeof YEAR_TEXTS)[number];

/** KON-03 causes the engine itself finds (the workbook reader's are in src/xlsx/texts.ts). */
export const ENGINE_CAUSES = ['tooManyRows', 'tooMuchText'] as const;
export type EngineCause = (typeof ENGINE_CAUSES)[number];

export type Catalogue = Readonly<Record<MessageKey, string>>;

/** Every message key, in catalogue order (the parity test compares each catalogue with it). */
export const MESSAGE_KEYS: readonly MessageKey[] = [
  ...RULE_IDS.flatMap((rule): MessageKey[] =>
    rule === 'KON-04'
      ? ['KON-04.none', 'KON-04.changed']
      : rule === 'KON-10'
        ? ['KON-10.tahapan', 'KON-10.bentuk']
        : rule === 'KON-05'
          ? ['KON-05', 'KON-05.empty']
          : rule === 'IID-01'
            ? ['IID-01', 'IID-01.kosong']
            : rule === 'IID-02'
              ? ['IID-02', 'IID-02.kosong', 'IID-02.kolom', 'IID-02.ganda', 'IID-02.judul']
              : [rule],
  ),
  'summary',
  'summary.noColumn',
  ...HINT_KEYS.map((k): MessageKey => `hint.${k}`),
  ...ENGINE_CAUSES.map((k): MessageKey => `cause.${k}`),
  ...GROUPED_RULES.map((k): MessageKey => `group.${k}`),
  ...YEAR_TEXTS.map((k): MessageKey => `tahun.${k}`),
];
