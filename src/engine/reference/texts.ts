/**
 * The words of a reference's problems (load.ts, workbook.ts), one table per language:
 * `ReferenceTexts` lists every text, so a text missing in either language fails to compile.
 * `say` gives one in both languages, as a ReferenceProblem keeps it; a parameter that is itself in
 * both languages (a place, a type word) is picked with the `lang` that `say` passes.
 */
import { Bilingual, Lang, inBoth } from '../messages';

/** What a JSON value is, or what a field should be. */
export type ValueKind = 'null' | 'list' | 'text' | 'number' | 'boolean' | 'object' | 'year' | 'textList';

/** The things a reference lists, as a place names them. */
export type EntityWord = 'misi' | 'tujuan' | 'sasaran' | 'program' | 'opd' | 'bidang' | 'nomenklaturProgram';

export interface ReferenceTexts {
  // Places
  readonly entity: Readonly<Record<EntityWord, string>>;
  row(what: string, row: number): string;
  withCode(label: string, code: string): string;
  readonly reference: string;
  referenceField(name: string): string;
  readonly parameter: string;
  readonly periode: string;
  readonly tingkat: string;
  schedule(tingkat: string): string;
  readonly nomenclatureFile: string;
  readonly nomenclature: string;
  readonly workbook: string;
  sheet(name: string): string;
  readonly kind: Readonly<Record<ValueKind, string>>;

  // Parameters
  severityForm(name: string): string;
  unknownParameter(name: string): string;
  parameterTwice(name: string): string;
  wholeNumber(name: string, min: number, got: string): string;
  severityLevel(rule: string, got: string): string;
  namaMinMax(min: number, max: number): string;
  severityObject(got: string): string;

  // Sign-off levels and the schedule
  unknownZone(zone: string): string;
  levelCount(max: number, n: number): string;
  readonly levelKeyForm: string;
  levelKeyUsed(where: string): string;
  levelLabelUsed(field: string, label: string, where: string): string;
  noSuchRule(key: string): string;
  wajibUnknown(wajib: string, known: string): string;
  scheduleYear(tahun: number): string;
  deadlineTwice(tingkat: string, where: string): string;
  levelUndefined(tingkat: string, known: string): string;
  deadlineNotDate(batas: string): string;
  deadlinesAscend(batas: string, tingkat: string, prevBatas: string, prevTingkat: string): string;
  deadlineText(got: string): string;
  scheduleOneYear(year: number, tahun: number): string;

  // The RPJMD and the OPDs
  periodReversed(mulai: number, akhir: number): string;
  periodTooLong(mulai: number, akhir: number, max: number): string;
  codeUsed(where: string): string;
  codeUsedOnRow(row: number): string;
  readonly notBidangCode: string;
  readonly notProgramCode: string;
  notCode(raw: string, kind: 'bidang' | 'program'): string;
  doesNotExist(what: 'misi' | 'tujuan' | 'sasaran', code: string): string;
  responsibleOpdMissing(opd: string): string;
  readonly notInNomenclature: string;
  bidangNotInNomenclature(bidang: string): string;
  opdNameClash(text: string, other: string, where: string): string;

  // Fields of the JSON form
  required(field: string, expected: string): string;
  mustBe(field: string, expected: string, got: string): string;
  atLeastOneCode(field: string): string;
  listEmpty(field: string): string;
  mustBeObject(got: string): string;
  targetObject(got: string): string;
  targetYear(year: string): string;
  targetValue(year: string, got: string): string;
  referenceObject(got: string): string;
  readonly nameAt: string;

  // The nomenclature CSV files
  readonly fileEmpty: string;
  readonly csvHeader: string;
  readonly nameEmpty: string;

  // The reference workbook
  columnTwice(column: string): string;
  columnMissing(column: string): string;
  holdsError(column: string, code: string): string;
  holdsDate(column: string): string;
  empty(column: string): string;
  mustBeYear(column: string): string;
  mustBeDate(column: string, value: number): string;
  readonly workbookName: string;
  sheetMissing(sheet: string): string;
  readonly noDataRow: string;
  readonly daerahOneRow: string;
  valueEmptyFor(parameter: string): string;
}

const id: ReferenceTexts = {
  entity: {
    misi: 'Misi',
    tujuan: 'Tujuan',
    sasaran: 'Sasaran',
    program: 'Program',
    opd: 'OPD',
    bidang: 'Nomenklatur bidang',
    nomenklaturProgram: 'Nomenklatur program',
  },
  row: (what, row) => `${what} baris ${row}`,
  withCode: (label, code) => `${label} (kode ${code})`,
  reference: 'Referensi',
  referenceField: (name) => `Referensi «${name}»`,
  parameter: 'Parameter',
  periode: 'Periode RPJMD',
  tingkat: 'Tingkat persetujuan',
  schedule: (tingkat) => `Jadwal «${tingkat}»`,
  nomenclatureFile: 'Berkas nomenklatur',
  nomenclature: 'Nomenklatur',
  workbook: 'Buku kerja referensi',
  sheet: (name) => `Lembar ${name}`,
  kind: {
    null: 'null',
    list: 'daftar',
    text: 'teks',
    number: 'angka',
    boolean: 'benar/salah',
    object: 'objek',
    year: 'tahun (bilangan bulat)',
    textList: 'daftar teks',
  },

  severityForm: (name) => `«${name}»: tingkat harus ditulis severity.ID-ATURAN, mis. severity.STR-06`,
  unknownParameter: (name) =>
    `parameter «${name}» tidak dikenal (yang dikenal: minWords, namaMin, namaMax, headerSearchRows, jenisRegulasi, severity.ID-ATURAN)`,
  parameterTwice: (name) => `parameter «${name}» disebut dua kali`,
  wholeNumber: (name, min, got) => `«${name}» harus bilangan bulat ≥ ${min}, bukan ${got}`,
  severityLevel: (rule, got) => `tingkat untuk ${rule} harus error, warning, info atau off, bukan ${got}`,
  namaMinMax: (min, max) => `namaMin (${min}) lebih besar dari namaMax (${max})`,
  severityObject: (got) => `isian «severity» harus objek {ID-ATURAN: tingkat}, bukan ${got}`,

  unknownZone: (zone) => `zona waktu «${zone}» tidak dikenal (nama IANA, mis. Asia/Makassar)`,
  levelCount: (max, n) => `tingkat persetujuan harus 1 sampai ${max}, bukan ${n}`,
  levelKeyForm: 'kunci tingkat harus diawali huruf dan hanya memuat huruf, angka, _ atau - (mis. kepalaOpd)',
  levelKeyUsed: (where) => `kunci tingkat sudah dipakai (${where})`,
  levelLabelUsed: (field, label, where) => `${field} «${label}» sudah dipakai tingkat lain (${where})`,
  noSuchRule: (key) => `aturan ${key} tidak ada (lihat docs/rules.md)`,
  wajibUnknown: (wajib, known) =>
    `tingkatWajib «${wajib}» bukan tingkat persetujuan yang didefinisikan (${known})`,
  scheduleYear: (tahun) => `tahun jadwal ${tahun} bukan tahun antara 2000 dan 2100`,
  deadlineTwice: (tingkat, where) => `tingkat «${tingkat}» sudah diberi batas (${where})`,
  levelUndefined: (tingkat, known) => `tingkat «${tingkat}» tidak didefinisikan (${known})`,
  deadlineNotDate: (batas) => `batas «${batas}» bukan tanggal YYYY-MM-DD yang sah`,
  deadlinesAscend: (batas, tingkat, prevBatas, prevTingkat) =>
    `batas ${batas} untuk «${tingkat}» lebih awal dari batas ${prevBatas} untuk «${prevTingkat}» (tingkat sebelumnya); batas harus naik menurut urutan tingkat`,
  deadlineText: (got) => `batas harus teks YYYY-MM-DD, bukan ${got}`,
  scheduleOneYear: (year, tahun) =>
    `«Tahun» ${year} berbeda dengan ${tahun} di baris sebelumnya; satu jadwal untuk satu tahun`,

  periodReversed: (mulai, akhir) => `periode RPJMD mulai ${mulai} sesudah akhir ${akhir}`,
  periodTooLong: (mulai, akhir, max) => `periode RPJMD ${mulai}–${akhir} lebih dari ${max} tahun`,
  codeUsed: (where) => `kode sudah dipakai (${where})`,
  codeUsedOnRow: (row) => `kode sudah dipakai di baris ${row}`,
  notBidangCode: 'bukan kode bidang urusan (mis. 1.02)',
  notProgramCode: 'bukan kode program (mis. 1.02.02)',
  notCode: (raw, kind) =>
    `«${raw}» bukan kode ${kind === 'bidang' ? 'bidang urusan (mis. 1.02)' : 'program (mis. 1.02.02)'}`,
  doesNotExist: (what, code) => `${what} «${code}» tidak ada`,
  responsibleOpdMissing: (opd) => `OPD penanggung jawab «${opd}» tidak ada`,
  notInNomenclature: 'kode tidak ada dalam nomenklatur',
  bidangNotInNomenclature: (bidang) => `bidang urusan «${bidang}» tidak ada dalam nomenklatur`,
  opdNameClash: (text, other, where) =>
    `nama atau alias «${text}» sama dengan «${other}» (${where}) setelah dinormalisasi`,

  required: (field, expected) => `isian «${field}» wajib diisi (${expected})`,
  mustBe: (field, expected, got) => `isian «${field}» harus ${expected}, bukan ${got}`,
  atLeastOneCode: (field) => `isian «${field}» wajib berisi sedikitnya satu kode`,
  listEmpty: (field) => `daftar «${field}» kosong`,
  mustBeObject: (got) => `harus objek, bukan ${got}`,
  targetObject: (got) => `isian «target» harus objek {tahun: nilai}, bukan ${got}`,
  targetYear: (year) => `target «${year}» bukan tahun`,
  targetValue: (year, got) => `target ${year} harus angka atau teks, bukan ${got}`,
  referenceObject: (got) => `berkas referensi harus objek JSON, bukan ${got}`,
  nameAt: 'nama referensi tidak boleh memuat «@» (dipakai dalam id referensi)',

  fileEmpty: 'berkas kosong',
  csvHeader: 'baris judul harus memuat kolom kode dan nama',
  nameEmpty: 'nama kosong',

  columnTwice: (column) => `kolom «${column}» muncul lebih dari sekali`,
  columnMissing: (column) => `kolom «${column}» tidak ada`,
  holdsError: (column, code) => `«${column}» berisi galat ${code}`,
  holdsDate: (column) => `«${column}» berisi tanggal, bukan teks`,
  empty: (column) => `«${column}» kosong`,
  mustBeYear: (column) => `«${column}» harus tahun (bilangan bulat)`,
  mustBeDate: (column, value) => `«${column}» harus tanggal, bukan angka ${value}`,
  workbookName: 'nama referensi wajib diisi dan tidak boleh memuat «@»',
  sheetMissing: (sheet) => `Lembar «${sheet}» tidak ada`,
  noDataRow: 'tidak ada baris data di bawah judul',
  daerahOneRow: 'lembar Daerah hanya boleh berisi satu baris data',
  valueEmptyFor: (parameter) => `«Nilai» untuk «${parameter}» kosong`,
};

const en: ReferenceTexts = {
  entity: {
    misi: 'Misi',
    tujuan: 'Tujuan',
    sasaran: 'Sasaran',
    program: 'Program',
    opd: 'OPD',
    bidang: 'Bidang nomenclature',
    nomenklaturProgram: 'Program nomenclature',
  },
  row: (what, row) => `${what} row ${row}`,
  withCode: (label, code) => `${label} (code ${code})`,
  reference: 'Reference',
  referenceField: (name) => `Reference «${name}»`,
  parameter: 'Parameter',
  periode: 'RPJMD period',
  tingkat: 'Sign-off level',
  schedule: (tingkat) => `Schedule «${tingkat}»`,
  nomenclatureFile: 'Nomenclature file',
  nomenclature: 'Nomenclature',
  workbook: 'Reference workbook',
  sheet: (name) => `Sheet ${name}`,
  kind: {
    null: 'null',
    list: 'a list',
    text: 'text',
    number: 'a number',
    boolean: 'a boolean',
    object: 'an object',
    year: 'a year (whole number)',
    textList: 'a list of texts',
  },

  severityForm: (name) => `«${name}»: a severity override is written severity.RULE-ID, e.g. severity.STR-06`,
  unknownParameter: (name) =>
    `unknown parameter «${name}» (known: minWords, namaMin, namaMax, headerSearchRows, jenisRegulasi, severity.RULE-ID)`,
  parameterTwice: (name) => `parameter «${name}» is given twice`,
  wholeNumber: (name, min, got) => `«${name}» must be a whole number ≥ ${min}, not ${got}`,
  severityLevel: (rule, got) => `the severity of ${rule} must be error, warning, info or off, not ${got}`,
  namaMinMax: (min, max) => `namaMin (${min}) is greater than namaMax (${max})`,
  severityObject: (got) => `field «severity» must be an object {RULE-ID: level}, not ${got}`,

  unknownZone: (zone) => `unknown time zone «${zone}» (an IANA name, e.g. Asia/Makassar)`,
  levelCount: (max, n) => `there must be 1 to ${max} sign-off levels, not ${n}`,
  levelKeyForm: 'a level key starts with a letter and holds only letters, digits, _ or - (e.g. kepalaOpd)',
  levelKeyUsed: (where) => `level key already used (${where})`,
  levelLabelUsed: (field, label, where) => `${field} «${label}» is already another level's (${where})`,
  noSuchRule: (key) => `there is no rule ${key} (see docs/rules.md)`,
  wajibUnknown: (wajib, known) => `tingkatWajib «${wajib}» is not a defined sign-off level (${known})`,
  scheduleYear: (tahun) => `schedule year ${tahun} is not a year between 2000 and 2100`,
  deadlineTwice: (tingkat, where) => `level «${tingkat}» already has a deadline (${where})`,
  levelUndefined: (tingkat, known) => `level «${tingkat}» is not defined (${known})`,
  deadlineNotDate: (batas) => `deadline «${batas}» is not a valid YYYY-MM-DD date`,
  deadlinesAscend: (batas, tingkat, prevBatas, prevTingkat) =>
    `deadline ${batas} of «${tingkat}» is earlier than ${prevBatas} of «${prevTingkat}» (the level before); deadlines must ascend in level order`,
  deadlineText: (got) => `the deadline must be a YYYY-MM-DD text, not ${got}`,
  scheduleOneYear: (year, tahun) =>
    `«Tahun» ${year} differs from ${tahun} above; one schedule is for one year`,

  periodReversed: (mulai, akhir) => `the RPJMD period starts (${mulai}) after it ends (${akhir})`,
  periodTooLong: (mulai, akhir, max) => `the RPJMD period ${mulai}–${akhir} is longer than ${max} years`,
  codeUsed: (where) => `code already used (${where})`,
  codeUsedOnRow: (row) => `code already used on row ${row}`,
  notBidangCode: 'not a bidang urusan code (e.g. 1.02)',
  notProgramCode: 'not a program code (e.g. 1.02.02)',
  notCode: (raw, kind) =>
    `«${raw}» is not a ${kind === 'bidang' ? 'bidang urusan code (e.g. 1.02)' : 'program code (e.g. 1.02.02)'}`,
  doesNotExist: (what, code) => `${what} «${code}» does not exist`,
  responsibleOpdMissing: (opd) => `responsible OPD «${opd}» does not exist`,
  notInNomenclature: 'code not in the nomenclature',
  bidangNotInNomenclature: (bidang) => `bidang urusan «${bidang}» not in the nomenclature`,
  opdNameClash: (text, other, where) =>
    `name or alias «${text}» equals «${other}» (${where}) after normalisation`,

  required: (field, expected) => `field «${field}» is required (${expected})`,
  mustBe: (field, expected, got) => `field «${field}» must be ${expected}, not ${got}`,
  atLeastOneCode: (field) => `field «${field}» must hold at least one code`,
  listEmpty: (field) => `the list «${field}» is empty`,
  mustBeObject: (got) => `must be an object, not ${got}`,
  targetObject: (got) => `field «target» must be an object {year: value}, not ${got}`,
  targetYear: (year) => `target «${year}» is not a year`,
  targetValue: (year, got) => `target ${year} must be a number or text, not ${got}`,
  referenceObject: (got) => `a reference file must be a JSON object, not ${got}`,
  nameAt: 'the reference name must not contain «@» (the reference id uses it)',

  fileEmpty: 'the file is empty',
  csvHeader: 'the header row must have kode and nama columns',
  nameEmpty: 'the name is empty',

  columnTwice: (column) => `column «${column}» appears more than once`,
  columnMissing: (column) => `column «${column}» is missing`,
  holdsError: (column, code) => `«${column}» holds the error ${code}`,
  holdsDate: (column) => `«${column}» holds a date, not text`,
  empty: (column) => `«${column}» is empty`,
  mustBeYear: (column) => `«${column}» must be a year (whole number)`,
  mustBeDate: (column, value) => `«${column}» must be a date, not the number ${value}`,
  workbookName: 'the reference name is required and must not contain «@»',
  sheetMissing: (sheet) => `Sheet «${sheet}» is missing`,
  noDataRow: 'there is no data row below the header',
  daerahOneRow: 'the Daerah sheet must hold one data row only',
  valueEmptyFor: (parameter) => `«Nilai» for «${parameter}» is empty`,
};

export const REFERENCE_TEXTS: Readonly<Record<Lang, ReferenceTexts>> = { id, en };

/** One reference text in both languages: `say((t) => t.codeUsed(where.label[lang]))`. */
export const say = (pick: (texts: ReferenceTexts, lang: Lang) => string): Bilingual =>
  inBoth(REFERENCE_TEXTS, pick);
