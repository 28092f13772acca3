/**
 * Row checks of the `Inovasi` table: values (FMT), consistency (LOG), SOP and public-service
 * standard (SOP) and RPJMD alignment (RPJ). "One finding per cause" (docs/spec/rules.md) is kept by letting
 * each rule look only at inputs that parsed.
 */
import { COLUMNS, ColumnKey, STANDARD_COMPONENTS, Tahapan } from '../schema';
import { isEmptyOf, okValueOf, parsedOf, parsedSlotsOf, rawOf } from '../parse';
import { codePointLength, nearest, normalise } from '../text';
import { DEFAULT_JENIS_REGULASI } from '../reference/model';
import { cellText, countWords, hasAtLeastWords } from '../values';
import { Emit, RowContext, RuleContext, nearestHint, normalisedNames, rowFinding, rowKeys } from './context';
import type { RuleId } from './registry';

type Value = string | number;

function okValue(rc: RowContext, key: ColumnKey): Value | null {
  return okValueOf(rc.row, key);
}

const isEmpty = (rc: RowContext, key: ColumnKey) => isEmptyOf(rc.row, key);

/** Columns whose missing value has a dedicated rule instead of FMT-01. */
const DEDICATED: Partial<Record<ColumnKey, RuleId>> = {
  dasarHukum: 'SOP-01',
  nomorSop: 'SOP-03',
  hasil: 'SOP-07',
  tautan: 'SOP-07',
};

function requiredNow(required: string, tahapan: Tahapan | null): boolean | null {
  switch (required) {
    case 'always':
      return true;
    case 'never':
      return false;
    default:
      if (tahapan === null) return null; // depends on a tahapan we do not have: skip
      if (required === 'beforePenerapan') return tahapan !== 'Penerapan';
      if (required === 'fromUjiCoba') return tahapan !== 'Inisiatif';
      return tahapan === 'Penerapan';
  }
}

function checkValues(ctx: RuleContext, rc: RowContext, tahapan: Tahapan | null, emit: Emit): void {
  const columns = ctx.submission.table!.columns;
  const slots = parsedSlotsOf(rc.row);
  for (let i = 0; i < COLUMNS.length; i++) {
    const def = COLUMNS[i];
    // Most cells parse: a bare stored value needs no check here (FMT-06 is checked with LOG-06).
    const p = slots ? slots[i] : parsedOf(rc.row, def.key);
    if (typeof p !== 'object' || def.key === 'status') continue;
    if (p.kind === 'empty') {
      // An absent required column is STR-02 once; no per-row finding for it.
      if (!columns.has(def.key)) continue;
      const needed = requiredNow(def.required, tahapan);
      if (!needed) continue;
      const dedicated = DEDICATED[def.key];
      if (dedicated) {
        const params: Record<string, string> = dedicated === 'SOP-07' ? { kolom: def.label } : {};
        emit(rowFinding(ctx, rc, dedicated, def.key, { params }));
      } else {
        emit(rowFinding(ctx, rc, 'FMT-01', def.key, { params: { kolom: def.label } }));
      }
      continue;
    }
    if (p.kind === 'bad') {
      const text = cellText(rawOf(rc.row, def.key));
      if (p.rule === 'RPJ-01') {
        emit(rpj01(ctx, rc, text));
        continue;
      }
      let hint = null;
      if (p.rule === 'FMT-02') {
        const candidates = def.options
          ? def.options.map((o) => o.value)
          : def.type === 'bidang'
            ? ctx.index.bidangList().map((b) => `${b.kode} ${b.singkat}`)
            : [];
        hint = nearestHint(nearest(text, candidates));
      }
      emit(rowFinding(ctx, rc, p.rule, def.key, { params: { nilai: text, kolom: def.label }, hint }));
    }
  }
}

/** FMT-06, then LOG-06: names are compared only when their length is valid. */
function checkName(
  ctx: RuleContext,
  rc: RowContext,
  normalisedName: string,
  firstRowOfName: Map<string, number>,
  emit: Emit,
): void {
  const nama = okValue(rc, 'nama');
  if (nama === null) return;
  const length = codePointLength(String(nama));
  if (length < ctx.params.namaMin || length > ctx.params.namaMax) {
    emit(
      rowFinding(ctx, rc, 'FMT-06', 'nama', {
        params: { min: ctx.params.namaMin, max: ctx.params.namaMax, n: length },
      }),
    );
    return;
  }
  const first = firstRowOfName.get(normalisedName);
  if (first === undefined) firstRowOfName.set(normalisedName, rc.row.row);
  else
    emit(
      rowFinding(ctx, rc, 'LOG-06', 'nama', {
        params: { baris: first },
        hint: { key: 'sameRow', params: { baris: first } },
      }),
    );
}

function rpj01(ctx: RuleContext, rc: RowContext, text: string) {
  return rowFinding(ctx, rc, 'RPJ-01', 'program', {
    params: { nilai: text, periode: ctx.index.periodText() },
    hint: nearestHint(nearest(text.split(/\s/)[0] ?? text, ctx.index.programCodes())),
  });
}

function checkConsistency(ctx: RuleContext, rc: RowContext, tahapan: Tahapan | null, emit: Emit): void {
  const ujiCoba = okValue(rc, 'tglUjiCoba') as string | null;
  const penerapan = okValue(rc, 'tglPenerapan') as string | null;
  if (ujiCoba && penerapan && penerapan < ujiCoba) emit(rowFinding(ctx, rc, 'LOG-01', 'tglPenerapan'));
  for (const [key, value] of [
    ['tglUjiCoba', ujiCoba],
    ['tglPenerapan', penerapan],
  ] as const) {
    if (value && value > ctx.today) emit(rowFinding(ctx, rc, 'LOG-02', key, { params: { nilai: value } }));
  }

  if (tahapan !== null) {
    const ujiCobaFilled = !isEmpty(rc, 'tglUjiCoba');
    const penerapanFilled = !isEmpty(rc, 'tglPenerapan');
    if (
      (tahapan === 'Inisiatif' && (ujiCobaFilled || penerapanFilled)) ||
      (tahapan === 'Uji Coba' && penerapanFilled)
    ) {
      emit(rowFinding(ctx, rc, 'LOG-03', 'tahapan', { params: { tahapan } }));
    }
  }

  const anggaran = okValue(rc, 'anggaran') as number | null;
  const sumber = okValue(rc, 'sumberAnggaran') as string | null;
  if (anggaran !== null && sumber !== null) {
    const funded = ['APBD', 'APBN', 'Hibah', 'CSR'].includes(sumber);
    if ((anggaran > 0 && sumber === 'Tanpa Anggaran') || (anggaran === 0 && funded)) {
      emit(rowFinding(ctx, rc, 'LOG-04', 'sumberAnggaran'));
    }
  }

  if (okValue(rc, 'replikasi') === 'Ya' && isEmpty(rc, 'sumberReplikasi')) {
    emit(rowFinding(ctx, rc, 'LOG-05', 'sumberReplikasi'));
  }

  const target = okValue(rc, 'targetPenerapan') as number | null;
  if (
    tahapan !== null &&
    tahapan !== 'Penerapan' &&
    target !== null &&
    ctx.tahun !== null &&
    target < ctx.tahun
  ) {
    emit(rowFinding(ctx, rc, 'LOG-07', 'targetPenerapan', { params: { tahun: target } }));
  }
}

// SOP-02: a regulation type of the reference's list (whole words), a number and a year 2000–2100.
const REGULATION_NUMBER = /(?:^|[^\p{L}])(?:no\.?|nomor)\s*[:.]?\s*\S*\d/iu;
// No look-behind: WebKit before Safari 16.4 (macOS 12, iPadOS 15) cannot parse one, and the pane would stay blank.
const YEAR_2000_2100 = /(?:^|\D)(?:20\d\d|2100)(?!\d)/u;

/** What a legal basis lacks: a known regulation type, a number, a year. */
export type RegulationPart = 'jenis' | 'nomor' | 'tahun';

const words = (text: string): string[] =>
  normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Per list of types (one per reference): each judged text once — most rows cite the same few regulations. */
const judged = new WeakMap<readonly string[], { types: string[][]; seen: Map<string, RegulationPart[]> }>();

/** The parts of a regulation `text` does not name (empty when it is recognisable), against the reference's regulation types. */
export function missingRegulationParts(
  text: string,
  types: readonly string[] = DEFAULT_JENIS_REGULASI,
): RegulationPart[] {
  let cache = judged.get(types);
  if (!cache)
    judged.set(types, (cache = { types: types.map(words).filter((w) => w.length), seen: new Map() }));
  let missing = cache.seen.get(text);
  if (missing === undefined) {
    if (cache.seen.size > 10_000) cache.seen.clear();
    const w = words(text);
    const hasType = cache.types.some((t) => w.some((_, i) => t.every((x, j) => w[i + j] === x)));
    missing = [
      ...(hasType ? [] : ['jenis' as const]),
      ...(REGULATION_NUMBER.test(text) ? [] : ['nomor' as const]),
      ...(YEAR_2000_2100.test(text) ? [] : ['tahun' as const]),
    ];
    cache.seen.set(text, missing);
  }
  return missing;
}

export function isRecognisableRegulation(
  text: string,
  types: readonly string[] = DEFAULT_JENIS_REGULASI,
): boolean {
  return missingRegulationParts(text, types).length === 0;
}

const PART_WORDS: Readonly<Record<'id' | 'en', Readonly<Record<RegulationPart, string>>>> = {
  id: { jenis: 'jenis peraturan yang dikenal', nomor: 'nomor', tahun: 'tahun' },
  en: { jenis: 'a known regulation type', nomor: 'a number', tahun: 'a year' },
};

/** `jenis peraturan yang dikenal, nomor, dan tahun` / `a known regulation type and a year`. */
function partsText(parts: readonly RegulationPart[], lang: 'id' | 'en'): string {
  const w = parts.map((p) => PART_WORDS[lang][p]);
  const and = lang === 'id' ? 'dan' : 'and';
  return w.length < 3 ? w.join(` ${and} `) : `${w.slice(0, -1).join(', ')}, ${and} ${w[w.length - 1]}`;
}

function checkSop(ctx: RuleContext, rc: RowContext, tahapan: Tahapan | null, emit: Emit): void {
  const dasar = okValue(rc, 'dasarHukum');
  const missing =
    dasar === null
      ? []
      : missingRegulationParts(String(dasar), ctx.params.jenisRegulasi ?? DEFAULT_JENIS_REGULASI);
  if (missing.length) {
    const params = {
      nilai: String(dasar),
      kurang: partsText(missing, 'id'),
      kurangEn: partsText(missing, 'en'),
    };
    emit(rowFinding(ctx, rc, 'SOP-02', 'dasarHukum', { params, hint: { key: 'dasarHukum', params: {} } }));
  }

  const bentukPelayanan = okValue(rc, 'bentuk') === 'Inovasi Pelayanan Publik';
  if (tahapan !== null && tahapan !== 'Inisiatif' && bentukPelayanan) {
    for (const c of STANDARD_COMPONENTS) {
      if (!isEmpty(rc, c.key)) continue;
      emit(
        rowFinding(ctx, rc, 'SOP-04', c.key, {
          params: { komponen: c.component, komponenEn: c.componentEn },
          basis: `UU 25/2009 Pasal 21 huruf ${c.huruf}`,
        }),
      );
    }
  }

  const days = okValue(rc, 'spJangkaWaktu') as number | null;
  if (days !== null && days <= 0)
    emit(rowFinding(ctx, rc, 'SOP-05', 'spJangkaWaktu', { hint: { key: 'positiveDays', params: {} } }));

  const design = okValue(rc, 'rancangBangun');
  if (tahapan !== null && design !== null) {
    const min = ctx.params.minWords;
    const text = String(design);
    const n = hasAtLeastWords(text, min) ? min : countWords(text, min);
    if (n < min) {
      emit(
        rowFinding(ctx, rc, 'SOP-06', 'rancangBangun', {
          params: { n, min },
          hint: { key: 'minWords', params: { kurang: min - n } },
          severity: tahapan === 'Penerapan' ? 'error' : 'warning',
        }),
      );
    }
  }
}

function checkRpjmd(ctx: RuleContext, rc: RowContext, emit: Emit): void {
  const code = okValue(rc, 'program') as string | null;
  const urusan = okValue(rc, 'urusan') as string | null;
  const program = code === null ? null : ctx.index.rpjmdProgram(code);
  if (code !== null && !program) {
    emit(rpj01(ctx, rc, cellText(rc.row.cells.program.raw)));
  }
  if (program && urusan !== null && code!.slice(0, code!.lastIndexOf('.')) !== urusan) {
    emit(rowFinding(ctx, rc, 'RPJ-02', 'program', { params: { kode: program.kode, urusan } }));
  }
  if (program && ctx.opd && !program.opd.includes(ctx.opd.kode)) {
    emit(rowFinding(ctx, rc, 'RPJ-03', 'program', { params: { opd: ctx.opd.nama, kode: program.kode } }));
  }
  if (urusan !== null && ctx.opd && !ctx.opd.bidang.includes(urusan)) {
    emit(rowFinding(ctx, rc, 'RPJ-04', 'urusan', { params: { urusan, opd: ctx.opd.nama } }));
  }
  const target = okValue(rc, 'targetPenerapan') as number | null;
  if (target !== null && !ctx.index.inPeriod(target)) {
    emit(
      rowFinding(ctx, rc, 'RPJ-06', 'targetPenerapan', {
        params: { tahun: target, periode: ctx.index.periodText() },
      }),
    );
  }
}

export function checkRows(ctx: RuleContext, emit: Emit): void {
  const table = ctx.submission.table;
  if (!table) return;
  const keys = rowKeys(table.rows);
  const names = normalisedNames(table.rows);
  const firstRowOfName = new Map<string, number>();
  for (let i = 0; i < table.rows.length; i++) {
    const rc: RowContext = { row: table.rows[i], rowKey: keys[i] };
    const t = okValue(rc, 'tahapan');
    const tahapan = t === null ? null : (t as Tahapan);
    checkValues(ctx, rc, tahapan, emit);
    checkName(ctx, rc, names[i], firstRowOfName, emit);
    checkConsistency(ctx, rc, tahapan, emit);
    checkSop(ctx, rc, tahapan, emit);
    checkRpjmd(ctx, rc, emit);
  }
}
