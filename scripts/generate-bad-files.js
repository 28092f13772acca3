#!/usr/bin/env node
/**
 * Writes a corpus of files the xlsx reader must refuse, each with the cause it must give
 * (spec: consolidation.md, KON-03; limits: docs/limits.md). Every file is small; the zip bombs are
 * ~300 KB of deflate that expand past 300 MB, and too-many-cells.xlsx is ~350 KB holding a sheet of
 * 1,048,576 rows × 5 cells, so they are generated (by tests into a temp folder), not committed.
 *
 *   node scripts/generate-bad-files.js [folder]     (default: test/fixtures/bad-files/)
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
  ];
  return corpus.map(([name, cause, content]) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    return { name, file, cause };
  });
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
 * holding a root entry and the named (empty) streams — what an old .xls looks like from outside.
 */
function compoundFile(streamNames) {
  const sector = 512;
  const file = Buffer.alloc(sector * 3);
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
    file.writeUInt32LE(END_OF_CHAIN, at + 116);
    // Siblings as a simple chain: root → first stream → next stream…
    if (i === 0 && names.length > 1) file.writeUInt32LE(1, at + 76);
    if (i > 0 && i + 1 < names.length) file.writeUInt32LE(i + 1, at + 72);
  }
  return file;
}

/** CRC-32 as zip stores it (Node's zlib has it from 20.15, the engines floor in package.json). */
const crc32 = (bytes, previous = 0) => zlib.crc32(bytes, previous);

module.exports = { generateBadFiles, largeSheetXlsx };

if (require.main === module) {
  const folder = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'test', 'fixtures', 'bad-files'));
  for (const { file, cause } of generateBadFiles(folder)) {
    console.log(`${path.relative(process.cwd(), file)}\t${fs.statSync(file).size} bytes\texpected: ${cause}`);
  }
}
