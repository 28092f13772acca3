/**
 * What a planner prints, printed through LibreOffice (`soffice --headless --convert-to pdf`): the
 * demo's city summary, one feedback workbook and one blank template, converted in one soffice call.
 * Every word on every page is measured (`pdftotext -bbox`): the smallest text and each page's
 * median must meet the 7-point floor of docs/spec/consolidation.md (*Printing and reading*). Also:
 * `Rekap OPD` prints with its identifying columns and header on every page, `Daftar Inovasi` without
 * its narratives, the print date as text, the template's `Identitas` on one page. Keeps a PNG of
 * each first page in screenshots/ (`pdftoppm -png -r 60`). A generous timeout; the soffice process
 * group is ended whatever happens. Skipped, saying why, only when soffice or poppler-utils are
 * missing (`.ci/run` installs both).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { SUMMARY_SHEET_NAMES } from '../../src/engine/consolidate';

const ROOT = path.join(__dirname, '..', '..');
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? null;
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = [
  SOFFICE ? null : 'soffice',
  ...['pdfinfo', 'pdftotext', 'pdftoppm'].map((t) => (has(t) ? null : t)),
].filter(Boolean);
if (missing.length)
  console.log(
    `print-pdf.test: skipped, ${missing.join(', ')} not installed (apt-get install libreoffice-calc poppler-utils)`,
  );
const maybe = missing.length ? describe.skip : describe;

/** Runs soffice in its own process group with its own profile; the group is ended on timeout and after exit. */
function convert(files: string[], outDir: string, profile: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files,
      ],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
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

/**
 * pdftotext's word box is the font's ascent + descent: 1.3 × the point size for the fonts
 * LibreOffice prints Calibri with (Carlito; measured: 11-point text at 100 % gives 14.3 points).
 */
const BOX_PER_POINT = 1.3;
const FLOOR_POINTS = 7;

interface Word {
  readonly text: string;
  readonly points: number;
}

/** The words of every page with their size in points. */
function wordsPerPage(pdf: string): Word[][] {
  const xml = spawnSync('pdftotext', ['-bbox', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).stdout;
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        text: m[3],
        points: (Number(m[2]) - Number(m[1])) / BOX_PER_POINT,
      })),
    );
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const text = (pdf: string, page: number): string =>
  spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' })
    .stdout;

maybe('printed through LibreOffice', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inovasi-pdf-'));
  const pdfs = {
    summary: path.join(dir, 'rekap-kota-bitung.pdf'),
    feedback: path.join(dir, 'umpan-balik-dinkes-2026.pdf'),
    template: path.join(dir, 'templat-dinkes.pdf'),
  };

  beforeAll(async () => {
    const quiet = {
      stdout: () => undefined,
      stderr: () => undefined,
      progress: false,
      today: () => '2026-11-28',
    };
    const summary = path.join(dir, 'rekap-kota-bitung.xlsx');
    await run(
      [
        'consolidate',
        path.join(ROOT, 'examples'),
        '--today',
        '2026-11-28',
        '--out',
        summary,
        '--umpan-balik',
        path.join(dir, 'ub'),
        '--quiet',
      ],
      quiet,
    );
    const template = path.join(dir, 'templat-dinkes.xlsx');
    await run(
      ['template', '--opd', 'Dinas Kesehatan', '--tahun', '2026', '--out', template, '--quiet'],
      quiet,
    );
    // One soffice call for the three files keeps the test's time modest.
    await convert(
      [summary, path.join(dir, 'ub', 'umpan-balik-dinkes-2026.xlsx'), template],
      dir,
      path.join(dir, 'profile'),
      240_000,
    );
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('no text under 7 points on any page: neither the smallest word nor any page median', () => {
    for (const [name, pdf] of Object.entries(pdfs)) {
      expect(existsSync(pdf)).toBe(true);
      const pages = wordsPerPage(pdf);
      expect(pages.length).toBeGreaterThan(0);
      pages.forEach((words, i) => {
        if (!words.length) return; // a page of chart only has no words to measure
        const smallest = words.reduce((a, b) => (b.points < a.points ? b : a));
        // Name the page and word when it fails.
        expect({ name, page: i + 1, smallest: smallest.points >= FLOOR_POINTS ? 'ok' : smallest }).toEqual({
          name,
          page: i + 1,
          smallest: 'ok',
        });
        expect(median(words.map((w) => w.points))).toBeGreaterThanOrEqual(FLOOR_POINTS);
      });
    }
  });

  test('the summary: Ringkasan first on one A4 portrait page, then A4 landscape, sheets in order, identifying columns and header on every page, the print date as text', () => {
    const info = spawnSync('pdfinfo', ['-f', '1', '-l', '2', pdfs.summary], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Page\s+2 size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    const texts = Array.from({ length: pages }, (_, i) => text(pdfs.summary, i + 1));
    // Every page names its sheet in the header; the first page is the first sheet.
    expect(texts[0]).toContain(`${SUMMARY_SHEET_NAMES[0]} — Kota Bitung — 2026`);
    // Kesiapan IID's header says its scores are an estimate (docs/spec/iid.md).
    const headerName = (s: string) => (s === 'Kesiapan IID' ? 'Kesiapan IID (perkiraan)' : s);
    const firstPageOf = SUMMARY_SHEET_NAMES.map((s) =>
      texts.findIndex((t) => t.includes(`${headerName(s)} — Kota Bitung — 2026`)),
    );
    expect(firstPageOf.every((p) => p >= 0)).toBe(true);
    expect(firstPageOf).toEqual([...firstPageOf].sort((a, b) => a - b));
    // Ringkasan is the first sheet and one page: Tindak Lanjut starts on page 2.
    expect(SUMMARY_SHEET_NAMES.slice(0, 2)).toEqual(['Ringkasan', 'Tindak Lanjut']);
    expect(firstPageOf.slice(0, 2)).toEqual([0, 1]);
    expect(texts[0].replace(/\s+/g, ' ')).toContain('Rekapitulasi Inovasi Daerah Kota Bitung Tahun 2026');
    expect(texts[0]).toMatch(/OPD mengirim \(berkasnya dihitung\)\s+\d+\s+\d+ dari 37 OPD/);
    expect(texts[0]).toMatch(/Kesiapan IID/);
    for (const t of texts) {
      expect(t).toMatch(/Halaman \d+ dari \d+/);
      expect(t).toMatch(
        /Dicetak \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/,
      );
    }
    const rekap = texts.filter((t) => t.includes('Rekap OPD — Kota Bitung — 2026'));
    for (const page of rekap) expect(page).toMatch(/No\s+Kode OPD\s+Perangkat Daerah/); // repeated on pages across
    expect(rekap.join('\n')).toContain('Total Kota');
    expect(rekap.join('\n')).toContain('Inovasi per OPD menurut tahapan');
    const daftar = texts.filter((t) => t.includes('Daftar Inovasi — Kota Bitung — 2026'));
    expect(daftar.length).toBeGreaterThan(1);
    for (const page of daftar) {
      expect(page).toMatch(/Kode OPD\s+Perangkat Daerah\s+Berkas\s+Baris\s+No\s+Nama Inovasi/);
      expect(page).not.toContain('Rancang Bangun'); // the narratives stay in the sheet
    }
  });

  test("the feedback fits its page; the template's Identitas is one page, labels beside values", () => {
    const feedback = text(pdfs.feedback, 1);
    expect(feedback).toMatch(/Sel\s+Nama Inovasi\s+Aturan/);
    expect(feedback).not.toMatch(/\bID\b/); // the ID column is hidden and outside the print
    const identitas = text(pdfs.template, 1);
    expect(identitas).toMatch(/Perangkat Daerah\s+Dinas Kesehatan/);
    expect(identitas).toMatch(/Tahun Pelaporan\s+2026/);
    expect(identitas).toContain('Versi Templat');
    expect(text(pdfs.template, 2)).not.toContain('Tahun Pelaporan');
  });

  test('a PNG of each first page goes to screenshots/', () => {
    const shots = path.join(ROOT, 'screenshots');
    mkdirSync(shots, { recursive: true });
    for (const [name, pdf] of Object.entries(pdfs)) {
      const png = spawnSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        path.join(dir, name),
      ]);
      expect(png.status).toBe(0);
      copyFileSync(path.join(dir, `${name}.png`), path.join(shots, `print-${name}.png`));
      expect(existsSync(path.join(shots, `print-${name}.png`))).toBe(true);
    }
  });
});
