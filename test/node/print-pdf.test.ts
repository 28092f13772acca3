/**
 * The demo's city summary printed through LibreOffice (`soffice --headless --convert-to pdf`):
 * `Rekap OPD` must print one page wide — every one of its pages shows the first and the last
 * column's header (the header row repeats, no page holds only the right-hand columns). Keeps a PNG
 * of the first page in screenshots/ (`pdftoppm -png -r 60`). One conversion, a generous timeout,
 * the soffice process group ended whatever happens. Skipped, saying why, only when soffice or
 * poppler-utils are missing (`.ci/run` installs both).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { REKAP_COLUMNS } from '../../src/engine/consolidate';

const ROOT = path.join(__dirname, '..', '..');
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? null;
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = [SOFFICE ? null : 'soffice', ...['pdfinfo', 'pdftotext', 'pdftoppm'].map((t) => (has(t) ? null : t))].filter(Boolean);
if (missing.length) console.log(`print-pdf.test: skipped, ${missing.join(', ')} not installed (apt-get install libreoffice-calc poppler-utils)`);
const maybe = missing.length ? test.skip : test;

/** Runs soffice in its own process group with its own profile; the group is ended on timeout and after exit. */
function convert(file: string, outDir: string, profile: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file], {
      detached: true,
      stdio: 'ignore',
    });
    const endGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      endGroup();
      reject(new Error(`soffice did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      endGroup();
      if (code === 0) resolve();
      else reject(new Error(`soffice exited with ${code}`));
    });
  });
}

const text = (pdf: string, page: number): string =>
  spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;

maybe(
  'Rekap OPD of the demo prints one page wide, its header row on every page',
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inovasi-pdf-'));
    try {
      const xlsx = path.join(dir, 'rekap-kota-bitung.xlsx');
      const quiet = { stdout: () => undefined, stderr: () => undefined, progress: false, today: () => '2026-11-28' };
      await run(['consolidate', path.join(ROOT, 'examples'), '--today', '2026-11-28', '--out', xlsx, '--quiet'], quiet);
      await convert(xlsx, dir, path.join(dir, 'profile'), 240_000);
      const pdf = path.join(dir, 'rekap-kota-bitung.pdf');
      expect(existsSync(pdf)).toBe(true);

      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
      // Landscape A4 (841.89 × 595.28 points).
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      // The sheets in order: every page says in its header which sheet it is.
      const headers = Array.from({ length: pages }, (_, i) => text(pdf, i + 1));
      const rekap = headers.filter((t) => t.includes('Rekap OPD — Kota Bitung — 2026'));
      expect(headers[0]).toContain('Rekap OPD — Kota Bitung — 2026');
      expect(rekap.length).toBeGreaterThanOrEqual(1);
      // Printed as one page wide: more pages than its rows need would mean columns split off.
      expect(rekap.length).toBeLessThanOrEqual(2);
      for (const page of rekap) {
        // The first and the last column's header on every page: header row repeated, no page of right-hand columns only.
        expect(page).toMatch(/No\s+Kode OPD\s+Perangkat Daerah/);
        expect(page).toContain(REKAP_COLUMNS[REKAP_COLUMNS.length - 1]);
        expect(page).toMatch(/Halaman \d+ dari \d+/);
        expect(page).toMatch(/Dicetak \S+/);
      }
      expect(rekap.join('\n')).toContain('Total Kota');
      // The chart printed with it: its title and legend.
      expect(rekap.join('\n')).toContain('Inovasi per OPD menurut tahapan');
      // A sheet of several pages (Daftar Inovasi, long texts wrapped): its header row on each, first to last column.
      const daftar = headers.filter((t) => t.includes('Daftar Inovasi — Kota Bitung — 2026'));
      expect(daftar.length).toBeGreaterThan(1);
      for (const page of daftar) {
        expect(page).toMatch(/Kode OPD\s+Perangkat Daerah\s+Berkas\s+Baris/);
        expect(page).toMatch(/Galat\s+Peringatan/);
      }
      // The whole summary: far fewer pages than the 86 of before.
      expect(pages).toBeLessThan(30);

      const shots = path.join(ROOT, 'screenshots');
      mkdirSync(shots, { recursive: true });
      const png = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'rekap-opd')]);
      expect(png.status).toBe(0);
      copyFileSync(path.join(dir, 'rekap-opd.png'), path.join(shots, 'print-rekap-opd.png'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  300_000,
);
