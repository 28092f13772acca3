import { dateCell, errorCell, isoToSerial } from '../../src/engine/grid';
import { LABELS, VALID_IDENTITAS, colOf, found, inisiatifRow, validate, validRow } from '../helpers/workbook';

const at = (label: string, row = 2) => `${colOf(label)}${row}`;

describe('FMT-01', () => {
  test('an always-required value that is empty', () => {
    expect(found(validate({ rows: [validRow({ Permasalahan: '   ' })] }))).toEqual([
      `FMT-01@${at('Permasalahan')}`,
    ]);
  });
  test('"-" counts as empty', () => {
    expect(found(validate({ rows: [validRow({ Tujuan: '-' })] }))).toEqual([`FMT-01@${at('Tujuan')}`]);
  });
  test('an empty nama is FMT-01 only, not FMT-06', () => {
    expect(found(validate({ rows: [validRow({ 'Nama Inovasi': null })] }))).toEqual([
      `FMT-01@${at('Nama Inovasi')}`,
    ]);
  });
  test('conditional requirements follow tahapan', () => {
    expect(found(validate({ rows: [inisiatifRow({ 'Target Tahun Penerapan': null })] }))).toEqual([
      `FMT-01@${at('Target Tahun Penerapan')}`,
    ]);
    expect(found(validate({ rows: [validRow({ 'Tanggal Uji Coba': null })] }))).toEqual([
      `FMT-01@${at('Tanggal Uji Coba')}`,
    ]);
    expect(found(validate({ rows: [validRow({ 'Jumlah Penerima Manfaat': null })] }))).toEqual([
      `FMT-01@${at('Jumlah Penerima Manfaat')}`,
    ]);
    const ujiCoba = inisiatifRow({ 'Tahapan Inovasi': 'Uji Coba', 'Tanggal Uji Coba': null });
    expect(found(validate({ rows: [ujiCoba] }))).toEqual([`FMT-01@${at('Tanggal Uji Coba')}`]);
  });
  test('quiet for values not required at this stage', () => {
    expect(found(validate({ rows: [inisiatifRow()] }))).toEqual([]);
    expect(found(validate({ rows: [validRow({ 'Target Tahun Penerapan': null })] }))).toEqual([]);
  });
  test('rules that depend on tahapan are skipped when tahapan is empty', () => {
    const v = validate({
      rows: [
        validRow({
          'Tahapan Inovasi': null,
          'Tanggal Penerapan': null,
          'Nomor SOP': null,
          'Rancang Bangun': 'pendek',
        }),
      ],
    });
    expect(found(v)).toEqual([`FMT-01@${at('Tahapan Inovasi')}`]);
  });
});

describe('FMT-02', () => {
  test('a value outside the enumeration, with the nearest allowed value as hint', () => {
    const v = validate({ rows: [validRow({ 'Tahapan Inovasi': 'Penerapn' })] });
    expect(found(v)).toEqual([`FMT-02@${at('Tahapan Inovasi')}`]);
    expect(v.findings[0].hint?.params.nilai).toBe('Penerapan');
  });
  test('aliases and any case are accepted and stored canonically', () => {
    const v = validate({
      rows: [
        validRow({
          Inisiator: 'perangkat daerah',
          'Jenis Inovasi': 'DARING',
          'Bentuk Inovasi': 'pelayanan publik',
          Replikasi: 'tidak',
        }),
      ],
    });
    expect(found(v)).toEqual([]);
    expect(v.submission?.table?.rows[0].cells.bentuk.parsed).toEqual({
      kind: 'ok',
      value: 'Inovasi Pelayanan Publik',
    });
  });
  test('an urusan code that is not in the nomenclature', () => {
    expect(found(validate({ rows: [validRow({ 'Urusan Pemerintahan': '1.99' })] }))).toEqual([
      `FMT-02@${at('Urusan Pemerintahan')}`,
    ]);
  });
  test('urusan by code, padded code, number, code with name, official or short name', () => {
    for (const u of [
      '1.02',
      '1.2',
      1.02,
      '1.02 Kesehatan',
      'URUSAN PEMERINTAHAN BIDANG KESEHATAN',
      'kesehatan',
    ]) {
      const v = validate({ rows: [validRow({ 'Urusan Pemerintahan': u })] });
      expect(found(v)).toEqual([]);
      expect(v.submission?.table?.rows[0].cells.urusan.parsed).toEqual({ kind: 'ok', value: '1.02' });
    }
  });
  test('an error value in a text or enum column', () => {
    expect(found(validate({ rows: [validRow({ Manfaat: errorCell('#N/A') })] }))).toEqual([
      `FMT-02@${at('Manfaat')}`,
    ]);
  });
});

describe('FMT-03', () => {
  test('an impossible date and free text', () => {
    const v = validate({
      rows: [validRow({ 'Tanggal Uji Coba': '31/02/2024', 'Tanggal Penerapan': 'awal tahun' })],
    });
    expect(found(v)).toEqual([`FMT-03@${at('Tanggal Uji Coba')}`, `FMT-03@${at('Tanggal Penerapan')}`]);
  });
  test('an error value in a date column', () => {
    expect(found(validate({ rows: [validRow({ 'Tanggal Penerapan': errorCell('#VALUE!') })] }))).toEqual([
      `FMT-03@${at('Tanggal Penerapan')}`,
    ]);
  });
  test('every accepted date form', () => {
    for (const d of [
      '2025-01-15',
      '15/01/2025',
      '15-01-2025',
      '15 Januari 2025',
      '15 Jan 2025',
      '15 January 2025',
      dateCell(isoToSerial(2025, 1, 15)),
      isoToSerial(2025, 1, 15),
    ]) {
      const v = validate({ rows: [validRow({ 'Tanggal Penerapan': d })] });
      expect(found(v)).toEqual([]);
      expect(v.submission?.table?.rows[0].cells.tglPenerapan.parsed).toEqual({
        kind: 'ok',
        value: '2025-01-15',
      });
    }
  });
  test('a bad Tanggal Pengisian in Identitas', () => {
    const identitas = VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [
      l,
      l === 'Tanggal Pengisian' ? '30 Februari 2026' : v,
    ]);
    expect(found(validate({ identitas }))).toEqual(['FMT-03@B7']);
  });
});

describe('FMT-04', () => {
  test('money written the ways staff write it that are not accepted', () => {
    for (const a of ['1,5 juta', '1,500,000', 'sekitar 2 juta']) {
      expect(found(validate({ rows: [validRow({ 'Anggaran (Rp)': a })] }))).toEqual([
        `FMT-04@${at('Anggaran (Rp)')}`,
      ]);
    }
  });
  test('money forms that are accepted', () => {
    for (const [a, n] of [
      ['Rp 1.500.000', 1500000],
      ['Rp.1.500.000', 1500000],
      ['1.500.000,00', 1500000],
      ['2500000', 2500000],
      [150000, 150000],
    ] as const) {
      const v = validate({ rows: [validRow({ 'Anggaran (Rp)': a })] });
      expect(found(v)).toEqual([]);
      expect(v.submission?.table?.rows[0].cells.anggaran.parsed).toEqual({ kind: 'ok', value: n });
    }
  });
  test('a decimal in an integer column, a bad year, bad days, an error value in a number column', () => {
    const v = validate({
      rows: [
        validRow({
          'Jumlah Penerima Manfaat': 12.5,
          'SP Jangka Waktu (hari)': 'dua minggu',
          'SP Biaya/Tarif (Rp)': errorCell('#REF!'),
        }),
      ],
    });
    expect(found(v)).toEqual([
      `FMT-04@${at('Jumlah Penerima Manfaat')}`,
      `FMT-04@${at('SP Jangka Waktu (hari)')}`,
      `FMT-04@${at('SP Biaya/Tarif (Rp)')}`,
    ]);
  });
  test('a target year outside 2000–2100', () => {
    expect(found(validate({ rows: [inisiatifRow({ 'Target Tahun Penerapan': 1999 })] }))).toEqual([
      `FMT-04@${at('Target Tahun Penerapan')}`,
    ]);
  });
  test('integer text with thousands dots and days as "14 hari" are accepted', () => {
    expect(
      found(
        validate({
          rows: [validRow({ 'Jumlah Penerima Manfaat': '1.250', 'SP Jangka Waktu (hari)': '14 hari' })],
        }),
      ),
    ).toEqual([]);
  });
  test('Tahun Pelaporan that is not a year', () => {
    const identitas = VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [
      l,
      l === 'Tahun Pelaporan' ? 'dua ribu' : v,
    ]);
    expect(found(validate({ identitas }))).toEqual(['FMT-04@B2']);
  });
});

describe('FMT-05', () => {
  test('negative money and a negative integer', () => {
    const v = validate({ rows: [validRow({ 'Anggaran (Rp)': -5000, 'Jumlah Penerima Manfaat': -3 })] });
    expect(found(v)).toEqual([`FMT-05@${at('Anggaran (Rp)')}`, `FMT-05@${at('Jumlah Penerima Manfaat')}`]);
  });
  test('a negative money value gets no LOG-04 on top', () => {
    const v = validate({ rows: [validRow({ 'Anggaran (Rp)': -1, 'Sumber Anggaran': 'Tanpa Anggaran' })] });
    expect(found(v)).toEqual([`FMT-05@${at('Anggaran (Rp)')}`]);
  });
});

describe('FMT-06', () => {
  test('a name shorter than 5 or longer than 200 characters', () => {
    expect(found(validate({ rows: [validRow({ 'Nama Inovasi': 'Abc' })] }))).toEqual([
      `FMT-06@${at('Nama Inovasi')}`,
    ]);
    expect(found(validate({ rows: [validRow({ 'Nama Inovasi': 'x'.repeat(201) })] }))).toEqual([
      `FMT-06@${at('Nama Inovasi')}`,
    ]);
  });
  test('5 and 200 characters are fine (counted as characters, not bytes)', () => {
    expect(found(validate({ rows: [validRow({ 'Nama Inovasi': 'Ābcdé' })] }))).toEqual([]);
    expect(found(validate({ rows: [validRow({ 'Nama Inovasi': 'é'.repeat(200) })] }))).toEqual([]);
  });
});

describe('FMT-07', () => {
  test('other schemes and bare text are not links', () => {
    for (const t of ['javascript:alert(1)', 'file:///c:/data.xlsx', 'bitungkota.go.id/inovasi', 'http://']) {
      expect(found(validate({ rows: [validRow({ 'Tautan Data Dukung': t })] }))).toEqual([
        `FMT-07@${at('Tautan Data Dukung')}`,
      ]);
    }
  });
  test('an error value in the URL column', () => {
    expect(found(validate({ rows: [validRow({ 'Tautan Data Dukung': errorCell('#N/A') })] }))).toEqual([
      `FMT-07@${at('Tautan Data Dukung')}`,
    ]);
  });
  test('http and https links with paths are accepted', () => {
    for (const t of ['http://bitungkota.go.id', 'https://drive.google.com/drive/folders/1aB?usp=sharing']) {
      expect(found(validate({ rows: [validRow({ 'Tautan Data Dukung': t })] }))).toEqual([]);
    }
  });
});

describe('FMT-08', () => {
  const withIdentity = (label: string, value: string) =>
    VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [l, l === label ? value : v]);
  test('a malformed e-mail and phone number are warnings at their value cells', () => {
    const v = validate({ identitas: withIdentity('Email', 'dinkes@bitung').concat() });
    expect(found(v)).toEqual(['FMT-08@B5']);
    expect(v.findings[0].severity).toBe('warning');
    expect(found(validate({ identitas: withIdentity('Telepon', '12345') }))).toEqual(['FMT-08@B6']);
    expect(found(validate({ identitas: withIdentity('Telepon', '0438 (21) 045 (1)') }))).toEqual([
      'FMT-08@B6',
    ]);
  });
  test('Indonesian phone forms are accepted', () => {
    for (const p of [
      '(0438) 21045',
      '+62 812-4455-6677',
      '6281244556677',
      '0812.4455.6677',
      '+62 (438) 21045',
    ]) {
      expect(found(validate({ identitas: withIdentity('Telepon', p) }))).toEqual([]);
    }
  });
});

test('every column label is distinct and known', () => {
  expect(new Set(LABELS).size).toBe(LABELS.length);
});
