/**
 * Seeded mutations of valid workbooks at three levels: the archive's bytes, the XML text of its
 * parts, and the values of its cells. Every choice comes from the PRNG, so a seed replays exactly.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CellValue, DateCell } from '../../src/engine/grid';

const dateCell = (serial: number): DateCell => ({ kind: 'date', serial });

/** mulberry32: a tiny, good-enough 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type Parts = Record<string, Uint8Array>;

export function unzipParts(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

export function zipPartsOf(parts: Parts, rnd: Random): Uint8Array {
  return zipSync(parts, { level: rnd.pick([0, 1, 6] as const) });
}

// ---------------------------------------------------------------------------------------------
// (a) archive bytes

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function put32(b: Uint8Array, at: number, v: number): void {
  if (at < 0 || at + 4 > b.length) return;
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

/** Offsets of the end record and of each central directory record, when they can be found. */
function zipLayout(b: Uint8Array): { eocd: number; central: number[] } {
  let eocd = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (u32(b, at) === EOCD) {
      eocd = at;
      break;
    }
  }
  const central: number[] = [];
  if (eocd >= 0) {
    let at = u32(b, eocd + 16);
    while (at + 46 <= b.length && u32(b, at) === CENTRAL) {
      central.push(at);
      at +=
        46 +
        (b[at + 28] | (b[at + 29] << 8)) +
        (b[at + 30] | (b[at + 31] << 8)) +
        (b[at + 32] | (b[at + 33] << 8));
    }
  }
  return { eocd, central };
}

const INTERESTING_U32 = [0, 1, 0xffff, 0x7fffffff, 0xffffffff, 0xfffffffe, 300 * 1024 * 1024, 4096];

type ByteMutation = (b: Uint8Array, rnd: Random) => [Uint8Array, string];

const BYTE_MUTATIONS: ByteMutation[] = [
  (b, rnd) => {
    const out = b.slice();
    const n = rnd.between(1, 16);
    for (let i = 0; i < n; i++) out[rnd.int(out.length)] = rnd.int(256);
    return [out, `set ${n} random bytes`];
  },
  (b, rnd) => {
    const out = b.slice();
    const at = rnd.int(out.length);
    out[at] ^= 1 << rnd.int(8);
    return [out, `flip a bit at ${at}`];
  },
  (b, rnd) => {
    const at = rnd.int(b.length + 1);
    const junk = Uint8Array.from({ length: rnd.between(1, 64) }, () => rnd.int(256));
    return [concat(b.subarray(0, at), junk, b.subarray(at)), `insert ${junk.length} bytes at ${at}`];
  },
  (b, rnd) => {
    const at = rnd.int(b.length);
    const n = rnd.between(1, 256);
    return [concat(b.subarray(0, at), b.subarray(at + n)), `delete ${n} bytes at ${at}`];
  },
  (b, rnd) => {
    const at = rnd.int(b.length);
    return [b.slice(0, at), `truncate at ${at}`];
  },
  (b, rnd) => {
    const { eocd } = zipLayout(b);
    const out = b.slice();
    const from = eocd >= 0 ? Math.max(0, u32(b, eocd + 16)) : 0;
    const start = Math.min(from, out.length - 1);
    const n = rnd.between(1, 8);
    for (let i = 0; i < n; i++) out[start + rnd.int(out.length - start)] = rnd.int(256);
    return [out, `set ${n} bytes in the central directory`];
  },
  (b, rnd) => {
    const { central } = zipLayout(b);
    const out = b.slice();
    if (central.length === 0) return [out, 'no central directory'];
    const at = rnd.pick(central);
    const field = rnd.pick([
      ['compressed size', 20],
      ['size', 24],
      ['local offset', 42],
      ['name length', 28],
      ['extra length', 30],
    ] as const);
    const value = rnd.pick(INTERESTING_U32);
    if (field[0] === 'name length' || field[0] === 'extra length') {
      out[at + field[1]] = value & 0xff;
      out[at + field[1] + 1] = (value >>> 8) & 0xff;
    } else {
      put32(out, at + field[1], value);
    }
    return [out, `central ${field[0]} = ${value}`];
  },
  (b, rnd) => {
    const { eocd } = zipLayout(b);
    const out = b.slice();
    if (eocd < 0) return [out, 'no end record'];
    const field = rnd.pick([
      ['entries', 10],
      ['directory size', 12],
      ['directory offset', 16],
    ] as const);
    const value = rnd.pick(INTERESTING_U32);
    if (field[1] === 10) {
      out[eocd + 8] = out[eocd + 10] = value & 0xff;
      out[eocd + 9] = out[eocd + 11] = (value >>> 8) & 0xff;
    } else {
      put32(out, eocd + field[1], value);
    }
    return [out, `end record ${field[0]} = ${value}`];
  },
  (b, rnd) => {
    const { central } = zipLayout(b);
    const out = b.slice();
    if (central.length === 0) return [out, 'no central directory'];
    const at = rnd.pick(central);
    const method = rnd.pick([0, 1, 9, 12, 14, 99, 0xffff]);
    out[at + 10] = method & 0xff;
    out[at + 11] = method >>> 8;
    return [out, `central compression method = ${method}`];
  },
  (b, rnd) => {
    const { central } = zipLayout(b);
    const out = b.slice();
    if (central.length === 0) return [out, 'no central directory'];
    out[rnd.pick(central) + 8] |= 1;
    return [out, 'encryption flag set on one entry'];
  },
  (b, rnd) =>
    rnd.chance(0.5)
      ? [concat(b, b), 'archive twice']
      : [concat(strToU8('MZ junk before the zip'), b), 'junk prefix'],
];

export function mutateArchive(bytes: Uint8Array, rnd: Random): [Uint8Array, string] {
  let out = bytes;
  const notes: string[] = [];
  for (let i = rnd.between(1, 2); i > 0; i--) {
    const [next, note] = rnd.pick(BYTE_MUTATIONS)(out, rnd);
    out = next.length ? next : out;
    notes.push(note);
  }
  return [out, notes.join('; ')];
}

function concat(...chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// (b) XML text of parts

const HUGE_REFS = [
  'XFE1',
  'A1048577',
  'XFD1048576',
  `${'Z'.repeat(40)}1`,
  `A${'9'.repeat(40)}`,
  'A0',
  '$B$3',
  'b2',
  '1A',
  '',
  'A-1',
  'AAAA99999999',
];
const ATTRIBUTES = [
  () => `r="${HUGE_REFS[0]}"`,
  (rnd: Random) => `r="${rnd.pick(HUGE_REFS)}"`,
  (rnd: Random) => `t="${rnd.pick(['e', 's', 'd', 'b', 'str', 'inlineStr', 'n', 'x', ''])}"`,
  (rnd: Random) => `s="${rnd.pick(['99999999', '-1', '1.5', '', '0x1', '1e3'])}"`,
  () => 'xml:space="preserve"',
  (rnd: Random) => `r:id="${rnd.pick(['rId1', 'rId999', '', 'rId1 rId2'])}"`,
  (rnd: Random) => `state="${rnd.pick(['hidden', 'veryHidden', 'x'])}"`,
  () => 'date1904="1"',
  () => '__proto__="polluted"',
  () => 'constructor="x"',
  () => "single='quoted'",
  () => 'novalue',
  () => `Target="${'../'.repeat(20)}x.xml"`,
  () => 'TargetMode="External"',
  () => `numFmtId="${'9'.repeat(20)}"`,
];
const INSERTS = [
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
  '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
  '&a;',
  '&#0;',
  '&#x110000;',
  '&#xD800;',
  '&#99999999999;',
  '&amp',
  '<![CDATA[<c r="A1"><v>1</v></c>]]>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?pi x?>',
  '<?',
  '<',
  '>',
  '/>',
  '</',
  '"',
  "'",
  '=',
  '<c r="A1"><v>1</v></c>',
  '<row r="0">',
  '</sheetData>',
  '<sheetData>',
  '<si>',
  '</sst>',
  '<x:c r="A1"/>',
  '_x0000_',
  '_xD800_',
  '\u0000',
  '\uFFFE',
  '\uD800',
];
const INVALID_UTF8: number[][] = [
  [0xc3, 0x28],
  [0xff],
  [0xfe, 0xff],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xc0, 0xaf],
  [0xe2, 0x82],
  [0x00],
  [0x00, 0x00, 0x00],
];

type TextMutation = (xml: string, rnd: Random) => [string, string];

function randomTag(xml: string, rnd: Random): [number, number] | null {
  for (let tries = 0; tries < 20; tries++) {
    const lt = xml.indexOf('<', rnd.int(xml.length));
    if (lt < 0) continue;
    const gt = xml.indexOf('>', lt);
    if (gt > lt) return [lt, gt + 1];
  }
  return null;
}

function randomIndexOf(xml: string, needle: string, rnd: Random): number {
  const at = xml.indexOf(needle, rnd.int(xml.length));
  return at >= 0 ? at : xml.indexOf(needle);
}

const TEXT_MUTATIONS: TextMutation[] = [
  (xml, rnd) => {
    const at = randomIndexOf(xml, '>', rnd);
    return at < 0 ? [xml, 'no >'] : [xml.substring(0, at) + xml.substring(at + 1), `delete > at ${at}`];
  },
  (xml, rnd) => {
    const at = randomIndexOf(xml, '<', rnd);
    return at < 0 ? [xml, 'no <'] : [xml.substring(0, at) + xml.substring(at + 1), `delete < at ${at}`];
  },
  (xml, rnd) => {
    const tag = randomTag(xml, rnd);
    if (!tag) return [xml, 'no tag'];
    const copies = rnd.pick([2, 3, 50, 2000]);
    return [
      xml.substring(0, tag[0]) + xml.substring(tag[0], tag[1]).repeat(copies) + xml.substring(tag[0]),
      `tag ×${copies}`,
    ];
  },
  (xml, rnd) => {
    const doctype = rnd.pick(INSERTS.slice(0, 2));
    const decl = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
    const at = rnd.chance(0.7) ? decl : rnd.int(xml.length);
    return [xml.substring(0, at) + doctype + xml.substring(at), `DOCTYPE at ${at}`];
  },
  (xml, rnd) => {
    const tag = randomTag(xml, rnd);
    if (!tag) return [xml, 'no tag'];
    const nameEnd = xml.substring(tag[0]).search(/[\s/>]/) + tag[0];
    const attribute = rnd.pick(ATTRIBUTES)(rnd);
    return [xml.substring(0, nameEnd) + ' ' + attribute + xml.substring(nameEnd), `attribute ${attribute}`];
  },
  (xml, rnd) => {
    const refs = [...xml.matchAll(/ r="[^"]*"/g)];
    if (refs.length === 0) return [xml, 'no r'];
    const m = rnd.pick(refs);
    const ref = rnd.pick(HUGE_REFS);
    return [xml.substring(0, m.index) + ` r="${ref}"` + xml.substring(m.index + m[0].length), `r="${ref}"`];
  },
  (xml, rnd) => {
    const at = rnd.int(xml.length + 1);
    const insert = rnd.pick(INSERTS);
    return [xml.substring(0, at) + insert + xml.substring(at), `insert ${JSON.stringify(insert)} at ${at}`];
  },
  (xml, rnd) => {
    const at = rnd.int(xml.length);
    return [xml.substring(0, at), `cut at ${at}`];
  },
  (xml, rnd) => {
    const closes = [...xml.matchAll(/<\/[^>]*>/g)];
    if (closes.length === 0) return [xml, 'no end tag'];
    const m = rnd.pick(closes);
    return [xml.substring(0, m.index) + xml.substring(m.index + m[0].length), `remove ${m[0]}`];
  },
  (xml, rnd) => {
    const a = randomTag(xml, rnd);
    const b = randomTag(xml, rnd);
    if (!a || !b || a[1] > b[0]) return [xml, 'no two tags'];
    return [
      xml.substring(0, a[0]) +
        xml.substring(b[0], b[1]) +
        xml.substring(a[1], b[0]) +
        xml.substring(a[0], a[1]) +
        xml.substring(b[1]),
      'swap tags',
    ];
  },
  (xml, rnd) => {
    const at = rnd.int(xml.length);
    const depth = rnd.pick([100, 10000]);
    const open = rnd.pick(['<c>', '<row>', '<si>', '<is>', '<t>', '<r>']);
    return [xml.substring(0, at) + open.repeat(depth) + xml.substring(at), `${open} ×${depth}`];
  },
  (xml, rnd) => {
    const numbers = [...xml.matchAll(/>(-?\d+(?:\.\d+)?)</g)];
    if (numbers.length === 0) return [xml, 'no number'];
    const m = rnd.pick(numbers);
    const value = rnd.pick([
      '1e308',
      '1e309',
      '-0',
      'NaN',
      '99999999999999999999999',
      '-1',
      '4294967296',
      '0.1e-400',
    ]);
    return [
      xml.substring(0, m.index + 1) + value + xml.substring(m.index + 1 + m[1].length),
      `number ${m[1]} → ${value}`,
    ];
  },
  (xml, rnd) => {
    const rows = [...xml.matchAll(/<row\b[^>]*>[\s\S]*?<\/row>/g)];
    if (rows.length === 0) return [xml, 'no row'];
    const m = rnd.pick(rows);
    const copies = rnd.pick([2, 100, 3000]);
    return [
      xml.substring(0, m.index) + m[0].repeat(copies) + xml.substring(m.index + m[0].length),
      `row ×${copies}`,
    ];
  },
  (xml, rnd) => {
    const at = rnd.int(xml.length);
    const n = rnd.between(1, 200);
    return [xml.substring(0, at) + xml.substring(at + n), `delete ${n} chars at ${at}`];
  },
  (xml, rnd) => {
    // Prefix every element of the part (x:c), or only some of them.
    const all = rnd.chance(0.5);
    let i = 0;
    const out = xml.replace(/<(\/?)([a-zA-Z])/g, (whole, slash: string, first: string) =>
      all || i++ % 3 === 0 ? `<${slash}x:${first}` : whole,
    );
    return [out, all ? 'prefix every element' : 'prefix some elements'];
  },
];

/** XML-level mutation of one part (by its text; some insert bytes that are not UTF-8). */
export function mutateXml(parts: Parts, rnd: Random): [Parts, string] {
  const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));
  const weighted = names.flatMap((n) =>
    /worksheets\/|sharedStrings|workbook\.xml$/.test(n) ? [n, n, n] : [n],
  );
  const name = rnd.pick(weighted);
  const out = { ...parts };
  const notes: string[] = [];
  if (rnd.chance(0.15)) {
    const bytes = parts[name];
    const at = rnd.int(bytes.length + 1);
    const insert = Uint8Array.from(rnd.pick(INVALID_UTF8));
    out[name] = concat(bytes.subarray(0, at), insert, bytes.subarray(at));
    notes.push(`bytes ${[...insert].map((b) => b.toString(16)).join(' ')} at ${at}`);
  } else {
    let xml = strFromU8(parts[name]);
    for (let i = rnd.between(1, 3); i > 0; i--) {
      const [next, note] = rnd.pick(TEXT_MUTATIONS)(xml, rnd);
      xml = next;
      notes.push(note);
    }
    out[name] = strToU8(xml);
  }
  return [out, `${name}: ${notes.join('; ')}`];
}

// ---------------------------------------------------------------------------------------------
// (c) cell values

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Long strings stop at 5,000 characters here: the engine's nearest-value hints cost time in
 * proportion to the length (a 32,767-character value in an enumerated column takes seconds under
 * Jest), which is reported on its own; 32,767 and 100,000 characters are in limits.test.ts.
 */
const STRINGS: ((rnd: Random) => string)[] = [
  (rnd) => 'Inovasi Digital '.repeat(320).substring(0, rnd.pick([201, 2000, 5000])),
  () => 'نظام الخدمة الإلكترونية للمواطنين',
  () => 'מערכת תורים מקוונת',
  () => '\u202EnasaL\u202C Sistem',
  () => '👩‍👩‍👧‍👦🇮🇩 Layanan 🏥💉',
  () => 'Pelayanan\u0301\u0302\u0303\u0304 Terpadu' + '\u0300'.repeat(500),
  () => 'Inovasi\u200B\u200D\uFEFF\u00A0Zero Width',
  () => '\uD800 lone surrogate \uDFFF',
  () => '_x0000_ _xD800_ _x005F_x0041_',
  () => '   ',
  () => '-',
  () => '',
  () => 'Rp 1,5 juta',
  () => '1.500.000',
  () => 'NaN',
  () => 'Infinity',
  () => '1e308',
  () => '123456789012345678901234567890',
  () => '=HYPERLINK("http://contoh.go.id","klik")',
  () => '#REF!',
  () => '31/02/2024',
  () => '2026-02-29',
  () => '12 Maret 2025',
  () => 'javascript:alert(1)',
  () => 'https://',
  () => 'Penerapan',
  () => 'Inisiatif',
  () => 'Dinas Kesehatan',
  () => '1.02.02 - PROGRAM',
  () => 'Ya',
  () => '{sebab} {nilai} {kolom}',
  (rnd) => rnd.pick(['constructor', '__proto__', 'toString', 'hasOwnProperty']),
  () => 'Line\r\nbreak\ttab',
  () => 'a'.repeat(300),
  (rnd) => String.fromCharCode(...Array.from({ length: 40 }, () => rnd.int(0xd7ff) + 1)),
];

const NUMBERS = [
  '1e308',
  '-0',
  'NaN',
  '1e309',
  '-1e309',
  '4.9e-324',
  '123456789012345678901234567890',
  '9007199254740993',
  '0x1F',
  ' 12 ',
  '1,5',
  '',
  '-45000',
  '2958466',
  '60',
  '0',
  '2026',
  '1.7976931348623157e308',
  '-1',
  '0.5',
  '45000.999999',
];

const CELLS: ((r: string, rnd: Random) => string)[] = [
  (r, rnd) =>
    `<c r="${r}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(rnd.pick(STRINGS)(rnd))}</t></is></c>`,
  (r, rnd) =>
    `<c r="${r}" t="inlineStr"><is><r><t>${escapeXml(rnd.pick(STRINGS)(rnd))}</t></r><r><rPr/><t>x</t></r><rPh><t>ふ</t></rPh></is></c>`,
  (r, rnd) => `<c r="${r}" t="str"><f>A1&amp;B1</f><v>${escapeXml(rnd.pick(STRINGS)(rnd))}</v></c>`,
  (r, rnd) => `<c r="${r}"${rnd.chance(0.5) ? ` s="${rnd.int(20)}"` : ''}><v>${rnd.pick(NUMBERS)}</v></c>`,
  (r, rnd) => `<c r="${r}" t="n"><f>1/0</f><v>${rnd.pick(NUMBERS)}</v></c>`,
  (r, rnd) =>
    `<c r="${r}" t="e"><v>${rnd.pick(['#DIV/0!', '#N/A', '#REF!', '#VALUE!', '#NAME?', '#NULL!', '#NUM!', '#GETTING_DATA', '', '#FOO'])}</v></c>`,
  (r, rnd) => `<c r="${r}" t="e"><f>VLOOKUP(A1,Z:Z,2,0)</f><v>${rnd.pick(['#N/A', '#REF!'])}</v></c>`,
  (r, rnd) => `<c r="${r}" t="b"><v>${rnd.pick(['1', '0', 'true', 'FALSE', '2', '', 'ya'])}</v></c>`,
  (r, rnd) =>
    `<c r="${r}" t="d"><v>${rnd.pick(['2024-02-30', '9999-12-31T23:59:59Z', '0000-01-01', '2024-13-01', '24:00', '25:61', '2026-10-01T10:00:00+07:00', '', '1900-02-29', '-2024-01-01'])}</v></c>`,
  (r, rnd) =>
    `<c r="${r}" s="${rnd.int(20)}"><v>${rnd.pick(['-1', '0', '1e10', '2958466', '60', '45000', '-0', '1e308'])}</v></c>`,
  (r, rnd) =>
    `<c r="${r}" t="s"><v>${rnd.pick(['0', '99999999', '-1', '1.5', '', ' 3 ', '4294967296'])}</v></c>`,
  (r) => `<c r="${r}"/>`,
  (r) => `<c r="${r}" t="s"/>`,
  (r) => `<c r="${r}"><v/></c>`,
  (r) => `<c r="${r}" t="inlineStr"/>`,
  (r) => `<c r="${r}" t="inlineStr"><is/></c>`,
];

/** Replaces 1–6 cells of the worksheets by values of every type and shape. */
export function mutateCells(parts: Parts, rnd: Random): [Parts, string] {
  const sheets = Object.keys(parts).filter((n) => /worksheets\/[^/]+\.xml$/.test(n));
  const out = { ...parts };
  const notes: string[] = [];
  for (let i = rnd.between(1, 6); i > 0; i--) {
    const name = rnd.pick(sheets);
    const xml = strFromU8(out[name]);
    const cells = [...xml.matchAll(/<c\b([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g)];
    if (cells.length === 0) continue;
    const m = rnd.pick(cells);
    const r = /\br="([^"]*)"/.exec(m[1])?.[1] ?? 'A1';
    const maker = rnd.int(CELLS.length);
    const cell = CELLS[maker](r, rnd);
    out[name] = strToU8(xml.substring(0, m.index) + cell + xml.substring(m.index + m[0].length));
    notes.push(
      `${name.replace(/.*\//, '')}!${r} ← ${cell.length > 80 ? `${cell.substring(0, 60)}…(${cell.length})` : cell}`,
    );
  }
  return [out, notes.join('; ')];
}

/**
 * `Waktu` at the edges of what JavaScript and the region's calendar can hold (issue 18): before
 * year 1000, year 0, negative and six-digit years, year 10000 in WITA, impossible days, far future.
 */
export const STAMP_DATES = [
  '0999-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0100-06-01T00:00:00Z',
  '1000-01-01',
  '1969-12-31T23:59:59Z',
  '1999-12-31T23:59:59Z',
  '2026-03-01T02:00:00Z',
  '2026-11-29T16:30:00Z',
  '2099-01-01T00:00:00Z',
  '9999-12-31T15:59:59Z',
  '9999-12-31T20:00:00Z',
  '9999-12-31',
  '9999-99-99',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-03-01T25:61:00',
  '',
  'kemarin',
];

const STAMP_LEVELS = [
  'penyusun',
  'kepalaOpd',
  'verifikator',
  'kepalaOpd:kembali',
  'penyusun:kembali',
  'constructor',
  '__proto__',
  'toString',
  'valueOf:kembali',
  ':kembali',
];

/** A version-2 `_stempel` sheet of 1–8 rows of every shape: levels, hashes, dates, counts and notes. */
export function stampSheetRows(rnd: Random, hash: string): CellValue[][] {
  const header = [
    'Tingkat',
    'Versi',
    'Hash Isi',
    'Waktu',
    'Versi Aturan',
    'Referensi',
    'Alat',
    'Galat',
    'Peringatan',
    'Diterima',
    'Oleh',
    'Jabatan',
    'Catatan',
  ];
  const rows: CellValue[][] = [header];
  for (let i = rnd.between(1, 8); i > 0; i--) {
    rows.push([
      rnd.pick(STAMP_LEVELS),
      2,
      rnd.chance(0.8) ? hash : 'sha256:' + '0'.repeat(64),
      // Now and then an Excel date-time someone retyped, at the edges of its serials.
      rnd.chance(0.15)
        ? dateCell(rnd.pick([-1e12, -1, 0, 2958465.99, 2958466, 1e15]))
        : rnd.pick(STAMP_DATES),
      '1',
      'bitung-contoh@x',
      'inovasi-daerah 1.0.0',
      rnd.pick([0, 0, 0, 1, -1, 'x', '']),
      0,
      0,
      rnd.pick(['Rina', '', 'constructor']),
      'Staf',
      rnd.pick(['', '', 'Lengkapi SOP', '__proto__']),
    ]);
  }
  return rows;
}
