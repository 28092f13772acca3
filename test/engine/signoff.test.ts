/** The stamp chain and the schedule (docs/spec/signoff.md): reading, status, schedule words, KON-04/06/07, report and text. */
import { auditCsv } from '../../src/engine/audit';
import { CellValue, SheetGrid } from '../../src/engine/grid';
import { findingMessage } from '../../src/engine/messages';
import { EMBEDDED_REFERENCE_JSON } from '../../src/engine/reference/data/embedded';
import { defaultReference, parseReferenceJson } from '../../src/engine/reference/load';
import { DEFAULT_TINGKAT, Jadwal, Reference } from '../../src/engine/reference/model';
import { buildReport } from '../../src/engine/report';
import {
  STEMPEL_HEADER,
  StempelSheet,
  chainStatus,
  chainWord,
  dayInZone,
  localDay,
  nextSignoff,
  readStempel,
  scheduleStatus,
  scheduleWord,
  stempelWrite,
  signoffWordEn,
} from '../../src/engine/signoff';
import { stampFinding } from '../../src/engine/rules/stamp';
import { validateWorkbook } from '../../src/engine/validate';
import { formatText, signoffText } from '../../src/cli/text';
import { TODAY, VALID_IDENTITAS, buildGrid, validRow } from '../helpers/workbook';

const BASE = defaultReference();
const H = 'sha256:' + 'a'.repeat(64);
const OTHER = 'sha256:' + 'b'.repeat(64);

type Row = [tingkat: string, hash: string, waktu: string, oleh?: string, catatan?: string];
/** A version-2 `_stempel` sheet from short rows. */
function sheet(rows: Row[]): SheetGrid {
  return {
    name: '_stempel',
    rows: [
      [...STEMPEL_HEADER],
      ...rows.map(([t, h, w, oleh = 'Staf', catatan = '']): CellValue[] => [
        t,
        2,
        h,
        w,
        '1',
        'bitung-contoh@x',
        'inovasi-daerah 1.0.0',
        0,
        0,
        0,
        oleh,
        'Jabatan',
        catatan,
      ]),
    ],
  };
}
const read = (rows: Row[]): StempelSheet => readStempel({ sheets: [sheet(rows)] });
const chain = (rows: Row[], hash: string | null = H) => chainStatus(read(rows), DEFAULT_TINGKAT, hash);
const statuses = (rows: Row[], hash: string | null = H) => chain(rows, hash).levels.map((l) => l.status);

function withJadwal(batas: Record<string, string>, tahun = 2026, zonaWaktu?: string): Reference {
  const json = JSON.parse(JSON.stringify(EMBEDDED_REFERENCE_JSON));
  json.jadwal = { tahun, batas };
  if (zonaWaktu) json.daerah.zonaWaktu = zonaWaktu;
  const r = parseReferenceJson(json);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.reference;
}

describe('reading _stempel', () => {
  it('no sheet, or a version-1 sheet without a hash: no stamp', () => {
    expect(readStempel({ sheets: [] })).toEqual({ versi: null, rows: [] });
    expect(readStempel({ sheets: [{ name: '_stempel', rows: [['versi', 1]] }] })).toEqual({
      versi: null,
      rows: [],
    });
  });

  it('a version-1 sheet is one penyusun stamp', () => {
    const s = readStempel({
      sheets: [
        {
          name: '_stempel',
          rows: [
            ['versi', 1],
            ['contentHash', H],
            ['waktu', '2026-03-01T02:00:00.000Z'],
            ['galat', 0],
            ['oleh', 'Rina'],
          ],
        },
      ],
    });
    expect(s.versi).toBe(1);
    expect(s.rows).toEqual([
      expect.objectContaining({
        tingkat: 'penyusun',
        kembali: false,
        versi: 1,
        hashIsi: H,
        waktu: '2026-03-01T02:00:00.000Z',
        galat: 0,
        oleh: 'Rina',
        row: null,
      }),
    ]);
  });

  it('a version-2 sheet: one row per stamp, returns as <level>:kembali, blank rows skipped', () => {
    const g = sheet([
      ['penyusun', H, '2026-03-01T02:00:00Z'],
      ['kepalaOpd:kembali', H, '2026-03-02T02:00:00Z', 'Kadis', 'Lengkapi SOP'],
    ]);
    const s = readStempel({ sheets: [{ ...g, rows: [g.rows[0], g.rows[1], [], g.rows[2]] }] });
    expect(s.versi).toBe(2);
    expect(s.rows.map((r) => [r.tingkat, r.kembali, r.row, r.catatan])).toEqual([
      ['penyusun', false, 2, null],
      ['kepalaOpd', true, 4, 'Lengkapi SOP'],
    ]);
  });
});

describe('chain status', () => {
  it('none', () => {
    const c = chain([]);
    expect(c.levels.map((l) => l.status)).toEqual(['none', 'none', 'none']);
    expect([c.tingkat, c.dikembalikan, c.berubah]).toEqual([null, false, false]);
    expect(chainWord(c)).toBe('Belum Distempel');
  });

  it('each level reached', () => {
    const p: Row = ['penyusun', H, '2026-03-01T02:00:00Z'];
    const k: Row = ['kepalaOpd', H, '2026-03-02T02:00:00Z'];
    const v: Row = ['verifikator', H, '2026-03-03T02:00:00Z'];
    expect(chain([p]).tingkat).toBe('penyusun');
    expect(statuses([p])).toEqual(['valid', 'none', 'none']);
    expect(chain([p, k]).tingkat).toBe('kepalaOpd');
    expect(chainWord(chain([p, k]))).toBe('Disetujui Kepala OPD');
    const all = chain([p, k, v]);
    expect(all.tingkat).toBe('verifikator');
    expect(statuses([p, k, v])).toEqual(['valid', 'valid', 'valid']);
    expect([all.dikembalikan, all.berubah]).toEqual([false, false]);
    expect(chainWord(all, 'en')).toBe('Verified');
  });

  it('changed after level 2: the whole chain is broken, history kept', () => {
    const rows: Row[] = [
      ['penyusun', H, '2026-03-01T02:00:00Z'],
      ['kepalaOpd', H, '2026-03-02T02:00:00Z'],
    ];
    const c = chain(rows, OTHER);
    expect(c.levels.map((l) => l.status)).toEqual(['changed', 'changed', 'none']);
    expect([c.tingkat, c.berubah]).toEqual([null, true]);
    expect(chainWord(c)).toBe('Berubah');
    // The OPD stamps again after the edit: penyusun is valid, the chain still reads Berubah until kepalaOpd signs again.
    const again = chain([...rows, ['penyusun', OTHER, '2026-03-05T02:00:00Z']], OTHER);
    expect(again.levels.map((l) => l.status)).toEqual(['valid', 'changed', 'none']);
    expect([again.tingkat, again.berubah]).toEqual(['penyusun', true]);
    const signed = chain(
      [...rows, ['penyusun', OTHER, '2026-03-05T02:00:00Z'], ['kepalaOpd', OTHER, '2026-03-06T02:00:00Z']],
      OTHER,
    );
    expect([signed.tingkat, signed.berubah]).toEqual(['kepalaOpd', false]);
  });

  it('returned, then re-stamped', () => {
    const rows: Row[] = [
      ['penyusun', H, '2026-03-01T02:00:00Z'],
      ['kepalaOpd:kembali', H, '2026-03-02T02:00:00Z', 'Kadis', 'Lengkapi dasar hukum'],
    ];
    const returned = chain(rows);
    expect([returned.tingkat, returned.dikembalikan]).toEqual(['penyusun', true]);
    expect(returned.kembali).toEqual(
      expect.objectContaining({ tingkat: 'kepalaOpd', oleh: 'Kadis', catatan: 'Lengkapi dasar hukum' }),
    );
    expect(chainWord(returned)).toBe('Dikembalikan');
    // Fixed and prepared again: the return is over; the head of agency may approve.
    const fixed = chain([...rows, ['penyusun', OTHER, '2026-03-04T02:00:00Z']], OTHER);
    expect([fixed.tingkat, fixed.dikembalikan, fixed.berubah, fixed.kembali]).toEqual([
      'penyusun',
      false,
      false,
      null,
    ]);
    const approved = chain(
      [...rows, ['penyusun', OTHER, '2026-03-04T02:00:00Z'], ['kepalaOpd', OTHER, '2026-03-05T02:00:00Z']],
      OTHER,
    );
    expect(approved.tingkat).toBe('kepalaOpd');
    // Re-signed after the return, then edited: the new Disusun stamp answered the return for good
    // (docs/spec/signoff.md revised 2026-12-07), so the chain reads changed, not returned again.
    const edited = chain(
      [...rows, ['penyusun', OTHER, '2026-03-04T02:00:00Z'], ['kepalaOpd', OTHER, '2026-03-05T02:00:00Z']],
      'sha256:' + '9'.repeat(64),
    );
    expect([edited.tingkat, edited.dikembalikan, edited.berubah, edited.kembali]).toEqual([
      null,
      false,
      true,
      null,
    ]);
    expect(chainWord(edited)).toBe('Berubah');
    // Returned again after the re-signing: a return later than every Disusun stamp is current again.
    const again = chain(
      [
        ...rows,
        ['penyusun', OTHER, '2026-03-04T02:00:00Z'],
        ['kepalaOpd:kembali', OTHER, '2026-03-05T02:00:00Z', 'Kadis', 'Lagi'],
      ],
      OTHER,
    );
    expect([again.dikembalikan, again.kembali?.catatan]).toEqual([true, 'Lagi']);
    // Returned, then edited without a new Disusun stamp: still returned (the return is unanswered).
    const unanswered = chain(rows, 'sha256:' + '9'.repeat(64));
    expect([unanswered.dikembalikan, unanswered.berubah]).toEqual([true, true]);
  });

  it('a return by the verifier after approval: returned, reached level unchanged', () => {
    const c = chain([
      ['penyusun', H, '2026-03-01T02:00:00Z'],
      ['kepalaOpd', H, '2026-03-02T02:00:00Z'],
      ['verifikator:kembali', H, '2026-03-03T02:00:00Z', 'BRIDA', 'Indikator belum terukur'],
    ]);
    expect([c.tingkat, c.dikembalikan]).toEqual(['kepalaOpd', true]);
  });

  it('a version-1 stamp is the first level', () => {
    const v1 = readStempel({
      sheets: [
        {
          name: '_stempel',
          rows: [
            ['versi', 1],
            ['contentHash', H],
            ['waktu', '2026-03-01T02:00:00.000Z'],
          ],
        },
      ],
    });
    const c = chainStatus(v1, DEFAULT_TINGKAT, H);
    expect([c.tingkat, c.versi]).toEqual(['penyusun', 1]);
    expect(chainStatus(v1, DEFAULT_TINGKAT, OTHER).levels[0].status).toBe('changed');
  });

  it('a row whose level the reference does not define is set aside', () => {
    const c = chain([
      ['penyusun', H, '2026-03-01T02:00:00Z'],
      ['walikota', H, '2026-03-02T02:00:00Z'],
      ['penyusun:kembali', H, '2026-03-03T02:00:00Z'],
    ]);
    expect(c.tingkat).toBe('penyusun');
    expect(c.dikembalikan).toBe(false);
    expect(c.unknown.map((r) => r.tingkat)).toEqual(['walikota', 'penyusun']);
  });

  it('rows the tool could never have written are set aside when judged against the validation date', () => {
    const asOf = { today: '2026-11-28', zone: 'Asia/Makassar' };
    const judged = (rows: Row[], galat = 0) => {
      const s = read(rows);
      return chainStatus(
        { ...s, rows: s.rows.map((r, i) => (i === 0 ? { ...r, galat } : r)) },
        DEFAULT_TINGKAT,
        H,
        asOf,
      );
    };
    const ok = judged([['penyusun', H, '2026-11-29T10:00:00Z']]); // tomorrow in Bitung: within the clock tolerance
    expect([ok.tingkat, ok.setAside.length]).toEqual(['penyusun', 0]);
    for (const waktu of ['2026-11-30T10:00:00Z', '1999-12-31T10:00:00Z', 'kemarin']) {
      const c = judged([['penyusun', H, waktu]]);
      expect([waktu, c.tingkat, c.setAside.length]).toEqual([waktu, null, 1]);
    }
    expect(judged([['penyusun', H, '2026-11-01T10:00:00Z']], 2).tingkat).toBeNull(); // a stamp recording open errors
    const noNote = judged([
      ['penyusun', H, '2026-11-01T10:00:00Z'],
      ['kepalaOpd:kembali', H, '2026-11-02T10:00:00Z', 'Kadis', ''],
    ]);
    expect([noNote.dikembalikan, noNote.setAside.length]).toEqual([false, 1]);
    // Without the validation date (reading the sheet alone) only unknown levels are set aside.
    expect(chain([['penyusun', H, '2030-01-01T00:00:00Z']]).tingkat).toBe('penyusun');
  });

  it('out of order: approved before prepared, or above a level that is not valid', () => {
    expect(statuses([['kepalaOpd', H, '2026-03-01T02:00:00Z']])).toEqual(['none', 'outOfOrder', 'none']);
    const early = chain([
      ['kepalaOpd', H, '2026-03-01T02:00:00Z'],
      ['penyusun', H, '2026-03-02T02:00:00Z'],
    ]);
    expect(early.levels.map((l) => l.status)).toEqual(['valid', 'outOfOrder', 'none']);
    expect(early.tingkat).toBe('penyusun');
    // verifier valid-looking, but kepalaOpd changed: out of order, does not count
    expect(
      statuses([
        ['penyusun', H, '2026-03-01T02:00:00Z'],
        ['kepalaOpd', OTHER, '2026-03-02T02:00:00Z'],
        ['verifikator', H, '2026-03-03T02:00:00Z'],
      ]),
    ).toEqual(['valid', 'changed', 'outOfOrder']);
  });

  it('the latest row of a level counts (Waktu, then sheet order)', () => {
    const c = chain([
      ['penyusun', OTHER, '2026-03-01T02:00:00Z'],
      ['penyusun', H, '2026-03-02T02:00:00Z'],
    ]);
    expect(c.levels[0].status).toBe('valid');
    expect(c.berubah).toBe(false);
  });
});

describe('what may happen next', () => {
  const p: Row = ['penyusun', H, '2026-03-01T02:00:00Z'];
  const k: Row = ['kepalaOpd', H, '2026-03-02T02:00:00Z'];
  const next = (rows: Row[], ready = true, hash = H) => {
    const n = nextSignoff(chain(rows, hash), ready);
    return [n.level?.kunci ?? null, n.mayStamp, n.mayReturn];
  };
  it('level by level; a stamp needs a clean, unedited validation; a return does not', () => {
    expect(next([])).toEqual(['penyusun', true, false]);
    expect(next([], false)).toEqual(['penyusun', false, false]);
    expect(next([p])).toEqual(['kepalaOpd', true, true]);
    expect(next([p], false)).toEqual(['kepalaOpd', false, true]);
    expect(next([p, k])).toEqual(['verifikator', true, true]);
    expect(next([p, k, ['verifikator', H, '2026-03-03T02:00:00Z']])).toEqual([null, false, false]);
  });
  it('after a return, or an edit, the first level again', () => {
    expect(next([p, ['kepalaOpd:kembali', H, '2026-03-02T02:00:00Z', 'Kadis', 'x']])).toEqual([
      'penyusun',
      true,
      false,
    ]);
    expect(next([p, k], true, OTHER)).toEqual(['penyusun', true, false]);
  });
});

describe('writing: version-2 rows; a version-1 sheet is converted', () => {
  const stamp = {
    tingkat: 'kepalaOpd',
    hashIsi: H,
    waktu: '2026-03-02T02:00:00.000Z',
    versiAturan: '1',
    referensi: 'bitung-contoh@x',
    alat: 'inovasi-daerah 1.0.0',
    galat: 0,
    peringatan: 1,
    diterima: 0,
    oleh: 'dr. Joice',
    jabatan: 'Kepala Dinas',
  };
  it('converts version 1, keeping its stamp as the first row', () => {
    const v1 = readStempel({
      sheets: [
        {
          name: '_stempel',
          rows: [
            ['versi', 1],
            ['contentHash', H],
            ['waktu', '2026-03-01T02:00:00.000Z'],
            ['galat', 0],
            ['peringatan', 1],
            ['diterima', 0],
            ['oleh', 'Rina'],
          ],
        },
      ],
    });
    const w = stempelWrite(v1, stamp);
    expect(w.convert).toBe(true);
    expect(w.sheet).toEqual([
      [...STEMPEL_HEADER],
      ['penyusun', 2, H, '2026-03-01T02:00:00.000Z', '', '', '', 0, 1, 0, 'Rina', '', ''],
      [
        'kepalaOpd',
        2,
        H,
        '2026-03-02T02:00:00.000Z',
        '1',
        'bitung-contoh@x',
        'inovasi-daerah 1.0.0',
        0,
        1,
        0,
        'dr. Joice',
        'Kepala Dinas',
        '',
      ],
    ]);
    // Read back, the chain is the same plus the new stamp.
    const back = readStempel({ sheets: [{ name: '_stempel', rows: w.sheet }] });
    expect(chainStatus(back, DEFAULT_TINGKAT, H).tingkat).toBe('kepalaOpd');
  });
  it('appends to version 2; a return needs a note', () => {
    const w = stempelWrite(read([['penyusun', H, '2026-03-01T02:00:00Z']]), {
      ...stamp,
      kembali: true,
      catatan: 'Lengkapi SOP',
    });
    expect(w.convert).toBe(false);
    expect(w.append).toEqual([
      [
        'kepalaOpd:kembali',
        2,
        H,
        '2026-03-02T02:00:00.000Z',
        '1',
        'bitung-contoh@x',
        'inovasi-daerah 1.0.0',
        0,
        1,
        0,
        'dr. Joice',
        'Kepala Dinas',
        'Lengkapi SOP',
      ],
    ]);
    expect(() => stempelWrite(read([]), { ...stamp, kembali: true, catatan: ' ' })).toThrow(/note/);
    expect(stempelWrite(read([]), { ...stamp, tingkat: 'penyusun' }).convert).toBe(false); // a header-only version-2 sheet
    expect(stempelWrite(readStempel({ sheets: [] }), { ...stamp, tingkat: 'penyusun' }).convert).toBe(true);
  });
});

describe('schedule words', () => {
  const JADWAL: Jadwal = { tahun: 2026, batas: { kepalaOpd: '2026-03-31', verifikator: '2026-04-30' } };
  const words = (rows: Row[], today: string, zone = 'Asia/Makassar', jadwal: Jadwal = JADWAL) =>
    scheduleStatus(chain(rows), DEFAULT_TINGKAT, jadwal, today, zone).map((j) => [
      j.tingkat,
      j.keadaan,
      j.hari,
      scheduleWord(j),
    ]);

  it('tepat waktu on the deadline day; belum jatuh tempo before it', () => {
    expect(
      words(
        [
          ['penyusun', H, '2026-03-30T01:00:00Z'],
          ['kepalaOpd', H, '2026-03-31T10:00:00Z'],
        ],
        '2026-04-10',
      ),
    ).toEqual([
      ['kepalaOpd', 'tepatWaktu', 0, 'Tepat waktu'],
      ['verifikator', 'belumJatuhTempo', 0, 'Belum jatuh tempo'],
    ]);
  });

  it('terlambat n hari across a month end; lewat n hari across a month end', () => {
    expect(
      words(
        [
          ['penyusun', H, '2026-03-30T01:00:00Z'],
          ['kepalaOpd', H, '2026-04-03T01:00:00Z'],
        ],
        '2026-05-02',
      ),
    ).toEqual([
      ['kepalaOpd', 'terlambat', 3, 'Terlambat 3 hari'],
      ['verifikator', 'lewat', 2, 'Lewat 2 hari'],
    ]);
    expect(words([], '2026-11-28')).toEqual([
      ['kepalaOpd', 'lewat', 242, 'Lewat 242 hari'],
      ['verifikator', 'lewat', 212, 'Lewat 212 hari'],
    ]);
  });

  it('a leap day counts: 28 February to 1 March 2028 is two days', () => {
    const leap = { tahun: 2028, batas: { kepalaOpd: '2028-02-28' } };
    expect(words([], '2028-03-01', 'Asia/Makassar', leap)).toEqual([
      ['kepalaOpd', 'lewat', 2, 'Lewat 2 hari'],
    ]);
    expect(
      words([], '2027-03-01', 'Asia/Makassar', { tahun: 2027, batas: { kepalaOpd: '2027-02-28' } }),
    ).toEqual([['kepalaOpd', 'lewat', 1, 'Lewat 1 hari']]);
    expect(
      words(
        [
          ['penyusun', H, '2028-02-27T01:00:00Z'],
          ['kepalaOpd', H, '2028-02-29T03:00:00Z'],
        ],
        '2028-03-10',
        'Asia/Makassar',
        leap,
      ),
    ).toEqual([['kepalaOpd', 'terlambat', 1, 'Terlambat 1 hari']]);
  });

  it('the time-zone edge: 2026-03-31T17:00Z is 1 April in Bitung (WITA), 31 March one minute earlier in UTC+8 terms', () => {
    expect(localDay('2026-03-31T17:00:00Z', 'Asia/Makassar')).toBe('2026-04-01');
    expect(localDay('2026-03-31T15:59:00Z', 'Asia/Makassar')).toBe('2026-03-31');
    expect(localDay('2026-03-31T16:30:00Z', 'Asia/Jakarta')).toBe('2026-03-31');
    expect(dayInZone(Date.parse('2026-03-31T17:00:00Z'), 'UTC')).toBe('2026-03-31');
    const late = words(
      [
        ['penyusun', H, '2026-03-30T01:00:00Z'],
        ['kepalaOpd', H, '2026-03-31T17:00:00Z'],
      ],
      '2026-04-10',
    );
    expect(late[0]).toEqual(['kepalaOpd', 'terlambat', 1, 'Terlambat 1 hari']);
    const inJakarta = words(
      [
        ['penyusun', H, '2026-03-30T01:00:00Z'],
        ['kepalaOpd', H, '2026-03-31T16:30:00Z'],
      ],
      '2026-04-10',
      'Asia/Jakarta',
    );
    expect(inJakarta[0]).toEqual(['kepalaOpd', 'tepatWaktu', 0, 'Tepat waktu']);
  });

  it('an OPD without a workbook is lewat for every passed deadline', () => {
    expect(
      scheduleStatus(null, DEFAULT_TINGKAT, JADWAL, '2026-04-15', 'Asia/Makassar').map((j) =>
        scheduleWord(j),
      ),
    ).toEqual(['Lewat 15 hari', 'Belum jatuh tempo']);
  });

  it('English words', () => {
    expect(scheduleWord({ keadaan: 'terlambat', hari: 3 }, 'en')).toBe('3 days late');
    expect(scheduleWord({ keadaan: 'lewat', hari: 12 }, 'en')).toBe('12 days overdue');
  });
});

describe('KON-04, KON-06, KON-07 on a validated workbook', () => {
  const REF = withJadwal({ kepalaOpd: '2026-03-31', verifikator: '2026-04-30' });
  const hashOf = (ref: Reference) =>
    validateWorkbook(buildGrid({ rows: [validRow()] }), 'dinkes.xlsx', { reference: ref, today: TODAY })
      .contentHash!;
  const run = (rows: (hash: string) => Row[], ref: Reference = REF, today = TODAY) => {
    const hash = hashOf(ref);
    return validateWorkbook(
      buildGrid({ rows: [validRow()], extraSheets: [sheet(rows(hash))] }),
      'dinkes.xlsx',
      { reference: ref, today },
    );
  };
  const of = (v: ReturnType<typeof run>, rule: string) => v.findings.filter((f) => f.rule === rule);

  it('KON-06 once per late level, a file-level finding whose value is the level key (distinct ids)', () => {
    const v = run((h) => [
      ['penyusun', h, '2026-03-30T01:00:00Z'],
      ['kepalaOpd', h, '2026-04-03T01:00:00Z'],
    ]);
    const k = of(v, 'KON-06');
    expect(k.map((f) => [f.sheet, f.cell, f.value, f.severity])).toEqual([
      [null, null, 'kepalaOpd', 'warning'],
      [null, null, 'verifikator', 'warning'],
    ]);
    expect(k[0].id).not.toBe(k[1].id);
    expect(findingMessage(k[0], 'id')).toBe(
      'Tingkat «Disetujui Kepala OPD» melewati batas 31 Maret 2026 (3 hari).',
    );
    expect(findingMessage(k[1], 'en')).toBe('Level «Verified» missed its deadline 30 April 2026 (212 days).');
  });

  it('KON-06 stays quiet on time, before the deadline, without a schedule, and for another reporting year', () => {
    const onTime = (h: string): Row[] => [
      ['penyusun', h, '2026-03-30T01:00:00Z'],
      ['kepalaOpd', h, '2026-03-31T01:00:00Z'],
      ['verifikator', h, '2026-04-30T01:00:00Z'],
    ];
    expect(of(run(onTime), 'KON-06')).toEqual([]);
    expect(
      of(
        run(() => [], REF, '2026-03-31'),
        'KON-06',
      ),
    ).toEqual([]);
    expect(
      of(
        run(() => [], BASE),
        'KON-06',
      ),
    ).toEqual([]);
    const other = withJadwal({ kepalaOpd: '2025-03-31' }, 2025);
    const v = run(() => [], other);
    expect(of(v, 'KON-06')).toEqual([]);
    expect(v.persetujuan.jadwal).toEqual([]);
    // Only for the schedule's year (docs/spec/signoff.md revised): a workbook without a valid year gets none.
    const noYear = validateWorkbook(
      buildGrid({
        identitas: VALID_IDENTITAS.map(
          ([l, x]) => [l, l === 'Tahun Pelaporan' ? null : x] as [string, CellValue],
        ),
        rows: [validRow()],
      }),
      'dinkes.xlsx',
      { reference: REF, today: TODAY },
    );
    expect([of(noYear, 'KON-06'), noYear.persetujuan.jadwal]).toEqual([[], []]);
  });

  it('KON-07 when returned and not stamped again (the returning level as value); quiet once prepared again', () => {
    const v = run((h) => [
      ['penyusun', h, '2026-03-30T01:00:00Z'],
      ['kepalaOpd:kembali', h, '2026-03-31T17:00:00Z', 'dr. Joice', 'Lengkapi dasar hukum'],
    ]);
    const k = of(v, 'KON-07');
    expect(k.map((f) => [f.sheet, f.cell, f.value, f.severity])).toEqual([[null, null, 'kepalaOpd', 'info']]);
    expect(findingMessage(k[0], 'id')).toBe(
      'Dikembalikan oleh dr. Joice pada 1 April 2026: Lengkapi dasar hukum',
    );
    const again = run((h) => [
      ['penyusun', h, '2026-03-30T01:00:00Z'],
      ['kepalaOpd:kembali', h, '2026-03-31T01:00:00Z', 'dr. Joice', 'x'],
      ['penyusun', h, '2026-04-01T01:00:00Z'],
    ]);
    expect(of(again, 'KON-07')).toEqual([]);
  });

  it('KON-04: required level not reached (new wording), chain broken by an edit, quiet once reached', () => {
    const kon04 = (v: ReturnType<typeof run>, ref = REF) => {
      const f = stampFinding(v, ref);
      return f && findingMessage(f, 'id');
    };
    expect(kon04(run(() => []))).toBe('Berkas belum distempel berjenjang sampai «Disetujui Kepala OPD».');
    expect(kon04(run((h) => [['penyusun', h, '2026-03-30T01:00:00Z']]))).toBe(
      'Berkas belum distempel berjenjang sampai «Disetujui Kepala OPD».',
    );
    expect(
      kon04(
        run(() => [
          ['penyusun', OTHER, '2026-03-30T01:00:00Z'],
          ['kepalaOpd', OTHER, '2026-03-31T17:30:00Z'],
        ]),
      ),
    ).toBe('Isi berubah setelah distempel pada 1 April 2026; stempel ulang berjenjang.');
    const reached = run((h) => [
      ['penyusun', h, '2026-03-30T01:00:00Z'],
      ['kepalaOpd', h, '2026-03-31T01:00:00Z'],
    ]);
    expect(kon04(reached)).toBeNull();
    // A reference requiring the verifier: the same file is short of it.
    const strict = parseReferenceJson({
      ...JSON.parse(JSON.stringify(EMBEDDED_REFERENCE_JSON)),
      tingkatWajib: 'verifikator',
    });
    if (!strict.ok) throw new Error('bad');
    expect(kon04(reached, strict.reference)).toBe('Berkas belum distempel berjenjang sampai «Diverifikasi».');
  });

  it('the JSON report: persetujuan beside the unchanged stamp', () => {
    const v = run((h) => [
      ['penyusun', h, '2026-03-30T01:00:00Z', 'Staf Inovasi'],
      ['kepalaOpd', h, '2026-04-03T01:00:00Z', 'dr. Joice'],
    ]);
    const f = buildReport([v], { reference: REF, today: TODAY, lang: 'id' }).files[0];
    expect(f.stamp).toBe('valid');
    expect(f.persetujuan).toEqual({
      tingkat: 'kepalaOpd',
      dikembalikan: false,
      berubah: false,
      stempel: [
        {
          tingkat: 'penyusun',
          status: 'valid',
          waktu: '2026-03-30T01:00:00Z',
          oleh: 'Staf Inovasi',
          jabatan: 'Jabatan',
        },
        {
          tingkat: 'kepalaOpd',
          status: 'valid',
          waktu: '2026-04-03T01:00:00Z',
          oleh: 'dr. Joice',
          jabatan: 'Jabatan',
        },
        { tingkat: 'verifikator', status: 'none', waktu: null, oleh: null, jabatan: null },
      ],
      jadwal: [
        { tingkat: 'kepalaOpd', batas: '2026-03-31', keadaan: 'terlambat', hari: 3 },
        { tingkat: 'verifikator', batas: '2026-04-30', keadaan: 'lewat', hari: 212 },
      ],
    });
    expect(Object.keys(f).indexOf('persetujuan')).toBe(Object.keys(f).indexOf('stamp') + 1);
  });

  it('the audit CSV: Tingkat Persetujuan and one Waktu <label> per level', () => {
    const v = run((h) => [
      ['penyusun', h, '2026-03-30T01:00:00Z'],
      ['kepalaOpd', h, '2026-04-03T01:00:00Z'],
    ]);
    const lines = auditCsv([v], 'id').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFBerkas,Perangkat Daerah,Tingkat Persetujuan,Waktu Disusun,Waktu Disetujui Kepala OPD,Waktu Diverifikasi,Hash Isi,ID,Aturan,Jenis,Sel,Nama Inovasi,Pesan,Status,Alasan,Pemeriksa',
    );
    expect(lines[1]).toMatch(
      /^dinkes\.xlsx,Dinas Kesehatan,Disetujui Kepala OPD,2026-03-30T01:00:00Z,2026-04-03T01:00:00Z,,sha256:/,
    );
  });

  it('validate --format text: the reached level and any lateness per file', () => {
    const v = run((h) => [
      ['penyusun', h, '2026-03-30T01:00:00Z'],
      ['kepalaOpd', h, '2026-04-03T01:00:00Z'],
    ]);
    const report = buildReport([v], { reference: REF, today: TODAY, lang: 'id' });
    expect(signoffText(report.files[0].persetujuan, 'id')).toBe(
      'persetujuan: Disetujui Kepala OPD — Disetujui Kepala OPD: Terlambat 3 hari — Diverifikasi: Lewat 212 hari',
    );
    expect(signoffText(report.files[0].persetujuan, 'en')).toBe(
      'sign-off: Approved by head of agency — Approved by head of agency: 3 days late — Verified: 212 days overdue',
    );
    // The file line wraps at 120 columns; read it whole.
    expect(
      formatText(report, 'id')
        .replace(/\n {6}/g, ' ')
        .split('\n')[0],
    ).toMatch(
      /— persetujuan: Disetujui Kepala OPD — Disetujui Kepala OPD: Terlambat 3 hari — Diverifikasi: Lewat 212 hari$/,
    );
    const none = buildReport([run(() => [], BASE)], { reference: BASE, today: TODAY, lang: 'id' });
    expect(formatText(none, 'id').split('\n')[0]).toMatch(/— persetujuan: Belum Distempel$/);
  });
});

describe('the add-in API: checkSignoff → nextSignoff → stempelWrite → checkSignoff', () => {
  it('walks prepare → return → prepare → approve → verify on a version-1 workbook, converting it on the first write', async () => {
    const { checkSignoff } = await import('../../src/engine/validate');
    const base = buildGrid({ rows: [validRow()] });
    const hash = validateWorkbook(base, 'x.xlsx', { reference: BASE, today: TODAY }).contentHash!;
    let stempelRows: CellValue[][] = [
      ['versi', 1],
      ['contentHash', hash],
      ['waktu', '2026-03-01T02:00:00.000Z'],
      ['oleh', 'Rina'],
    ];
    const grid = () => ({ sheets: [...base.sheets, { name: '_stempel', rows: stempelRows }] });
    const act = (oleh: string, waktu: string, kembali?: string) => {
      const check = checkSignoff(grid(), BASE, TODAY);
      const next = nextSignoff(check.persetujuan, true);
      if (!next.level) throw new Error('nothing to do');
      const w = stempelWrite(check.stempel, {
        tingkat: next.level.kunci,
        kembali: kembali !== undefined,
        catatan: kembali,
        hashIsi: check.contentHash!,
        waktu,
        versiAturan: '1',
        referensi: 'r',
        alat: 'a',
        galat: 0,
        peringatan: 0,
        diterima: 0,
        oleh,
      });
      stempelRows = w.sheet;
      return [next.level.kunci, w.convert];
    };
    expect(checkSignoff(grid(), BASE, TODAY).persetujuan.tingkat).toBe('penyusun');
    expect(act('Kadis', '2026-03-02T02:00:00.000Z', 'Lengkapi SOP')).toEqual(['kepalaOpd', true]);
    expect(checkSignoff(grid(), BASE, TODAY).persetujuan.dikembalikan).toBe(true);
    expect(act('Rina', '2026-03-03T02:00:00.000Z')).toEqual(['penyusun', false]);
    expect(act('Kadis', '2026-03-04T02:00:00.000Z')).toEqual(['kepalaOpd', false]);
    expect(act('BRIDA', '2026-03-05T02:00:00.000Z')).toEqual(['verifikator', false]);
    const done = checkSignoff(grid(), BASE, TODAY);
    expect([
      done.persetujuan.tingkat,
      done.persetujuan.dikembalikan,
      done.status,
      done.stempel.versi,
      done.stempel.rows.length,
    ]).toEqual(['verifikator', false, 'valid', 2, 5]);
    expect(nextSignoff(done.persetujuan, true).level).toBeNull();
  });
});

describe('signoffWordEn: the printed table in English', () => {
  test('every schedule and chain word, the level labels and the Tepat Waktu headings; anything else is none', () => {
    for (const [keadaan, hari] of [
      ['tepatWaktu', 0],
      ['terlambat', 3],
      ['lewat', 12],
      ['belumJatuhTempo', 0],
    ] as const)
      expect(signoffWordEn(scheduleWord({ keadaan, hari }), DEFAULT_TINGKAT)).toBe(
        scheduleWord({ keadaan, hari }, 'en'),
      );
    expect(signoffWordEn('Belum Distempel', DEFAULT_TINGKAT)).toBe('Not stamped');
    expect(signoffWordEn('Disetujui Kepala OPD', DEFAULT_TINGKAT)).toBe('Approved by head of agency');
    expect(signoffWordEn('Tepat Waktu Diverifikasi', DEFAULT_TINGKAT)).toBe('On time: Verified');
    expect(signoffWordEn('Lewat x hari', DEFAULT_TINGKAT)).toBeNull();
    expect(signoffWordEn('Dinas Kesehatan', DEFAULT_TINGKAT)).toBeNull();
  });
});
