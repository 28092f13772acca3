/**
 * The `Data Dukung` sheet of an example workbook (docs/spec/iid.md), from a workbook's
 * `dataDukung` data (scripts/examples-data/README.md): one row per piece of evidence, with honest
 * gaps — rows the verifier rejected, a level without proof, a claim above what the Inovasi sheet
 * supports, a misspelt innovation, an unknown indicator, a document dated in the future. Each
 * planted mistake names the finding it must produce, as the Inovasi rows do.
 */
'use strict';
const { EVIDENCE_COLUMNS } = require('../lib/engine/iid/evidence');
const { columnLetter: letters } = require('../lib/engine/grid');

/** The keys an evidence row may have. */
const EVIDENCE_KEYS = 'n i t no tg te u co v cv expect note'.split(' ');
/** Data key → the sheet's column key. */
const FIELD = {
  n: 'inovasi',
  i: 'indikator',
  t: 'tingkat',
  no: 'nomor',
  tg: 'tanggal',
  te: 'tentang',
  u: 'tautan',
  co: 'catatanOpd',
  v: 'verifikasi',
  cv: 'catatanVerifikator',
};
const WIDTHS = {
  no: 6,
  inovasi: 40,
  indikator: 32,
  tingkat: 10,
  nomor: 28,
  tanggal: 14,
  tentang: 40,
  tautan: 46,
  catatanOpd: 28,
  verifikasi: 18,
  catatanVerifikator: 40,
};

function checkEvidenceSpec(wb, where) {
  (wb.dataDukung ?? []).forEach((row, i) => {
    const unknown = Object.keys(row).filter((k) => !EVIDENCE_KEYS.includes(k));
    if (unknown.length)
      throw new Error(`${where} dataDukung row ${i + 1}: unknown key(s) ${unknown.join(', ')}`);
    for (const [, key] of row.expect ?? [])
      if (!EVIDENCE_COLUMNS.some((c) => c.key === key))
        throw new Error(`${where} dataDukung row ${i + 1}: unknown column ${key}`);
  });
}

const dateOf = (tg) => (Array.isArray(tg) ? new Date(Date.UTC(tg[0], tg[1] - 1, tg[2])) : tg);

/**
 * Adds (or fills the template's) `Data Dukung` sheet to an exceljs workbook; returns the findings
 * its planted mistakes must produce.
 */
function addDataDukung(book, wb) {
  if (!wb.dataDukung) return [];
  const sheet = book.getWorksheet('Data Dukung') ?? book.addWorksheet('Data Dukung');
  EVIDENCE_COLUMNS.forEach((c, i) => {
    const cell = sheet.getCell(1, i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    sheet.getColumn(i + 1).width = WIDTHS[c.key];
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  const expected = [];
  wb.dataDukung.forEach((row, r) => {
    const values = { no: r + 1 };
    for (const [k, key] of Object.entries(FIELD))
      if (row[k] !== undefined && row[k] !== null) values[key] = k === 'tg' ? dateOf(row[k]) : row[k];
    EVIDENCE_COLUMNS.forEach((c, i) => {
      if (values[c.key] === undefined) return;
      const cell = sheet.getCell(r + 2, i + 1);
      cell.value = values[c.key];
      if (values[c.key] instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
    for (const [rule, key] of row.expect ?? []) {
      const col = EVIDENCE_COLUMNS.findIndex((c) => c.key === key);
      expected.push({
        rule,
        cell: `${letters(col)}${r + 2}`,
        row: r + 2,
        nama: String(row.n),
        sheet: 'Data Dukung',
        note: row.note,
      });
    }
  });
  return expected;
}

/** What each IID rule's planted mistake is, for examples/README.md. */
const IID_RULE_TEXT = {
  'IID-01': 'Data Dukung: nama inovasi salah ketik, tidak ada di lembar Inovasi',
  'IID-02': 'Data Dukung: indikator yang tidak dikenal referensi',
  'IID-03': 'Data Dukung: tingkat diklaim tanpa tautan maupun nomor dokumen',
  'IID-04': 'Data Dukung: tingkat regulasi di atas dasar hukum yang tertulis (keputusan → tingkat 1)',
  'IID-05': 'Data Dukung: tanggal dokumen belum terjadi',
  'IID-06': 'indikator wajib tahap Penerapan belum ada bukti yang dihitung',
};
const IID_SEVERITY_TEXT = {
  'IID-01': 'peringatan',
  'IID-02': 'peringatan',
  'IID-03': 'peringatan',
  'IID-04': 'peringatan',
  'IID-05': 'info',
  'IID-06': 'info',
};

/** The README's note on the readiness example. */
function iidNotes(results) {
  const withSheet = results.filter((r) => r.spec.dataDukung).map((r) => `\`${r.spec.file}\``);
  if (!withSheet.length) return [];
  return [
    `- Kesiapan IID (perkiraan; \`docs/spec/iid.md\`): ${withSheet.join(', ')} memuat lembar \`Data Dukung\` — bukti per ` +
      'inovasi dan indikator dengan kekurangan yang jujur: satu inovasi lengkap dan terverifikasi (siap), satu dengan bukti ' +
      'yang diminta diperbaiki atau ditolak verifikator, satu dengan klaim di atas dasar hukumnya dan bukti tanpa tautan, ' +
      'satu tanpa bukti sama sekali. `IID-06` muncul sekali per indikator wajib yang belum terbukti. Temuan IID hanya ' +
      'peringatan dan info: kesiapan adalah saran, bukan syarat.',
  ];
}

module.exports = { addDataDukung, checkEvidenceSpec, iidNotes, IID_RULE_TEXT, IID_SEVERITY_TEXT };
