import { errorCell } from '../../src/engine/grid';
import { LABELS, VALID_IDENTITAS, buildGrid, colOf, found, validate, validRow } from '../helpers/workbook';
import { validateWorkbook } from '../../src/engine/validate';
import { defaultReference } from '../../src/engine/reference/load';

const without = (label: string) => LABELS.filter((l) => l !== label);

describe('header detection', () => {
  test('title rows above the header are ignored and rows keep their worksheet numbers', () => {
    const v = validate({
      titleRows: [['DAFTAR INOVASI DINAS KESEHATAN'], [], ['Tahun 2026']],
      rows: [validRow({ 'Tahapan Inovasi': 'Penerapn' })],
    });
    expect(found(v)).toEqual([`FMT-02@${colOf('Tahapan Inovasi')}5`]);
  });

  test('labels match after normalisation: case, `*`, `:`, `_`, extra spaces, NBSP', () => {
    const header = LABELS.map((l, i) =>
      i % 4 === 0
        ? l.toUpperCase() + ' *'
        : i % 4 === 1
          ? l.replace(/ /g, '_') + ':'
          : i % 4 === 2
            ? l.replace(/ /g, '\u00a0 ')
            : l,
    );
    const row = Object.fromEntries(
      Object.entries(validRow()).map(([k, v]) => [header[LABELS.indexOf(k)], v]),
    );
    expect(found(validate({ header, rows: [row] }))).toEqual([]);
  });

  test('aliases are accepted and column order is free', () => {
    const header = ['Judul Inovasi', ...LABELS.slice(2).reverse()];
    const base = validRow();
    const row: Record<string, unknown> = { 'Judul Inovasi': base['Nama Inovasi'] };
    for (const l of LABELS.slice(2)) row[l] = base[l];
    expect(found(validate({ header, rows: [row as never] }))).toEqual([]);
  });

  test('a header below row 20 is not found: STR-01', () => {
    const titleRows = Array.from({ length: 20 }, () => ['judul']);
    expect(found(validate({ titleRows }))).toEqual(['STR-01@null']);
  });

  test('the table is read from another sheet when Inovasi is missing', () => {
    const v = validate({ sheetName: 'Sheet1' });
    expect(found(v)).toEqual([]);
    expect(v.submission?.table?.sheet).toBe('Sheet1');
  });
});

describe('STR-01', () => {
  test('fires when no sheet has a matching header, and nothing else about the table follows', () => {
    const v = validateWorkbook(
      {
        sheets: [
          { name: 'Identitas', rows: VALID_IDENTITAS.map(([a, b]) => [a, b]) },
          {
            name: 'Inovasi',
            rows: [
              ['a', 'b'],
              [1, 2],
            ],
          },
        ],
      },
      'x.xlsx',
      { reference: defaultReference(), today: '2026-11-28' },
    );
    expect(found(v)).toEqual(['STR-01@null']);
  });
  test('identity checks still run with STR-01', () => {
    const v = validateWorkbook({ sheets: [{ name: 'Lembar1', rows: [['x']] }] }, 'x.xlsx', {
      reference: defaultReference(),
      today: '2026-11-28',
    });
    expect(found(v).sort()).toEqual(['STR-01@null', 'STR-05@null']);
  });
  test('stays quiet when the Inovasi header is found', () => {
    expect(found(validate()).filter((f) => f.startsWith('STR-01'))).toEqual([]);
  });
});

describe('STR-02', () => {
  test('one finding per absent required column, with its label, and no per-row finding for it', () => {
    const header = without('Permasalahan').filter((l) => l !== 'Replikasi');
    const v = validate({ header });
    expect(found(v)).toEqual(['STR-02@null', 'STR-02@null']);
    expect(v.findings.map((f) => f.column).sort()).toEqual(['Permasalahan', 'Replikasi']);
  });
  test('an absent optional column is no STR-02', () => {
    expect(
      found(
        validate({
          header: without('No').filter((l) => l !== 'Sumber Replikasi' && l !== 'Status Validasi'),
        }),
      ),
    ).toEqual([]);
  });
});

describe('STR-03', () => {
  test('an unknown header is reported once at its cell, and its values make no row', () => {
    const header = [...LABELS, 'Keterangan'];
    const v = validate({
      header,
      rows: [validRow({ Keterangan: 'catatan' }), { Keterangan: 'hanya di kolom asing' }],
    });
    expect(found(v)).toEqual([`STR-03@${colOf('Keterangan', header)}1`]);
    expect(v.submission?.table?.rows.length).toBe(1);
  });
  test('quiet for known headers and empty header cells', () => {
    expect(found(validate({ header: [...LABELS, ''] }))).toEqual([]);
  });
});

describe('STR-04', () => {
  test('two headers mapping to one column: the second header cell', () => {
    const header = [...LABELS, 'Judul Inovasi'];
    expect(found(validate({ header }))).toEqual([`STR-04@${colOf('Judul Inovasi', header)}1`]);
  });
});

describe('STR-05', () => {
  test('a missing Identitas sheet is one STR-05 at null', () => {
    expect(found(validate({ identitas: null }))).toEqual(['STR-05@null']);
  });
  test('a missing label row points at null; an empty value at its value cell', () => {
    const identitas = VALID_IDENTITAS.filter(([l]) => l !== 'Nama Penanggung Jawab').map(
      ([l, v]): [string, never] => [l, (l === 'Tahun Pelaporan' ? '  ' : v) as never],
    );
    const v = validate({ identitas });
    expect(found(v).sort()).toEqual(['STR-05@B2', 'STR-05@null']);
  });
  test('the first row wins when a label occurs twice', () => {
    const v = validate({ identitas: [...VALID_IDENTITAS, ['Tahun Pelaporan', 'bukan tahun']] });
    expect(found(v)).toEqual([]);
  });
  test('aliases of identity labels are accepted', () => {
    const identitas = VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [
      l === 'Perangkat Daerah' ? 'Nama OPD:' : l === 'Tahun Pelaporan' ? 'TAHUN' : l,
      v,
    ]);
    expect(found(validate({ identitas }))).toEqual([]);
  });
});

describe('STR-06', () => {
  test('an OPD not in the reference, with the nearest name as hint', () => {
    const identitas = VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [
      l,
      l === 'Perangkat Daerah' ? 'Dinas Keshatan' : v,
    ]);
    const v = validate({ identitas });
    expect(found(v)).toEqual(['STR-06@B1']);
    expect(v.findings[0].hint).toEqual({ key: 'nearest', params: { nilai: 'Dinas Kesehatan' } });
  });
  test('aliases and codes of the OPD are accepted', () => {
    for (const name of ['dinkes', ' DINKES ', 'DINAS  KESEHATAN']) {
      const identitas = VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [
        l,
        l === 'Perangkat Daerah' ? name : v,
      ]);
      expect(found(validate({ identitas }))).toEqual([]);
    }
  });
  test('an error value in the OPD cell is not accepted', () => {
    const identitas = VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [
      l,
      l === 'Perangkat Daerah' ? errorCell('#REF!') : v,
    ]);
    expect(found(validate({ identitas }))).toEqual(['STR-06@B1']);
  });
});

describe('STR-07', () => {
  test('a template version other than 1', () => {
    const identitas = VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [
      l,
      l === 'Versi Templat' ? '2' : v,
    ]);
    expect(found(validate({ identitas }))).toEqual(['STR-07@B8']);
  });
  test('quiet for 1 as text or number, and when absent', () => {
    const asNumber = VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [l, l === 'Versi Templat' ? 1 : v]);
    expect(found(validate({ identitas: asNumber }))).toEqual([]);
    expect(found(validate({ identitas: VALID_IDENTITAS.slice(0, 7) }))).toEqual([]);
  });
});

describe('STR-08', () => {
  test('a header with no data row', () => {
    expect(found(validate({ rows: [] }))).toEqual(['STR-08@null']);
  });
  test('rows whose known cells are all empty, "-" or spaces are skipped silently', () => {
    const blank = Object.fromEntries(LABELS.map((l) => [l, l === 'Nama Inovasi' ? ' - ' : '  ']));
    expect(found(validate({ rows: [blank, validRow()] }))).toEqual([]);
    expect(found(validate({ rows: [blank] }))).toEqual(['STR-08@null']);
  });
});

test('hidden sheets are read like visible ones', () => {
  const g = buildGrid();
  const hidden = { sheets: g.sheets.map((s) => ({ ...s, visibility: 'hidden' as const })) };
  expect(
    found(validateWorkbook(hidden, 'x.xlsx', { reference: defaultReference(), today: '2026-11-28' })),
  ).toEqual([]);
});

test('a sheet with more data rows than the limit is refused as a whole with one KON-03', () => {
  const { MAX_DATA_ROWS } = jest.requireActual('../../src/engine/validate');
  const rows = Array.from({ length: MAX_DATA_ROWS + 1 }, (_, i) => ({ 'Nama Inovasi': `Inovasi ${i}` }));
  const t0 = Date.now();
  const v = validate({ rows });
  expect(found(v)).toEqual(['KON-03@null']);
  expect(v.findings[0].params.sebab).toMatch(/50\.001 baris data, lebih dari batas 50\.000/);
  expect(Date.now() - t0).toBeLessThan(5000);
});

test('a very long enum value gets no hint and costs no time', () => {
  const t0 = Date.now();
  const v = validate({
    rows: [validRow({ 'Tahapan Inovasi': 'x'.repeat(32767), Inisiator: 'y'.repeat(32767) })],
  });
  expect(v.findings.map((f) => [f.rule, f.hint])).toEqual([
    ['FMT-02', null],
    ['FMT-02', null],
  ]);
  expect(Date.now() - t0).toBeLessThan(1000);
});

test('a tool-owned hidden sheet (`_…`) is never taken for the submission table', () => {
  const g = buildGrid({ sheetName: '_daftar' });
  expect(
    found(validateWorkbook(g, 'x.xlsx', { reference: defaultReference(), today: '2026-11-28' })),
  ).toEqual(['STR-01@null']);
});
