/**
 * Konsolidasi in the pane with a reference that has a schedule (examples/referensi-2026.json): the
 * per-OPD result rows carry `Tingkat Persetujuan` and the `Tepat Waktu <level>` words from the
 * engine's summary model, and the sheet the add-in writes has those columns.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { scheduleColumn } from '../../src/engine/consolidate';
import { parseReferenceJson } from '../../src/engine/reference/load';
import { consolidateFiles } from '../../src/taskpane/consolidation';
import * as xlsxModule from '../../src/xlsx/readXlsx';
import { MemoryPort } from './memoryPort';

const ROOT = path.resolve(__dirname, '..', '..');
const parsed = parseReferenceJson(
  JSON.parse(readFileSync(path.join(ROOT, 'examples/referensi-2026.json'), 'utf8')),
);
if (!parsed.ok) throw new Error('examples/referensi-2026.json does not load');
const reference = parsed.reference;

const file = (name: string) => {
  const bytes = readFileSync(path.join(ROOT, 'examples', name));
  return {
    name,
    size: bytes.length,
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
};

describe('Konsolidasi with a schedule', () => {
  test('each row: the reached level (Belum Distempel; blank for an OPD that sent nothing) and one schedule word per level with a deadline; missing OPDs are past due', async () => {
    const port = new MemoryPort();
    const result = await consolidateFiles([file('dinkes-2026.xlsx'), file('dlh-2026.xlsx')], {
      port,
      reference,
      today: '2026-11-28',
      consolidatedAt: '2026-11-28T09:00:00',
      lang: 'id',
      loadXlsx: async () => xlsxModule,
    });
    const levels = reference.tingkatPersetujuan
      .filter((l) => reference.jadwal?.batas[l.kunci])
      .map((l) => l.label);
    expect(levels).toEqual(['Disusun', 'Disetujui Kepala OPD', 'Diverifikasi']);
    const rows = result.rows.filter((r) => !r.total);
    for (const r of rows) {
      // An OPD that sent nothing has no level (blank), only its lateness.
      expect(r.stamp).toMatch(
        r.status === 'Belum Mengirim'
          ? /^$/
          : /^(Belum Distempel|Disusun|Disetujui Kepala OPD|Diverifikasi|Dikembalikan|Berubah)$/,
      );
      expect(r.schedule.map((s) => s.level)).toEqual(levels);
      for (const s of r.schedule)
        expect(s.word).toMatch(/^(Tepat waktu|Terlambat \d+ hari|Lewat \d+ hari|Belum jatuh tempo)$/);
    }
    // 28 November: past 31 October and 20 November, not yet 15 December.
    const missing = rows.find((r) => r.status === 'Belum Mengirim')!;
    expect(missing.schedule.map((s) => s.word)).toEqual([
      'Lewat 28 hari',
      'Lewat 8 hari',
      'Belum jatuh tempo',
    ]);
    // The summary written by the add-in is the engine's model: Tingkat Persetujuan, then one Tepat Waktu column per level.
    const rekap = port.summaries[0].rekapOpd;
    expect(rekap.columns.slice(rekap.columns.indexOf('Tingkat Persetujuan'))).toEqual([
      'Tingkat Persetujuan',
      ...levels.map(scheduleColumn),
    ]);
  });
});
