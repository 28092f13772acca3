/** The terminal's tables fit 120 columns (docs/spec/report-and-cli.md, "For a person at a terminal"). */
import { fitWidths, renderTable, wrapCell } from '../../src/cli/table';

describe('wrapCell', () => {
  test('breaks between words', () => {
    expect(wrapCell('Dinas Pekerjaan Umum dan Penataan Ruang', 20)).toEqual([
      'Dinas Pekerjaan Umum',
      'dan Penataan Ruang',
    ]);
  });
  test('cuts a word longer than the column after its last hyphen, else hard', () => {
    expect(wrapCell('disdukcapil-2026.xlsx', 12)).toEqual(['disdukcapil-', '2026.xlsx']);
    expect(wrapCell('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
  test('an empty cell is one empty line', () => {
    expect(wrapCell('', 5)).toEqual(['']);
  });
});

describe('renderTable', () => {
  const header = ['Perangkat Daerah', 'Status', 'Jumlah Inovasi', 'Tepat Waktu Disetujui Kepala OPD'];
  const rows = [
    header,
    ['Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'Perlu Perbaikan', '12', 'Lewat 8 hari'],
    ['Dinas Kesehatan', 'Siap', '3', 'Tepat waktu'],
  ];

  test('a table that fits is left as it is', () => {
    const lines = renderTable(rows, { numeric: new Set([2]), width: 200 });
    expect(lines[0]).toBe(
      'Perangkat Daerah                                    Status           Jumlah Inovasi  Tepat Waktu Disetujui Kepala OPD',
    );
    expect(lines).toHaveLength(3);
  });

  test('a wide table narrows to the width; long cells wrap under their row; counts stay whole and right-aligned', () => {
    const lines = renderTable(rows, { numeric: new Set([2]), width: 60 });
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    const text = lines.join('\n');
    for (const word of ['Pemberdayaan', 'Perlindungan', 'Perbaikan', 'Lewat', 'Kesehatan'])
      expect(text).toContain(word);
    expect(lines.find((l) => l.includes('Siap'))).toMatch(/ {2,}3 {2}/);
  });

  test('a column kept wide narrows last', () => {
    const plain = fitWidths(rows, { width: 60 });
    const kept = fitWidths(rows, { width: 60, keepWide: new Set([0]) });
    expect(kept[0]).toBeGreaterThan(plain[0]);
  });

  test('when even the narrowest columns do not fit, every column stops at its floor (no word is cut below it)', () => {
    const widths = fitWidths(rows, { numeric: new Set([2]), width: 10 });
    expect(widths[2]).toBe('Inovasi'.length);
    expect(widths[1]).toBe('Perbaikan'.length);
  });
});
