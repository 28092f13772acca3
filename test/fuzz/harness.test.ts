/** The fuzz harness's report check can fail: each way a report can be wrong is caught (issue 14). */
import { defaultReference } from '../../src/engine/reference/load';
import { buildReport, type ValidationReport } from '../../src/engine/report';
import { validateBytes } from '../../src/cli/inputs';
import { gridXlsx } from '../xlsx/gridXlsx';
import { LABELS, VALID_IDENTITAS, validRow } from '../helpers/workbook';
import { reportProblem } from './harness';

const OPTIONS = { reference: defaultReference(), today: '2026-11-28' };
const bytes = gridXlsx([
  { name: 'Identitas', rows: VALID_IDENTITAS.map(([label, value]) => [label, value]) },
  { name: 'Inovasi', rows: [LABELS, LABELS.map((l) => validRow({ 'Nomor SOP': null })[l] ?? null)] },
]);

function reports(): ValidationReport[] {
  const validation = validateBytes(bytes, 'uji.xlsx', OPTIONS);
  return (['id', 'en'] as const).map((lang) =>
    JSON.parse(JSON.stringify(buildReport([validation], { ...OPTIONS, lang }))),
  );
}

describe('reportProblem', () => {
  it('passes the reports of a workbook with findings', () => {
    const r = reports();
    expect(r[0].files[0].findings.length).toBeGreaterThan(0);
    expect(reportProblem(r, 'uji.xlsx')).toBeNull();
  });

  it.each([
    ['another file name', (r: ValidationReport[]) => void (r[0].files[0].file = 'lain.xlsx'), /not one file/],
    ['stats that miscount', (r: ValidationReport[]) => void (r[1].files[0].stats.errors += 1), /stats/],
    ['valid with an open error', (r: ValidationReport[]) => void (r[0].valid = true), /valid is true/],
    [
      'a finding without a message',
      (r: ValidationReport[]) => void (r[1].files[0].findings[0].message = ' '),
      /no message/,
    ],
    [
      'a finding only in one language',
      (r: ValidationReport[]) => void r[1].files[0].findings.pop(),
      /different findings|stats/,
    ],
    [
      'another id in one language',
      (r: ValidationReport[]) => void (r[0].files[0].findings[0].id = '000000000000'),
      /different findings/,
    ],
  ])('catches %s', (_, tamper, problem) => {
    const r = reports();
    tamper(r);
    expect(reportProblem(r, 'uji.xlsx')).toMatch(problem);
  });
});
