/**
 * The reference workbook form (docs/spec/reference-data.md, "File forms" 2): one sheet per part, header in
 * row 1, lists `;`-separated. Sheet names and headers are matched after `normalise()`. Problems name
 * the sheet and the worksheet row.
 */
import { CellValue, SheetGrid, WorkbookGrid, isDateCell, isErrorCell, serialToIso } from '../grid';
import { normalise } from '../text';
import {
  Bilingual,
  DraftSignoff,
  EMBEDDED_NOMENCLATURE,
  EntityKind,
  Locate,
  Nomenclature,
  ParameterInput,
  Place,
  ReferenceResult,
  buildParameters,
  finishReference,
  isEmbeddedNomenclature,
  makeProgram,
  problemAt,
  rowPlace,
  shortBidangName,
} from './load';
import { say } from './texts';
import {
  META_PARAMETERS,
  PARAMETER_LABELS,
  SEVERITY_WORDS,
  levelKey,
  levelText,
  parameterKey,
  severityLabel,
  severityValue,
} from './workbookLabels';
import {
  BidangUrusan,
  DEFAULT_TINGKAT,
  Misi,
  Opd,
  ProgramNomenklatur,
  ProgramRpjmd,
  Reference,
  ReferenceProblem,
  Sasaran,
  Tujuan,
} from './model';
import {
  IidParameterKey,
  draftIidFromSheet,
  iidParameterKey,
  iidParameterRows,
  iidSheetRows,
} from '../iid/referenceSheet';

/** Sheet names as the tool writes them. */
export const REFERENCE_SHEETS = {
  daerah: 'Daerah',
  opd: 'OPD',
  misi: 'Misi',
  tujuan: 'Tujuan',
  sasaran: 'Sasaran',
  program: 'Program',
  parameter: 'Parameter',
  tingkat: 'Tingkat',
  jadwal: 'Jadwal',
  iidIndikator: 'IID Indikator',
  // Written only when the reference's nomenclature is not the embedded national one.
  nomenklaturBidang: 'Nomenklatur Bidang',
  nomenklaturProgram: 'Nomenklatur Program',
} as const;

interface ColumnSpec {
  readonly key: string;
  /** The header the tool writes. */
  readonly header: string;
  /** Other headers accepted (compared after normalise()). */
  readonly aliases?: readonly string[];
  readonly required: boolean;
}

const col = (key: string, header: string, required: boolean, aliases: string[] = []): ColumnSpec => ({
  key,
  header,
  required,
  aliases,
});

const COLUMNS = {
  daerah: [
    col('nama', 'Nama', true, ['Nama Daerah']),
    col('kode', 'Kode', true, ['Kode Daerah', 'Kode Wilayah']),
    col('mulai', 'Periode Mulai', true, ['Tahun Mulai', 'Mulai']),
    col('akhir', 'Periode Akhir', true, ['Tahun Akhir', 'Akhir']),
    col('visi', 'Visi', true),
    col('zonaWaktu', 'Zona Waktu', false, ['Zona', 'Time Zone']),
  ],
  opd: [
    col('kode', 'Kode', true, ['Kode OPD']),
    col('nama', 'Nama', true, ['Nama OPD', 'Nama Perangkat Daerah']),
    col('alias', 'Alias', false, ['Nama Lain']),
    col('bidang', 'Bidang Urusan', true, ['Bidang', 'Urusan']),
  ],
  misi: [
    col('kode', 'Kode', true, ['Kode Misi']),
    col('uraian', 'Uraian', true, ['Misi']),
    col('singkat', 'Singkat', false, ['Nama Singkat']),
  ],
  tujuan: [
    col('kode', 'Kode', true, ['Kode Tujuan']),
    col('misi', 'Misi', true, ['Kode Misi']),
    col('uraian', 'Uraian', true, ['Tujuan']),
  ],
  sasaran: [
    col('kode', 'Kode', true, ['Kode Sasaran']),
    col('tujuan', 'Tujuan', true, ['Kode Tujuan']),
    col('uraian', 'Uraian', true, ['Sasaran']),
  ],
  program: [
    col('kode', 'Kode', true, ['Kode Program']),
    col('nama', 'Nama', true, ['Nama Program']),
    col('sasaran', 'Sasaran', true, ['Kode Sasaran']),
    col('opd', 'OPD Penanggung Jawab', true, ['OPD', 'Penanggung Jawab', 'Perangkat Daerah']),
    col('indikator', 'Indikator', false),
    col('satuan', 'Satuan', false),
  ],
  parameter: [col('nama', 'Nama', true, ['Parameter']), col('nilai', 'Nilai', true)],
  tingkat: [
    col('kunci', 'Kunci', true, ['Key', 'Kode']),
    col('label', 'Label', true, ['Label ID', 'Nama']),
    col('labelEn', 'Label EN', true, ['Label (EN)', 'Label Inggris']),
  ],
  jadwal: [
    col('tingkat', 'Tingkat', true, ['Kunci', 'Tingkat Persetujuan']),
    col('batas', 'Batas', true, ['Batas Waktu', 'Tenggat']),
    // Written as the Parameter row `Tahun Jadwal` since 2026-12-07; still read here.
    col('tahun', 'Tahun', false, ['Tahun Pelaporan']),
  ],
  iidIndikator: [
    col('no', 'No', true),
    col('kode', 'Kode', true),
    col('nama', 'Nama', true, ['Nama Indikator', 'Indikator']),
    col('bobot', 'Bobot', true),
    col('wajib', 'Wajib', false),
    col('tingkat1', 'Tingkat 1', true),
    col('tingkat2', 'Tingkat 2', true),
    col('tingkat3', 'Tingkat 3', true),
    col('bukti', 'Bukti', false, ['Bukti Dukung']),
    col('turunan', 'Turunan', false),
  ],
  nomenklaturBidang: [col('kode', 'Kode', true), col('nama', 'Nama', true), col('singkat', 'Singkat', false)],
  nomenklaturProgram: [col('kode', 'Kode', true), col('nama', 'Nama', true)],
} satisfies Record<keyof typeof REFERENCE_SHEETS, ColumnSpec[]>;

const TARGET_HEADER = /^target ?(\d{4})$/;

function findSheet(grid: WorkbookGrid, name: string): SheetGrid | null {
  const wanted = normalise(name);
  return grid.sheets.find((s) => normalise(s.name) === wanted) ?? null;
}

/** True when the workbook carries its own reference (the add-in then uses it). */
export function hasReferenceSheets(grid: WorkbookGrid): boolean {
  return [REFERENCE_SHEETS.daerah, REFERENCE_SHEETS.opd, REFERENCE_SHEETS.program].every(
    (name) => findSheet(grid, name) !== null,
  );
}

const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

interface DataRow {
  /** Worksheet row (1-based). */
  readonly row: number;
  readonly place: Place;
  /** Text of a known column: trimmed; numbers as their shortest decimal text; '' when empty or unusable. */
  text(key: string): string;
  /** The raw cell of a known column. */
  cell(key: string): CellValue;
  /** The raw cell of column `Target <year>`. */
  targetCell(year: string): CellValue;
}

interface ReadSheet {
  readonly sheet: SheetGrid;
  readonly rows: DataRow[];
  /** Columns `Target 2025` …: year → 0-based column. */
  readonly targets: ReadonlyMap<string, number>;
}

function sheetLabel(sheet: SheetGrid): Bilingual {
  return say((t) => t.sheet(sheet.name));
}

/**
 * Reads a sheet's header (row 1) and data rows (blank rows skipped). Missing required columns and
 * unusable cells (error values, dates where text is expected) become problems.
 */
function readSheet(
  sheet: SheetGrid,
  columns: readonly ColumnSpec[],
  problems: ReferenceProblem[],
  withTargets = false,
): ReadSheet | null {
  const label = sheetLabel(sheet);
  const headerPlace = rowPlace(sheet.name, label, 1);
  const header = sheet.rows[0] ?? [];
  const at = new Map<string, number>();
  const targets = new Map<string, number>();
  header.forEach((value, c) => {
    if (isBlank(value) || typeof value === 'object') return;
    const h = normalise(String(value));
    const spec = columns.find(
      (s) => normalise(s.header) === h || (s.aliases ?? []).some((a) => normalise(a) === h),
    );
    const year = withTargets ? TARGET_HEADER.exec(h)?.[1] : undefined;
    const duplicate = spec ? at.has(spec.key) : year !== undefined && targets.has(year);
    if (duplicate) {
      problems.push(
        problemAt(
          headerPlace,
          say((t) => t.columnTwice(String(value).trim())),
        ),
      );
    } else if (spec) at.set(spec.key, c);
    else if (year !== undefined) targets.set(year, c);
    // Other columns (notes, …) are left alone.
  });
  const missing = columns.filter((s) => s.required && !at.has(s.key));
  for (const s of missing)
    problems.push(
      problemAt(
        headerPlace,
        say((t) => t.columnMissing(s.header)),
      ),
    );
  if (missing.length) return null;

  const rows: DataRow[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every(isBlank)) continue;
    const place = rowPlace(sheet.name, label, r + 1);
    const cell = (key: string): CellValue => {
      const c = at.get(key);
      return c === undefined ? null : (cells[c] ?? null);
    };
    const text = (key: string): string => {
      const spec = columns.find((s) => s.key === key);
      return cellText(cell(key), place, spec?.header ?? key, problems);
    };
    const targetCell = (y: string): CellValue => {
      const c = targets.get(y);
      return c === undefined ? null : (cells[c] ?? null);
    };
    rows.push({ row: r + 1, place, text, cell, targetCell });
  }
  return { sheet, rows, targets };
}

/** A cell as text; error values and dates are problems (a code or a name is never a date). */
function cellText(v: CellValue, place: Place, column: string, problems: ReferenceProblem[]): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.trim();
  // A code typed as a number (1.02) reads as its shortest decimal text; the template keeps code columns as text.
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isErrorCell(v)) {
    problems.push(
      problemAt(
        place,
        say((t) => t.holdsError(column, v.code)),
      ),
    );
    return '';
  }
  if (isDateCell(v)) {
    problems.push(
      problemAt(
        place,
        say((t) => t.holdsDate(column)),
      ),
    );
  }
  return '';
}

const splitList = (text: string): string[] =>
  text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Required text: a problem naming the column when empty. */
function required(row: DataRow, key: string, header: string, problems: ReferenceProblem[]): string {
  const value = row.text(key);
  // An unusable cell (error value, date) has already been reported by text().
  if (isBlank(row.cell(key)))
    problems.push(
      problemAt(
        row.place,
        say((t) => t.empty(header)),
      ),
    );
  return value;
}

function year(row: DataRow, key: string, header: string, problems: ReferenceProblem[]): number {
  const v = row.cell(key);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v)) return Number(v.trim());
  problems.push(
    problemAt(
      row.place,
      say((t) => t.mustBeYear(header)),
    ),
  );
  return 0;
}

function targetValue(
  v: CellValue,
  place: Place,
  yearText: string,
  problems: ReferenceProblem[],
): number | string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const text = cellText(v, place, `Target ${yearText}`, problems);
  return text === '' ? undefined : text;
}

/**
 * Reads and checks a reference workbook. `name` is the reference's name (its id prefix), e.g. the
 * file name without extension. The nomenclature is the workbook's `Nomenklatur Bidang` /
 * `Nomenklatur Program` sheets when present, else `nomenklatur`, else the embedded national one.
 */
export function referenceFromGrid(
  grid: WorkbookGrid,
  name: string,
  nomenklatur?: Nomenclature,
): ReferenceResult {
  const problems: ReferenceProblem[] = [];
  const workbookPlace: Place = {
    part: 'workbook',
    row: null,
    label: say((t) => t.workbook),
  };

  const sheetOf = (
    key: keyof typeof REFERENCE_SHEETS,
    isRequired: boolean,
    withTargets = false,
  ): ReadSheet | null => {
    const sheet = findSheet(grid, REFERENCE_SHEETS[key]);
    if (!sheet) {
      if (isRequired)
        problems.push({
          part: REFERENCE_SHEETS[key],
          row: null,
          message: say((t) => t.sheetMissing(REFERENCE_SHEETS[key])),
        });
      return null;
    }
    const read = readSheet(sheet, COLUMNS[key], problems, withTargets);
    if (read && isRequired && read.rows.length === 0)
      problems.push(
        problemAt(
          rowPlace(sheet.name, sheetLabel(sheet), 1),
          say((t) => t.noDataRow),
        ),
      );
    return read;
  };

  const daerahSheet = sheetOf('daerah', true);
  const opdSheet = sheetOf('opd', true);
  const misiSheet = sheetOf('misi', true);
  const tujuanSheet = sheetOf('tujuan', true);
  const sasaranSheet = sheetOf('sasaran', true);
  const programSheet = sheetOf('program', true, true);
  const parameterSheet = sheetOf('parameter', false);
  const tingkatSheet = sheetOf('tingkat', false);
  const jadwalSheet = sheetOf('jadwal', false);
  const iidSheet = sheetOf('iidIndikator', false);
  const bidangSheet = sheetOf('nomenklaturBidang', false);
  const nomProgramSheet = sheetOf('nomenklaturProgram', false);

  // Daerah: one data row.
  let daerah = { nama: '', kode: '' };
  let periode = { mulai: 0, akhir: 0 };
  let visi = '';
  let periodePlace: Place = workbookPlace;
  let zonaWaktu: string | null = null;
  let zonaPlace: Place = workbookPlace;
  const daerahRow = daerahSheet?.rows[0];
  if (daerahSheet && daerahRow) {
    daerah = {
      nama: required(daerahRow, 'nama', 'Nama', problems),
      kode: required(daerahRow, 'kode', 'Kode', problems),
    };
    periode = {
      mulai: year(daerahRow, 'mulai', 'Periode Mulai', problems),
      akhir: year(daerahRow, 'akhir', 'Periode Akhir', problems),
    };
    visi = required(daerahRow, 'visi', 'Visi', problems);
    periodePlace = daerahRow.place;
    zonaWaktu = daerahRow.text('zonaWaktu') || null;
    zonaPlace = daerahRow.place;
    for (const extra of daerahSheet.rows.slice(1))
      problems.push(
        problemAt(
          extra.place,
          say((t) => t.daerahOneRow),
        ),
      );
  }

  const rowsOf = (read: ReadSheet | null) => read?.rows ?? [];
  const misi: Misi[] = rowsOf(misiSheet).map((r) => {
    const singkat = r.text('singkat');
    return {
      kode: required(r, 'kode', 'Kode', problems),
      uraian: required(r, 'uraian', 'Uraian', problems),
      ...(singkat ? { singkat } : {}),
    };
  });
  const tujuan: Tujuan[] = rowsOf(tujuanSheet).map((r) => ({
    kode: required(r, 'kode', 'Kode', problems),
    misi: required(r, 'misi', 'Misi', problems),
    uraian: required(r, 'uraian', 'Uraian', problems),
  }));
  const sasaran: Sasaran[] = rowsOf(sasaranSheet).map((r) => ({
    kode: required(r, 'kode', 'Kode', problems),
    tujuan: required(r, 'tujuan', 'Tujuan', problems),
    uraian: required(r, 'uraian', 'Uraian', problems),
  }));
  const opd: Opd[] = rowsOf(opdSheet).map((r) => {
    const bidang = splitList(r.text('bidang'));
    if (bidang.length === 0)
      problems.push(
        problemAt(
          r.place,
          say((t) => t.empty('Bidang Urusan')),
        ),
      );
    return {
      kode: required(r, 'kode', 'Kode', problems),
      nama: required(r, 'nama', 'Nama', problems),
      alias: splitList(r.text('alias')),
      bidang,
    };
  });
  const targetYears = [...(programSheet?.targets.keys() ?? [])].sort();
  const program: ProgramRpjmd[] = rowsOf(programSheet).map((r) => {
    const kode = required(r, 'kode', 'Kode', problems);
    const nama = required(r, 'nama', 'Nama', problems);
    const sasaranCodes = splitList(r.text('sasaran'));
    if (sasaranCodes.length === 0)
      problems.push(
        problemAt(
          r.place,
          say((t) => t.empty('Sasaran')),
        ),
      );
    const opdCodes = splitList(r.text('opd'));
    if (opdCodes.length === 0)
      problems.push(
        problemAt(
          r.place,
          say((t) => t.empty('OPD Penanggung Jawab')),
        ),
      );
    const target: Record<string, number | string> = {};
    for (const y of targetYears) {
      const value = targetValue(r.targetCell(y), r.place, y, problems);
      if (value !== undefined) target[y] = value;
    }
    return makeProgram(
      kode,
      nama,
      sasaranCodes,
      opdCodes,
      r.text('indikator') || undefined,
      r.text('satuan') || undefined,
      target,
    );
  });

  const parameterInputs: ParameterInput[] = [];
  let tingkatWajib: string | null = null;
  let wajibPlace: Place = workbookPlace;
  let referenceName: { text: string; place: Place } | null = null;
  let scheduleYear: { year: number; place: Place } | null = null;
  const iidParameters = new Map<IidParameterKey, { value: CellValue; place: Place }>();
  for (const r of rowsOf(parameterSheet)) {
    const written = required(r, 'nama', 'Nama', problems);
    const v = r.cell('nilai');
    if (!written) continue;
    // Labels (`Jumlah kata minimal`) and keys (`minWords`) alike (workbookLabels.ts).
    const paramName = parameterKey(written);
    const iidKey = iidParameterKey(paramName);
    if (iidKey) {
      // The IID section's single values (docs/spec/iid.md): checked with its indicators.
      if (iidParameters.has(iidKey))
        problems.push(
          problemAt(r.place, {
            id: `parameter «${paramName}» disebut dua kali`,
            en: `parameter «${paramName}» is given twice`,
          }),
        );
      iidParameters.set(iidKey, { value: v, place: r.place });
      continue;
    }
    if (paramName === 'nama' || paramName === 'tahunJadwal') {
      const once = paramName === 'nama' ? referenceName : scheduleYear;
      if (once !== null)
        problems.push(
          problemAt(
            r.place,
            say((t) => t.parameterTwice(written)),
          ),
        );
      else if (paramName === 'nama')
        referenceName = { text: required(r, 'nilai', written, problems), place: r.place };
      else scheduleYear = { year: year(r, 'nilai', written, problems), place: r.place };
      continue;
    }
    if (normalise(paramName) === normalise('tingkatWajib')) {
      // The level required for consolidation lives among the parameters (one value, no sheet of its own).
      if (tingkatWajib !== null)
        problems.push(
          problemAt(
            r.place,
            say((t) => t.parameterTwice('tingkatWajib')),
          ),
        );
      tingkatWajib = r.text('nilai');
      wajibPlace = r.place;
      if (!tingkatWajib)
        problems.push(
          problemAt(
            r.place,
            say((t) => t.valueEmptyFor('tingkatWajib')),
          ),
        );
      continue;
    }
    if (isBlank(v)) {
      problems.push(
        problemAt(
          r.place,
          say((t) => t.valueEmptyFor(paramName)),
        ),
      );
      continue;
    }
    // Whole numbers typed as text count as numbers; anything else goes on as text.
    const value =
      typeof v === 'string' && /^\s*\d+\s*$/.test(v)
        ? Number(v.trim())
        : typeof v === 'number'
          ? v
          : r.text('nilai');
    parameterInputs.push({
      name: paramName,
      value: paramName.startsWith('severity') ? severityValue(value) : value,
      place: r.place,
    });
  }
  // The reference's own name (`Nama Referensi`); a workbook written before that row existed is named by `name`.
  const nama = referenceName ? referenceName.text : name.trim();
  if ((referenceName === null || referenceName.text) && (!nama || nama.includes('@')))
    problems.push(
      problemAt(
        referenceName?.place ?? workbookPlace,
        say((t) => t.workbookName),
      ),
    );
  const { parameters, problems: parameterProblems } = buildParameters(parameterInputs);
  problems.push(...parameterProblems);

  const signoff = readSignoffSheets(tingkatSheet, jadwalSheet, problems, {
    scheduleYear,
    zonaWaktu,
    zonaPlace,
    tingkatWajib,
    wajibPlace,
    workbookPlace,
  });

  const fallback = nomenklatur ?? EMBEDDED_NOMENCLATURE;
  const bidang: readonly BidangUrusan[] = bidangSheet
    ? bidangSheet.rows.map((r) => {
        const n = required(r, 'nama', 'Nama', problems);
        return {
          kode: required(r, 'kode', 'Kode', problems),
          nama: n,
          singkat: r.text('singkat') || shortBidangName(n),
        };
      })
    : fallback.bidang;
  const nomenklaturProgram: readonly ProgramNomenklatur[] = nomProgramSheet
    ? nomProgramSheet.rows.map((r) => ({
        kode: required(r, 'kode', 'Kode', problems),
        nama: required(r, 'nama', 'Nama', problems),
      }))
    : fallback.program;

  if (problems.length) return { ok: false, problems };

  const placesOf = (read: ReadSheet | null): Place[] => rowsOf(read).map((r) => r.place);
  const places: Partial<Record<EntityKind, Place[]>> = {
    misi: placesOf(misiSheet),
    tujuan: placesOf(tujuanSheet),
    sasaran: placesOf(sasaranSheet),
    program: placesOf(programSheet),
    opd: placesOf(opdSheet),
    ...(bidangSheet ? { bidang: placesOf(bidangSheet) } : {}),
    ...(nomProgramSheet ? { nomenklaturProgram: placesOf(nomProgramSheet) } : {}),
  };
  const locate: Locate = (kind, index) =>
    places[kind]?.[index] ??
    // A nomenclature that did not come from this workbook: name it by its own row.
    rowPlace(
      kind === 'bidang' ? 'nomenklatur.bidang' : 'nomenklatur.program',
      say((t) => t.entity[kind === 'bidang' ? 'bidang' : 'nomenklaturProgram']),
      index + 1,
    );

  return finishReference(
    {
      nama,
      daerah,
      periode,
      periodePlace,
      visi,
      misi,
      tujuan,
      sasaran,
      program,
      opd,
      nomenklatur: { bidang, program: nomenklaturProgram },
      parameter: parameters,
      signoff,
      iid:
        iidSheet || iidParameters.size
          ? draftIidFromSheet(
              rowsOf(iidSheet),
              iidParameters,
              iidSheet ? rowPlace(iidSheet.sheet.name, sheetLabel(iidSheet.sheet), 1) : workbookPlace,
            )
          : null,
    },
    locate,
  );
}

/** A deadline cell: a real date, or text `YYYY-MM-DD` (checked later with the JSON form's check). */
function dayText(row: DataRow, key: string, header: string, problems: ReferenceProblem[]): string {
  const v = row.cell(key);
  if (isDateCell(v)) return serialToIso(Math.floor(v.serial)) ?? '';
  if (typeof v === 'number') {
    problems.push(
      problemAt(
        row.place,
        say((t) => t.mustBeDate(header, v)),
      ),
    );
    return '';
  }
  return required(row, key, header, problems);
}

/** The `Tingkat` and `Jadwal` sheets (both optional: without them, the default levels and no schedule). */
function readSignoffSheets(
  tingkatSheet: ReadSheet | null,
  jadwalSheet: ReadSheet | null,
  problems: ReferenceProblem[],
  o: {
    scheduleYear: { year: number; place: Place } | null;
    zonaWaktu: string | null;
    zonaPlace: Place;
    tingkatWajib: string | null;
    wajibPlace: Place;
    workbookPlace: Place;
  },
): DraftSignoff {
  const tingkat = tingkatSheet
    ? tingkatSheet.rows.map((r) => ({
        level: {
          kunci: required(r, 'kunci', 'Kunci', problems),
          label: required(r, 'label', 'Label', problems),
          labelEn: required(r, 'labelEn', 'Label EN', problems),
        },
        place: r.place,
      }))
    : null;
  const tingkatPlace = tingkatSheet
    ? rowPlace(tingkatSheet.sheet.name, sheetLabel(tingkatSheet.sheet), 1)
    : o.workbookPlace;
  // Levels are written by their label (`Disetujui Kepala OPD`) and read by key or either label.
  const levels = tingkat ? tingkat.map((t) => t.level) : DEFAULT_TINGKAT;

  let jadwal: DraftSignoff['jadwal'] = null;
  const rows = jadwalSheet?.rows ?? [];
  if (rows.length || o.scheduleYear) {
    let tahun: number | null = o.scheduleYear?.year ?? null;
    let tahunPlace: Place = o.scheduleYear?.place ?? rows[0].place;
    const batas = rows.map((r) => {
      const entry = {
        tingkat: levelKey(required(r, 'tingkat', 'Tingkat', problems), levels),
        batas: dayText(r, 'batas', 'Batas', problems),
        place: r.place,
      };
      if (!isBlank(r.cell('tahun'))) {
        const y = year(r, 'tahun', 'Tahun', problems);
        if (tahun === null) [tahun, tahunPlace] = [y, r.place];
        else if (y !== tahun)
          problems.push(
            problemAt(
              r.place,
              say((t) => t.scheduleOneYear(y, tahun!)),
            ),
          );
      }
      return entry;
    });
    // Without `Tahun Jadwal` (or a Tahun column) the schedule's year is the year of its first deadline.
    tahun ??= Number(batas.find((b) => /^\d{4}-/.test(b.batas))?.batas.slice(0, 4) ?? 0);
    jadwal = { tahun, tahunPlace, batas };
  }
  const tingkatWajib = o.tingkatWajib === null ? null : levelKey(o.tingkatWajib, levels);
  return {
    zonaWaktu: o.zonaWaktu,
    zonaPlace: o.zonaPlace,
    tingkat,
    tingkatPlace,
    tingkatWajib,
    wajibPlace: o.wajibPlace,
    jadwal,
  };
}

/** A sheet to write: plain values, header in row 1. Codes are strings and must be written as text. */
export interface ReferenceSheet {
  readonly name: string;
  readonly rows: (string | number | null)[][];
}

const headers = (columns: readonly ColumnSpec[]): string[] => columns.map((c) => c.header);
const joinList = (items: readonly string[]): string => items.join('; ');

/** The reference as workbook sheets (the inverse of referenceFromGrid). */
export function referenceToGrid(ref: Reference): ReferenceSheet[] {
  const { rpjmd } = ref;
  const years = new Set<string>();
  for (let y = rpjmd.periode.mulai; y <= rpjmd.periode.akhir; y++) years.add(String(y));
  for (const p of rpjmd.program) for (const y of Object.keys(p.target ?? {})) years.add(y);
  const targetYears = [...years].sort();

  const sheets: ReferenceSheet[] = [
    {
      name: REFERENCE_SHEETS.daerah,
      rows: [
        headers(COLUMNS.daerah),
        [
          ref.daerah.nama,
          ref.daerah.kode,
          rpjmd.periode.mulai,
          rpjmd.periode.akhir,
          rpjmd.visi,
          ref.daerah.zonaWaktu,
        ],
      ],
    },
    {
      name: REFERENCE_SHEETS.opd,
      rows: [
        headers(COLUMNS.opd),
        ...ref.opd.map((o) => [o.kode, o.nama, joinList(o.alias), joinList(o.bidang)]),
      ],
    },
    {
      name: REFERENCE_SHEETS.misi,
      rows: [headers(COLUMNS.misi), ...rpjmd.misi.map((m) => [m.kode, m.uraian, m.singkat ?? null])],
    },
    {
      name: REFERENCE_SHEETS.tujuan,
      rows: [headers(COLUMNS.tujuan), ...rpjmd.tujuan.map((t) => [t.kode, t.misi, t.uraian])],
    },
    {
      name: REFERENCE_SHEETS.sasaran,
      rows: [headers(COLUMNS.sasaran), ...rpjmd.sasaran.map((s) => [s.kode, s.tujuan, s.uraian])],
    },
    {
      name: REFERENCE_SHEETS.program,
      rows: [
        [...headers(COLUMNS.program), ...targetYears.map((y) => `Target ${y}`)],
        ...rpjmd.program.map((p) => [
          p.kode,
          p.nama,
          joinList(p.sasaran),
          joinList(p.opd),
          p.indikator ?? null,
          p.satuan ?? null,
          ...targetYears.map((y) => p.target?.[y] ?? null),
        ]),
      ],
    },
    {
      name: REFERENCE_SHEETS.parameter,
      rows: [
        headers(COLUMNS.parameter),
        // Labels a planner reads (workbookLabels.ts); the reference's name first, so that it keeps its id.
        [META_PARAMETERS.nama, ref.nama],
        [PARAMETER_LABELS.minWords, ref.parameter.minWords],
        [PARAMETER_LABELS.namaMin, ref.parameter.namaMin],
        [PARAMETER_LABELS.namaMax, ref.parameter.namaMax],
        [PARAMETER_LABELS.headerSearchRows, ref.parameter.headerSearchRows],
        [META_PARAMETERS.tingkatWajib, levelText(ref.tingkatWajib, ref.tingkatPersetujuan)],
        ...(ref.jadwal ? [[META_PARAMETERS.tahunJadwal, ref.jadwal.tahun]] : []),
        ...(ref.parameter.jenisRegulasi
          ? [[PARAMETER_LABELS.jenisRegulasi, ref.parameter.jenisRegulasi.join('; ')]]
          : []),
        ...(ref.iid ? iidParameterRows(ref.iid) : []),
        ...Object.entries(ref.parameter.severity)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([rule, level]) => [severityLabel(rule), SEVERITY_WORDS[level]]),
      ],
    },
  ];
  sheets.push({
    name: REFERENCE_SHEETS.tingkat,
    rows: [headers(COLUMNS.tingkat), ...ref.tingkatPersetujuan.map((t) => [t.kunci, t.label, t.labelEn])],
  });
  if (ref.jadwal) {
    const { batas } = ref.jadwal;
    sheets.push({
      name: REFERENCE_SHEETS.jadwal,
      // Deadlines as text `YYYY-MM-DD` (read back as text or as a date a planner types).
      // The year is the Parameter row `Tahun Jadwal` (a schedule with no deadline yet keeps it too).
      rows: [
        headers(COLUMNS.jadwal).filter((h) => h !== 'Tahun'),
        ...Object.entries(batas).map(([tingkat, day]) => [levelText(tingkat, ref.tingkatPersetujuan), day]),
      ],
    });
  }
  if (ref.iid) {
    sheets.push({
      name: REFERENCE_SHEETS.iidIndikator,
      rows: [headers(COLUMNS.iidIndikator), ...iidSheetRows(ref.iid)],
    });
  }
  if (!isEmbeddedNomenclature(ref.nomenklatur)) {
    sheets.push(
      {
        name: REFERENCE_SHEETS.nomenklaturBidang,
        rows: [
          headers(COLUMNS.nomenklaturBidang),
          ...ref.nomenklatur.bidang.map((b) => [b.kode, b.nama, b.singkat]),
        ],
      },
      {
        name: REFERENCE_SHEETS.nomenklaturProgram,
        rows: [headers(COLUMNS.nomenklaturProgram), ...ref.nomenklatur.program.map((p) => [p.kode, p.nama])],
      },
    );
  }
  return sheets;
}
