import { dateCell, errorCell } from '../../src/engine/grid';
import {
  countWords,
  isEmail,
  isEmptyCell,
  parseDate,
  parseDays,
  parseInteger,
  parseMoney,
  parseUrl,
  parseYear,
} from '../../src/engine/values';
import { codePointLength, normalise } from '../../src/engine/text';

const ok = (value: unknown) => ({ kind: 'ok', value });
const bad = (rule: string) => ({ kind: 'bad', rule });

test('normalisation of the spec', () => {
  expect(normalise('Nama Inovasi *')).toBe('nama inovasi');
  expect(normalise('nama_inovasi:')).toBe('nama inovasi');
  expect(normalise('NAMA  INOVASI')).toBe('nama inovasi');
  expect(normalise('SP Biaya/Tarif (Rp)')).toBe('sp biaya tarif (rp)');
  expect(normalise('No.\u00a0HP :*')).toBe('no hp');
  expect(normalise('ＯＰＤ')).toBe('opd'); // NFKC folds full-width letters
});

test("the fast paths of normalisation give what the spec's steps give, on every kind of text", () => {
  // The spec's steps, written plainly: the reference the shortcuts (ASCII, no separator to rewrite) must match.
  const bySpec = (text: string) => {
    let s = text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\u00a0\u2007\u202f\-_/.]+/gu, ' ')
      .trim();
    while (s.endsWith(':') || s.endsWith('*')) s = s.slice(0, -1).trim();
    return s;
  };
  const pieces = [
    'a',
    'B',
    '1',
    ' ',
    '  ',
    '\t',
    '\n',
    '-',
    '_',
    '/',
    '.',
    ':',
    '*',
    '\u00a0',
    '\u2007',
    '\u202f',
    '\u3000',
    'Ｏ',
    'ﬁ',
    'é',
    'e\u0301',
    '𝒜',
    'İ',
  ];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let k = 0; k < 5000; k++) {
    const text = Array.from(
      { length: Math.floor(next() * 12) },
      () => pieces[Math.floor(next() * pieces.length)],
    ).join('');
    expect([text, normalise(text)]).toEqual([text, bySpec(text)]);
  }
});

test('code point length counts astral characters once and lone surrogates as one each', () => {
  expect(codePointLength('')).toBe(0);
  expect(codePointLength('abc')).toBe(3);
  expect(codePointLength('𝒜b𝒞')).toBe(3);
  expect(codePointLength('\ud800x\udc00')).toBe(3);
  expect(codePointLength('x\ud835')).toBe(2);
  for (const s of ['Inovasi 𝒜', '\udc00\ud800', 'é\u0301']) expect(codePointLength(s)).toBe([...s].length);
});

test('empty: nothing, whitespace, "-"; an error value is never empty', () => {
  expect([null, '', '   ', ' - ', '\u00a0'].every(isEmptyCell)).toBe(true);
  expect(isEmptyCell(errorCell('#N/A'))).toBe(false);
  expect(isEmptyCell(0)).toBe(false);
});

test.each([
  ['1 Januari 2025', '2025-01-01'],
  ['1 Agt 2024', '2024-08-01'],
  ['1 Ags 2024', '2024-08-01'],
  ['17 Agustus 2024', '2024-08-17'],
  ['3 mei 2024', '2024-05-03'],
  ['7 Des 2025', '2025-12-07'],
  ['7 Okt. 2025', '2025-10-07'],
  ['29 February 2024', '2024-02-29'],
  ['5/8/2024', '2024-08-05'],
  ['05-08-2024', '2024-08-05'],
  ['2024-8-5', '2024-08-05'],
])('date %s → %s', (text, iso) => {
  expect(parseDate(text)).toEqual(ok(iso));
});

test.each(['29/02/2023', '31 April 2024', '2024/08/05', '5 Agst 2024', 'kemarin', '08-05-24', '13/13/2024'])(
  'not a date: %s',
  (text) => {
    expect(parseDate(text)).toEqual(bad('FMT-03'));
  },
);

test('date cells and serials; error values', () => {
  expect(parseDate(dateCell(45672.75))).toEqual(ok('2025-01-15'));
  expect(parseDate(45672)).toEqual(ok('2025-01-15'));
  expect(parseDate(-3)).toEqual(bad('FMT-03'));
  expect(parseDate(errorCell('#REF!'))).toEqual(bad('FMT-03'));
});

test('money', () => {
  expect(parseMoney('Rp 1.500.000')).toEqual(ok(1500000));
  expect(parseMoney('rp. 2.000')).toEqual(ok(2000));
  expect(parseMoney('1.500.000,50')).toEqual(ok(1500000.5));
  expect(parseMoney('1.5')).toEqual(bad('FMT-04'));
  expect(parseMoney('Rp 1.50.000')).toEqual(bad('FMT-04'));
  expect(parseMoney(-1)).toEqual(bad('FMT-05'));
  expect(parseMoney('-Rp 5.000')).toEqual(bad('FMT-05'));
  expect(parseMoney(true)).toEqual(bad('FMT-04'));
  expect(parseMoney(dateCell(45000))).toEqual(bad('FMT-04'));
});

test('integers, years and days', () => {
  expect(parseInteger('1.250')).toEqual(ok(1250));
  expect(parseInteger('1,250')).toEqual(bad('FMT-04'));
  expect(parseInteger(3.5)).toEqual(bad('FMT-04'));
  expect(parseInteger(1e300)).toEqual(bad('FMT-04'));
  expect(parseYear(2100)).toEqual(ok(2100));
  expect(parseYear('2.026')).toEqual(ok(2026));
  expect(parseYear(2101)).toEqual(bad('FMT-04'));
  expect(parseDays('14 hari')).toEqual(ok(14));
  expect(parseDays('14 Hari')).toEqual(ok(14));
  expect(parseDays('dua minggu')).toEqual(bad('FMT-04'));
  expect(parseDays(0)).toEqual(ok(0));
});

test('URLs and e-mail', () => {
  expect(parseUrl(' https://bitungkota.go.id/a b ')).toEqual(bad('FMT-07'));
  expect(parseUrl('HTTPS://Bitungkota.go.id:8443/x?y=1#z')).toEqual(
    ok('HTTPS://Bitungkota.go.id:8443/x?y=1#z'),
  );
  expect(parseUrl(42)).toEqual(bad('FMT-07'));
  expect(isEmail('dinkes.bitung@gmail.com')).toBe(true);
  expect(isEmail('dinkes@bitung')).toBe(false);
  expect(isEmail('dinkes bitung@gmail.com')).toBe(false);
});

test('a URL reads the same through the ASCII fast check and the Unicode pattern', () => {
  // Non-ASCII hosts and paths go on to the Unicode pattern; ASCII ones the fast check settles.
  expect(parseUrl('https://dinas-kesehatan.bitungkota.go.id/bukti/1.pdf')).toEqual(
    ok('https://dinas-kesehatan.bitungkota.go.id/bukti/1.pdf'),
  );
  expect(parseUrl('https://kota-bitung.id/dokumen/penerimaan-bantuan-ñ.pdf')).toEqual(
    ok('https://kota-bitung.id/dokumen/penerimaan-bantuan-ñ.pdf'),
  );
  expect(parseUrl('https://pemkot-bitung.企业/a')).toEqual(ok('https://pemkot-bitung.企业/a'));
  expect(parseUrl('https://ſ.id')).toEqual(ok('https://ſ.id')); // a letter, though not an ASCII one
  expect(parseUrl('https://user@bitungkota.go.id')).toEqual(ok('https://user@bitungkota.go.id'));
  for (const badUrl of [
    'https://-bitung.go.id',
    'https://bitung-.go.id',
    'https://',
    'ftp://bitung.go.id',
    'https://bitung..id',
  ])
    expect(parseUrl(badUrl)).toEqual(bad('FMT-07'));
});

test('words are runs of letters or digits', () => {
  expect(countWords('Layanan KTP-el 24 jam, gratis!')).toBe(6);
  expect(countWords('Pelayanan—cepat')).toBe(2);
  expect(countWords('  ')).toBe(0);
});

test('word counting handles letters beyond ASCII and astral characters, and stops at a limit', () => {
  expect(countWords('Ñandú café 𝒜𝒷 日本語 x1')).toBe(5);
  expect(countWords('a b c d e', 3)).toBe(3);
  expect(countWords('naïve', 10)).toBe(1);
});

test('the fast "at least n words" check agrees with counting, on every kind of text', () => {
  const { hasAtLeastWords } = jest.requireActual('../../src/engine/values');
  const pieces = ['a', 'B', '1', 'é', '日', '𝒜', ' ', '-', ',', '\n', '\u0301', '.', '_'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let k = 0; k < 3000; k++) {
    const text = Array.from(
      { length: Math.floor(next() * 30) },
      () => pieces[Math.floor(next() * pieces.length)],
    ).join('');
    for (const min of [0, 1, 2, 3, 5])
      expect([text, min, hasAtLeastWords(text, min)]).toEqual([text, min, countWords(text, min) >= min]);
  }
  expect(hasAtLeastWords('x'.repeat(100_000), 2)).toBe(false);
});
