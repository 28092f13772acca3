/**
 * Issue 15 in the engine: values quoted shortened, a budget on findings per file, a bound on the
 * text a submission may hold, and a formula with no saved result reported as such (FMT-09).
 */
import { MAX_QUOTED_CHARS, quoteText } from '../../src/engine/findings';
import { noResultCell } from '../../src/engine/grid';
import { findingMessage } from '../../src/engine/messages';
import { defaultReference } from '../../src/engine/reference/load';
import { buildReport } from '../../src/engine/report';
import {
  FindingBudget,
  MAX_FINDINGS_PER_FILE,
  MAX_TEXT_CHARS,
  findingId,
  identify,
  isSummaryFinding,
  validateWorkbook,
} from '../../src/engine/validate';
import { VALID_IDENTITAS, buildGrid, colOf, found, validate, validRow, TODAY } from '../helpers/workbook';

const reference = defaultReference();
const report = (v: ReturnType<typeof validate>, lang: 'id' | 'en' = 'id') =>
  buildReport([v], { reference, today: TODAY, lang }).files[0];

describe('values are quoted shortened in reports and messages', () => {
  const long = 'Perwali '.repeat(1000); // 8,000 characters, no regulation number: SOP-02 quotes it
  const v = validate({ rows: [validRow({ 'Dasar Hukum': long })] });

  it('cuts the value and the message to MAX_QUOTED_CHARS with …', () => {
    const f = report(v).findings.find((x) => x.rule === 'SOP-02')!;
    expect(typeof f.value).toBe('string');
    expect((f.value as string).length).toBe(MAX_QUOTED_CHARS);
    expect(f.value).toBe(long.substring(0, MAX_QUOTED_CHARS - 1) + '…');
    for (const lang of ['id', 'en'] as const) {
      const message = findingMessage(
        v.findings.find((x) => x.rule === 'SOP-02')!,
        lang,
      );
      expect(message.length).toBeLessThan(MAX_QUOTED_CHARS + 100);
      expect(message).toContain('…');
    }
  });

  it('keeps the whole value for the finding id', () => {
    const f = v.findings.find((x) => x.rule === 'SOP-02')!;
    expect(f.value).toBe(long);
    expect(f.id).toBe(findingId(f));
    const other = validate({ rows: [validRow({ 'Dasar Hukum': long + 'x' })] }).findings.find(
      (x) => x.rule === 'SOP-02',
    )!;
    expect(other.id).not.toBe(f.id); // differs only past the quoted part
  });

  it('leaves short values, numbers and null as they are, and never splits a surrogate pair', () => {
    expect(quoteText('Perwali 12')).toBe('Perwali 12');
    expect(quoteText('x'.repeat(MAX_QUOTED_CHARS))).toBe('x'.repeat(MAX_QUOTED_CHARS));
    const emoji = 'a' + '😀'.repeat(MAX_QUOTED_CHARS);
    const cut = quoteText(emoji);
    expect(cut.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF]…$/.test(cut)).toBe(false);
    const numeric = report(validate({ rows: [validRow({ 'Anggaran (Rp)': -5 })] })).findings.find(
      (x) => x.rule === 'FMT-05',
    )!;
    expect(numeric.value).toBe(-5);
  });
});

describe('a budget on findings per file', () => {
  /** Rows with only a name: each misses 14 required values (FMT-01). */
  const nameOnly = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ 'Nama Inovasi': `Inovasi nomor ${i + 1}` }));

  it('past the budget, one summarising finding per rule and column, with the count', () => {
    const rows = 1000; // 14,000 FMT-01
    const v = validate({ rows: nameOnly(rows) });
    const summaries = v.findings.filter(isSummaryFinding);
    expect(v.findings.length - summaries.length).toBe(MAX_FINDINGS_PER_FILE);
    expect(summaries.length).toBe(14); // one per required column
    const counted = summaries.reduce((n, f) => n + Number(f.params.ringkasan), 0);
    expect(counted + MAX_FINDINGS_PER_FILE).toBe(rows * 14);
    const tahapan = summaries.find((f) => f.columnKey === 'tahapan')!;
    expect(tahapan.rule).toBe('FMT-01');
    expect(tahapan.value).toBeNull();
    expect(tahapan.cell).toMatch(new RegExp(`^${colOf('Tahapan Inovasi')}\\d+$`));
    expect(findingMessage(tahapan, 'id')).toBe(
      `${tahapan.params.ringkasan} temuan FMT-01 lain pada kolom «Tahapan Inovasi», mulai sel ${tahapan.cell}, tidak dicantumkan satu per satu (batas 10000 temuan per berkas).`,
    );
    expect(findingMessage(tahapan, 'en')).toBe(
      `${tahapan.params.ringkasan} more FMT-01 findings in column «Tahapan Inovasi», from cell ${tahapan.cell} on, are not listed one by one (limit of 10000 findings per file).`,
    );
    expect(report(v).stats.errors).toBe(v.findings.length);
  });

  it('stays quiet under the budget', () => {
    const v = validate({ rows: nameOnly(100) });
    expect(v.findings.some(isSummaryFinding)).toBe(false);
    expect(v.findings).toHaveLength(1400);
  });

  it('does not count findings of a rule switched off', () => {
    const off = {
      ...reference,
      parameter: {
        ...reference.parameter,
        severity: { ...reference.parameter.severity, 'FMT-01': 'off' as const },
      },
    };
    const v = validateWorkbook(buildGrid({ rows: nameOnly(1000) }), 'uji.xlsx', {
      reference: off,
      today: TODAY,
    });
    expect(v.findings.some((f) => f.rule === 'FMT-01')).toBe(false);
    expect(v.findings.some(isSummaryFinding)).toBe(false);
  });

  it('lists a finding alone in its rule and column as itself, not as a summary of one', () => {
    const [first, second] = validate({ rows: nameOnly(1) }).findings; // FMT-01 of two columns
    const budget = new FindingBudget(1);
    budget.add(first);
    budget.add(second);
    expect(budget.findings()).toEqual([first, second]);
  });

  it('a summarising finding cannot be accepted by an auditor', () => {
    const budget = new FindingBudget(1);
    const one = validate({ rows: nameOnly(3) }).findings;
    for (const f of one) budget.add(f);
    const [kept, summary] = [budget.findings()[0], budget.findings()[1]];
    expect(isSummaryFinding(summary)).toBe(true);
    const decision = { status: 'accepted' as const, reason: 'ok', reviewer: 'Auditor', date: null, row: 2 };
    const { ignored } = identify([kept, summary], new Map([[findingId(summary), decision]]));
    expect(ignored).toEqual([{ id: findingId(summary), row: 2, why: 'notAcceptable' }]);
  });
});

describe('a bound on the text a submission holds', () => {
  const cell = 'x'.repeat(32_767);
  const perRow = 31 * cell.length;

  it('refuses a file whose cells together hold more than MAX_TEXT_CHARS (one KON-03, cause named)', () => {
    const rows = Math.ceil(MAX_TEXT_CHARS / perRow) + 1;
    const row = Object.fromEntries(Object.keys(validRow()).map((l) => [l, cell]));
    const v = validate({ rows: Array.from({ length: rows }, () => row) });
    expect(found(v)).toEqual(['KON-03@null']);
    expect(v.findings[0].params.kode).toBe('tooMuchText');
    expect(findingMessage(v.findings[0], 'en')).toBe(
      'The file cannot be read: the cells hold more than 50,000,000 characters of text in all.',
    );
    expect(findingMessage(v.findings[0], 'id')).toBe(
      'Berkas tidak dapat dibaca: sel-sel isian berisi lebih dari 50.000.000 karakter teks seluruhnya.',
    );
  });

  it('validates one row of 31 maximal cells, quoting each value shortened', () => {
    const row = Object.fromEntries(Object.keys(validRow()).map((l) => [l, cell]));
    const r = report(validate({ rows: [row] }));
    expect(r.findings.length).toBeGreaterThan(10);
    expect(r.findings.some((f) => f.rule === 'KON-03')).toBe(false);
    for (const f of r.findings) {
      if (typeof f.value === 'string') expect(f.value.length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
      expect(f.message.length).toBeLessThan(2 * MAX_QUOTED_CHARS + 200);
    }
    expect(JSON.stringify(r).length).toBeLessThan(perRow / 10);
  });
});

describe('FMT-09: a formula with no saved result', () => {
  const identitas = (value: ReturnType<typeof noResultCell> | number) =>
    VALID_IDENTITAS.map(([l, v]): [string, typeof value | typeof v] => [
      l,
      l === 'Tahun Pelaporan' ? value : v,
    ]);

  it('in Tahun Pelaporan: FMT-09 at its cell, not STR-05 or FMT-04, in both languages', () => {
    const v = validate({ identitas: identitas(noResultCell('2025+1')) });
    expect(found(v)).toEqual(['FMT-09@B2']);
    const [f] = v.findings;
    expect(f.value).toBe('=2025+1');
    expect(findingMessage(f, 'id')).toBe(
      'Sel berisi rumus tanpa hasil tersimpan untuk «Tahun Pelaporan»; buka berkas di Excel lalu simpan.',
    );
    expect(findingMessage(f, 'en')).toBe(
      'The cell holds a formula with no saved result for «Tahun Pelaporan»; open the file in Excel and save it.',
    );
  });

  it('in a row cell: FMT-09 instead of the column’s own rule', () => {
    const v = validate({
      rows: [
        validRow({
          'Tahapan Inovasi': noResultCell('IF(A1,"Penerapan","")'),
          'Anggaran (Rp)': noResultCell('SUM(X1:X9)'),
        }),
      ],
    });
    expect(found(v).filter((x) => !x.startsWith('LOG') && !x.startsWith('SOP'))).toEqual([
      `FMT-09@${colOf('Tahapan Inovasi')}2`,
      `FMT-09@${colOf('Anggaran (Rp)')}2`,
    ]);
  });

  it('stays quiet for a formula whose result was saved', () => {
    expect(found(validate({ identitas: identitas(2026) }))).toEqual([]);
  });
});
