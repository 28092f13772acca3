#!/usr/bin/env node
/**
 * Writes a corpus of files the xlsx reader must refuse, each with the cause it must give
 * (docs/spec/consolidation.md, KON-03; limits: docs/limits.md). Every file is small; the zip bombs are
 * ~300 KB of deflate that expand past 300 MB, and too-many-cells.xlsx is ~350 KB holding a sheet of
 * 1,048,576 rows × 5 cells, so they are generated (by tests into a temp folder), not committed.
 *
 *   node scripts/generate-bad-files.js [folder]     (default: test/fixtures/bad-files/)
 *
 * also writes the readable hostile files of issue 15 into `folder/hostile/` (`generateHostileFiles`).
 *
 * `generateBadFiles(folder)` returns the list `{ name, file, cause }`. `largeSheetXlsx(pieces)`
 * builds a one-sheet workbook from the `<sheetData>` content given piece by piece, for the limit
 * tests (a sheet of a million rows is never held whole in memory).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MB = 1024 * 1024;
/** Just past the reader's 300 MB expansion limit. */
const BOMB_MB = 301;
const ENCRYPTED_SOURCE = path.join(__dirname, '..', 'test', 'fixtures', 'real-world', 'encryptAES.xlsx');

function generateBadFiles(folder) {
  fs.mkdirSync(folder, { recursive: true });
  const sheetData = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2024</v></c></row>';
  const valid = xlsxParts({ sheets: [sheetData], sharedStrings: ['<si><t>Sistem Antrian Online</t></si>'] });
  const corpus = [
    ['legacy.xls', 'legacyXls', compoundFile(['Workbook'])],
    ['renamed-csv.xlsx', 'notXlsx', 'No;Nama Inovasi;Tahun\n1;Sistem Antrian Online;2024\n'],
    [
      'renamed-pdf.xlsx',
      'notXlsx',
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    ],
    ['text.xlsx', 'notXlsx', 'Daftar inovasi daerah Kota Bitung tahun 2024.\n'],
    ['truncated.xlsx', 'corrupt', halfOf(writeZip(valid))],
    ['empty.xlsx', 'empty', new Uint8Array(0)],
    ['encrypted.xlsx', 'encrypted', fs.readFileSync(ENCRYPTED_SOURCE)],
    ['zip-bomb.xlsx', 'expandsTooLarge', zipBomb({ honest: true })],
    ['zip-bomb-lying.xlsx', 'expandsTooLarge', zipBomb({ honest: false })],
    [
      'entity-expansion.xlsx',
      'corrupt',
      writeZip(xlsxParts({ sheets: [sheetData], sharedStringsXml: billionLaughs() })),
    ],
    ['no-worksheet.xlsx', 'noWorksheet', writeZip(xlsxParts({ sheets: [] }))],
    ['too-many-cells.xlsx', 'tooManyCells', millionRowsOfFiveCells()],
    ...refusedLookalikes(),
  ];
  return corpus.map(([name, cause, content]) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    return { name, file, cause };
  });
}

/**
 * Small files that are readable but hostile (issue 15): each must give one report, within ~10 s and
 * ~500 MB, exit 1, no crash. Returns `{ name, file, expect }`, `expect` naming a rule the report
 * must show (`KON-03` for those the engine refuses as holding too much text in all).
 */
function generateHostileFiles(folder) {
  fs.mkdirSync(folder, { recursive: true });
  const longString = 'x'.repeat(32767);
  const files = [
    // 500 rows whose 31 cells all reference one shared string of Excel's maximum length.
    ['long-shared-string.xlsx', 'KON-03', submissionXlsx({ rows: 500, sharedString: longString })],
    // One row, one shared string of 16 million characters.
    ['huge-shared-string.xlsx', 'KON-03', submissionXlsx({ rows: 1, sharedString: 'y'.repeat(16 * MB) })],
    // One row of 31 cells sharing one 32,767-character string: validated, values quoted shortened.
    ['long-values-one-row.xlsx', 'FMT-06', submissionXlsx({ rows: 1, sharedString: longString })],
    // 100 rows × 31 cells sharing one 32,767-character string.
    ['shared-string-grid.xlsx', 'KON-03', submissionXlsx({ rows: 100, sharedString: longString })],
    // 50,000 rows (the row limit) with only Nama Inovasi filled: ~700,000 findings without a budget.
    ['only-names.xlsx', 'FMT-01', submissionXlsx({ rows: 50_000, onlyNames: true })],
    // 40,000 string items each holding an unterminated phonetic run.
    [
      'unterminated-rph.xlsx',
      'STR-01',
      unterminatedXlsx({ sst: '<si><t>a</t><rPh sb="0" eb="1"><t>b</t></si>' }),
    ],
    // 40,000 inline-string cells whose <is> is never closed.
    ['unterminated-is.xlsx', 'STR-01', unterminatedXlsx({ cell: '<c t="inlineStr"><is><t>a</t></c>' })],
    // 40,000 values opening a CDATA section that never ends.
    ['unterminated-cdata.xlsx', 'STR-01', unterminatedXlsx({ cell: '<c t="str"><v><![CDATA[a</v></c>' })],
    // 40,000 comments opened in string items and never closed there.
    ['unterminated-comment.xlsx', 'STR-01', unterminatedXlsx({ sst: '<si><!-- <t>a</t></si>' })],
    // Tahun Pelaporan is a formula Excel never computed: no <v>.
    ['formula-no-result.xlsx', 'FMT-09', submissionXlsx({ rows: 1, tahunCell: '<f>2025+1</f>' })],
  ];
  return files.map(([name, expect, content]) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, content);
    return { name, file, expect };
  });
}

/** Files the reader must refuse although their first bytes or their zip look plausible (issue 15). */
function refusedLookalikes() {
  const sheetData = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';
  const parts = xlsxParts({ sheets: [sheetData], sharedStrings: ['<si><t>Siap</t></si>'] });
  const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml');
  const other = deflatedEntry(
    sheet.name,
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
      'utf8',
    ),
  );
  return [
    ['duplicate-entry.xlsx', 'corrupt', writeZip([...parts, other])],
    ['biff2.xls', 'legacyXls', biffStream(0x0009)],
    ['biff3.xls', 'legacyXls', biffStream(0x0209)],
    ['biff4.xls', 'legacyXls', biffStream(0x0409)],
    [
      'encrypted-legacy.xls',
      'encrypted',
      compoundFile(['Workbook'], { Workbook: biff8Globals({ filePass: true }) }),
    ],
  ];
}

/** A BIFF2–4 worksheet file: BOF (of the given record type, worksheet), one number cell, EOF. */
function biffStream(bofType) {
  const bof = Buffer.alloc(bofType === 0x0009 ? 8 : 10);
  bof.writeUInt16LE(bofType, 0);
  bof.writeUInt16LE(bof.length - 4, 2);
  bof.writeUInt16LE(bofType === 0x0009 ? 0x0002 : 0x0000, 4);
  bof.writeUInt16LE(0x0010, 6); // worksheet
  const eof = Buffer.from([0x0a, 0x00, 0x00, 0x00]);
  return Buffer.concat([bof, eof]);
}

/** The start of a BIFF8 workbook stream: BOF (globals), FILEPASS (RC4) when encrypted, padding, EOF. */
function biff8Globals({ filePass }) {
  const bof = Buffer.alloc(20);
  bof.writeUInt16LE(0x0809, 0);
  bof.writeUInt16LE(16, 2);
  bof.writeUInt16LE(0x0600, 4);
  bof.writeUInt16LE(0x0005, 6); // workbook globals
  const records = [bof];
  if (filePass) {
    const pass = Buffer.alloc(4 + 54);
    pass.writeUInt16LE(0x002f, 0);
    pass.writeUInt16LE(54, 2);
    pass.writeUInt16LE(1, 4); // RC4
    pass.writeUInt16LE(1, 6);
    pass.writeUInt16LE(1, 8);
    records.push(pass);
  }
  const codepage = Buffer.from([0x42, 0x00, 0x02, 0x00, 0xb0, 0x04]);
  records.push(codepage, Buffer.from([0x0a, 0x00, 0x00, 0x00]));
  const stream = Buffer.concat(records);
  return Buffer.concat([stream, Buffer.alloc(4096 - stream.length)]); // past the mini-stream cutoff
}

/** A workbook with `Identitas` and `Inovasi` sheets (inline strings; rows share one string). */
function submissionXlsx({ rows, sharedString, onlyNames = false, tahunCell = '<v>2026</v>' }) {
  const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const identitas =
    `<row r="1">${inline('A1', 'Perangkat Daerah')}${inline('B1', 'Dinas Kesehatan')}</row>` +
    `<row r="2">${inline('A2', 'Tahun Pelaporan')}<c r="B2">${tahunCell}</c></row>` +
    `<row r="3">${inline('A3', 'Nama Penanggung Jawab')}${inline('B3', 'Maria Lumowa')}</row>`;
  const labels = LABELS.slice(0, 31);
  const header = `<row r="1">${labels.map((l, i) => inline(columnName(i) + '1', l)).join('')}</row>`;
  const body = [];
  for (let r = 2; r < rows + 2; r++) {
    if (onlyNames)
      body.push(`<row r="${r}"><c r="B${r}" t="inlineStr"><is><t>Inovasi nomor ${r}</t></is></c></row>`);
    else if (sharedString !== undefined)
      body.push(
        `<row r="${r}">${labels.map((_, i) => `<c r="${columnName(i)}${r}" t="s"><v>0</v></c>`).join('')}</row>`,
      );
    else body.push(`<row r="${r}">${inline('B' + r, 'Posyandu Digital Bitung Sehat')}</row>`);
  }
  const sst = sharedString === undefined ? [] : [`<si><t>${sharedString}</t></si>`];
  return writeZip(
    xlsxParts({
      sheets: [identitas, header + body.join('')],
      sheetNames: ['Identitas', 'Inovasi'],
      sharedStrings: sst,
    }),
  );
}

/** 40,000 copies of a broken construct, in the shared strings (`sst`) or in the cells (`cell`). */
function unterminatedXlsx({ sst, cell }) {
  const count = 40_000;
  const sharedStrings = sst ? [sst.repeat(count)] : [];
  const sheetData = cell
    ? `<row r="1">${cell.repeat(count)}</row>`
    : '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';
  return writeZip(xlsxParts({ sheets: [sheetData], sharedStrings }));
}

/** The template's column labels in order (as in src/engine/schema.ts). */
const LABELS = [
  'No',
  'Nama Inovasi',
  'Tahapan Inovasi',
  'Inisiator',
  'Nama Inisiator',
  'Jenis Inovasi',
  'Bentuk Inovasi',
  'Urusan Pemerintahan',
  'Kode Program RPJMD',
  'Target Tahun Penerapan',
  'Tanggal Uji Coba',
  'Tanggal Penerapan',
  'Dasar Hukum',
  'Nomor SOP',
  'Permasalahan',
  'Rancang Bangun',
  'Tujuan',
  'Manfaat',
  'Hasil Inovasi',
  'Anggaran (Rp)',
  'Sumber Anggaran',
  'Replikasi',
  'Sumber Replikasi',
  'Jumlah Penerima Manfaat',
  'Tautan Data Dukung',
  'SP Persyaratan',
  'SP Prosedur',
  'SP Jangka Waktu (hari)',
  'SP Biaya/Tarif (Rp)',
  'SP Produk Layanan',
  'SP Penanganan Pengaduan',
  'Status Validasi',
];

function columnName(index) {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The deflated parts of a minimal workbook; `sheets` are the contents of each `<sheetData>`. */
function xlsxParts({ sheets, sharedStrings = [], sharedStringsXml, sheetNames = [] }) {
  const sheetsXml = sheets.map(
    (data) =>
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>${data}</sheetData></worksheet>`,
  );
  const sheetList = sheetsXml
    .map(
      (_, i) => `<sheet name="${sheetNames[i] ?? `Sheet${i + 1}`}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    )
    .join('');
  const sheetRels = sheetsXml
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const parts = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetList}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${sheetRels}<Relationship Id="rIdSst" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    [
      'xl/sharedStrings.xml',
      sharedStringsXml ??
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${sharedStrings.join('')}</sst>`,
    ],
    ...sheetsXml.map((xml, i) => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ];
  return parts.map(([name, text]) => deflatedEntry(name, Buffer.from(text, 'utf8')));
}

function deflatedEntry(name, data) {
  return { name, data: zlib.deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * A workbook whose sheet inflates to 301 MB of blanks from ~300 KB. Deflate segments that end
 * with a full flush are byte-aligned and independent, so one compressed megabyte is repeated.
 * `honest`: the zip declares the real size (caught before inflating); otherwise it declares
 * 4 KB and only the running byte count while inflating can catch it.
 */
function zipBomb({ honest }) {
  const fullFlush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const head = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>`,
    'utf8',
  );
  const blanks = Buffer.alloc(MB, 0x20);
  const blankSegment = zlib.deflateRawSync(blanks, fullFlush);
  const finalEmptyBlock = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
  const segments = [zlib.deflateRawSync(head, fullFlush)];
  for (let i = 0; i < BOMB_MB; i++) segments.push(blankSegment);
  segments.push(finalEmptyBlock);

  let crc = crc32(head);
  for (let i = 0; i < BOMB_MB; i++) crc = crc32(blanks, crc);
  const realSize = head.length + BOMB_MB * MB;
  const sheet = {
    name: 'xl/worksheets/sheet1.xml',
    data: Buffer.concat(segments),
    crc,
    size: honest ? realSize : 4096,
  };
  const parts = xlsxParts({ sheets: [''] }).filter((e) => e.name !== sheet.name);
  return writeZip([...parts, sheet]);
}

/**
 * 1,048,576 rows (Excel's maximum) of 5 cells each: 5.2 million cells, past the reader's budget of
 * 5 million. Rows and cells carry no `r` (they are placed by position, as the format allows), so
 * every block of 1,024 rows is the same and is compressed once: ~350 KB on disk, 90 MB expanded,
 * under the 300 MB expansion limit, so it is the cell budget that refuses it.
 */
function millionRowsOfFiveCells() {
  const row = `<row>${'<c><v>1</v></c>'.repeat(5)}</row>`;
  return largeSheetXlsx(repeat(row.repeat(1024), 1024), { level: 9 });
}

function* repeat(piece, times) {
  for (let i = 0; i < times; i++) yield piece;
}

/**
 * A one-sheet workbook (sheet `Inovasi`) whose `<sheetData>` content comes in `pieces` (strings).
 * Each piece is deflated on its own and ends with a full flush, so the pieces concatenate into one
 * valid deflate stream and no piece needs the others in memory; a piece equal to the previous one
 * reuses its compressed bytes.
 */
function largeSheetXlsx(pieces, { level = 1 } = {}) {
  const options = { finishFlush: zlib.constants.Z_FULL_FLUSH, level };
  const head = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>`,
    'utf8',
  );
  const tail = Buffer.from('</sheetData></worksheet>', 'utf8');
  const segments = [zlib.deflateRawSync(head, options)];
  let crc = crc32(head);
  let size = head.length;
  let previous = null;
  let previousSegment = null;
  for (const piece of pieces) {
    const bytes = Buffer.from(piece, 'utf8');
    if (piece !== previous) {
      previous = piece;
      previousSegment = zlib.deflateRawSync(bytes, options);
    }
    segments.push(previousSegment);
    crc = crc32(bytes, crc);
    size += bytes.length;
  }
  segments.push(zlib.deflateRawSync(tail)); // the final block
  crc = crc32(tail, crc);
  size += tail.length;
  const name = 'xl/worksheets/sheet1.xml';
  const sheet = { name, data: Buffer.concat(segments), crc, size };
  const parts = xlsxParts({ sheets: [''], sheetNames: ['Inovasi'] }).filter((e) => e.name !== name);
  return writeZip([...parts, sheet]);
}

/** Ten levels of ten references: 10^9 "lol"s if a parser expanded them. */
function billionLaughs() {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [${entities.join('')}]><sst xmlns="${MAIN_NS}"><si><t>&lol9;</t></si></sst>`;
}

function halfOf(bytes) {
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

/** A zip of deflated entries, sizes as each entry declares them (`size`), not as they are. */
function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const FREE_SECTOR = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

/**
 * A minimal OLE compound file (MS-CFB, version 3): header, one FAT sector, one directory sector
 * holding a root entry and the named streams — what an old .xls looks like from outside. A stream
 * is empty unless `contents` gives its bytes (at least 4,096, so they live in ordinary sectors).
 */
function compoundFile(streamNames, contents = {}) {
  const sector = 512;
  const dataSectors = streamNames.map((n) => Math.ceil((contents[n]?.length ?? 0) / sector));
  const file = Buffer.alloc(sector * (3 + dataSectors.reduce((a, b) => a + b, 0)));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x003e, 24); // minor version
  file.writeUInt16LE(3, 26); // major version
  file.writeUInt16LE(0xfffe, 28); // byte order
  file.writeUInt16LE(9, 30); // 512-byte sectors
  file.writeUInt16LE(6, 32); // 64-byte mini sectors
  file.writeUInt32LE(1, 44); // FAT sectors
  file.writeUInt32LE(1, 48); // first directory sector
  file.writeUInt32LE(4096, 56); // mini stream cutoff
  file.writeUInt32LE(END_OF_CHAIN, 60); // no mini FAT
  file.writeUInt32LE(END_OF_CHAIN, 68); // no DIFAT sectors
  file.writeUInt32LE(0, 76); // the FAT is sector 0
  for (let i = 1; i < 109; i++) file.writeUInt32LE(FREE_SECTOR, 76 + i * 4);

  const fat = sector;
  for (let i = 0; i < sector / 4; i++) file.writeUInt32LE(FREE_SECTOR, fat + i * 4);
  file.writeUInt32LE(FAT_SECTOR, fat);
  file.writeUInt32LE(END_OF_CHAIN, fat + 4);

  // Stream data from sector 2 on, each stream's sectors chained one after the other.
  const starts = [];
  let next = 2;
  streamNames.forEach((name, i) => {
    const count = dataSectors[i];
    starts.push(count ? next : END_OF_CHAIN);
    if (!count) return;
    contents[name].copy(file, (next + 1) * sector);
    for (let s = 0; s < count; s++)
      file.writeUInt32LE(s + 1 < count ? next + s + 1 : END_OF_CHAIN, fat + (next + s) * 4);
    next += count;
  });

  const names = ['Root Entry', ...streamNames].slice(0, 4);
  const directory = sector * 2;
  for (let i = 0; i < 4; i++) {
    const at = directory + i * 128;
    file.writeUInt32LE(NO_STREAM, at + 68);
    file.writeUInt32LE(NO_STREAM, at + 72);
    file.writeUInt32LE(NO_STREAM, at + 76);
    if (i >= names.length) continue;
    file.write(names[i], at, 'utf16le');
    file.writeUInt16LE((names[i].length + 1) * 2, at + 64);
    file.writeUInt8(i === 0 ? 5 : 2, at + 66); // root storage, then streams
    file.writeUInt8(1, at + 67); // black
    file.writeUInt32LE(i === 0 ? END_OF_CHAIN : starts[i - 1], at + 116);
    file.writeUInt32LE(i === 0 ? 0 : (contents[names[i]]?.length ?? 0), at + 120);
    // Siblings as a simple chain: root → first stream → next stream…
    if (i === 0 && names.length > 1) file.writeUInt32LE(1, at + 76);
    if (i > 0 && i + 1 < names.length) file.writeUInt32LE(i + 1, at + 72);
  }
  return file;
}

/** CRC-32 as zip stores it (Node's zlib has it from 20.15, the engines floor in package.json). */
const crc32 = (bytes, previous = 0) => zlib.crc32(bytes, previous);

module.exports = {
  generateBadFiles,
  generateHostileFiles,
  largeSheetXlsx,
  compoundFile,
  biff8Globals,
  biffStream,
  writeZip,
  xlsxParts,
  deflatedEntry,
};

if (require.main === module) {
  const folder = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'test', 'fixtures', 'bad-files'));
  for (const { file, cause } of generateBadFiles(folder)) {
    console.log(`${path.relative(process.cwd(), file)}\t${fs.statSync(file).size} bytes\texpected: ${cause}`);
  }
  for (const { file, expect } of generateHostileFiles(path.join(folder, 'hostile'))) {
    console.log(
      `${path.relative(process.cwd(), file)}\t${fs.statSync(file).size} bytes\texpected: ${expect}`,
    );
  }
}
