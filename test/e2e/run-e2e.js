#!/usr/bin/env node
/* global require, module, process, __dirname, console, URL, fetch */
/* eslint-disable @typescript-eslint/no-require-imports */
// End-to-end test of the PRODUCTION task pane in a real (headless) Chromium, on a fake Excel host.
//
//   npm run test:e2e            (= npm run build && node test/e2e/run-e2e.js)
//   node test/e2e/run-e2e.js    (reuses the current dist/)
//
// 1. Bundles the fake host (test/e2e/fake-host-entry.ts → test/fake-excel/) for the browser.
// 2. Serves dist/ and the harness page (test/e2e/harness.html: the fake host, then the production
//    scripts named by dist/taskpane.html, under its Content-Security-Policy, without Office.js) on
//    http://127.0.0.1:<free port>.
// 3. Drives Debian's /usr/bin/chromium with playwright-core (never a downloaded browser) through the
//    SCENARIO below, saving a screenshot per step into screenshots/.
// Any request that leaves the test server is blocked and fails the run, as do page errors, console
// errors (CSP violations show up there) and 404s. Closing line: "N passed, N failed"; exit 1 on failure.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const SCREENSHOTS = path.join(ROOT, 'screenshots');
const FAKE_HOST_ENTRY = path.join(__dirname, 'fake-host-entry.ts');
const { GUIDE_DIR, GUIDE_SHOTS } = require('./guide-shots');
const GUIDE_MAX_HEIGHT = 800;
const FAKE_HOST_URL = '/__e2e/fake-host.js';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
const VIEWPORT = { width: 320, height: 800 }; // the narrowest task pane the spec supports
const STEP_TIMEOUT_MS = 30_000;

// ───────────────────────────────────────────────────────────────────────────────────────────────
// SCENARIO: the steps, in order, sharing one page. Each gets { page, fake, waitFake, state, log, shot }
// and throws to fail; a screenshot is saved after each, and the steps after a failure are skipped.
// A step with `todo` is listed but not run.
//   fake(fn, arg)      runs fn(window.__fakeWorkbook, arg) in the page; resolves to its JSON result.
//                      fn must be self-contained (it is sent as source text).
//   waitFake(fn, [arg,] what)  waits, in the page, until fn(window.__fakeWorkbook, arg) is truthy and
//                      resolves to its value (throws naming `what` after STEP_TIMEOUT_MS). No step
//                      sleeps: each waits for a state (this, or a locator's waitFor).
//   state              an object the steps share (snapshots taken by one step, checked by a later one).
//   shot(label)        saves an extra screenshot in the middle of a step (NN-step--label.png).
//   guide(name[, locator])  saves a screenshot of the user guide (docs/panduan/gambar/<name>.png; the
//                      names are listed in guide-shots.js, and the run fails when one is not taken):
//                      the element when a locator is given, 'viewport' for what is on screen (a
//                      dialog), else the whole pane (its <main>).
// The data come from examples/dinkes-2026.xlsx (see examples/README.md): a submission with two
// planted errors, SOP-04 (no «SP Penanganan Pengaduan» for a public-service innovation, row 6) and
// LOG-01 (Tanggal Penerapan before Tanggal Uji Coba, row 7).
// ───────────────────────────────────────────────────────────────────────────────────────────────
const EXAMPLE = 'dinkes-2026.xlsx';
const CONSOLIDATE = ['dinkes-2026.xlsx', 'disdikbud-2026.xlsx', 'dinsos-2026.xlsx'];
const VALIDATION_DATE = '2026-11-28T09:00:00+08:00'; // the pane's clock: after 31 Oct 2026, as the examples assume

/** In the page: column letter of each header label of the Inovasi sheet, e.g. { 'Tanggal Penerapan': 'L' }. */
const headerColumns = (wb) => {
  const header = wb.sheet('Inovasi').values('A1:BZ1')[0];
  const out = {};
  header.forEach((label, i) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    if (typeof label === 'string' && label) out[label] = s;
  });
  return out;
};

/** In the page: writes the example's Identitas values and Inovasi rows into the template (by label). */
const fillFromExample = async (wb, url) => {
  const a1 = (r, c) => {
    let s = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s + r;
  };
  const read = globalThis.__e2e.readXlsx(new Uint8Array(await (await fetch(url)).arrayBuffer()));
  if (!read.ok) throw new Error(`example unreadable: ${JSON.stringify(read)}`);
  const seed = (v) =>
    v === null || v === undefined
      ? null
      : typeof v !== 'object'
        ? v
        : v.kind === 'date'
          ? { date: new Date(Date.UTC(1899, 11, 30) + v.serial * 86400000).toISOString().slice(0, 10) }
          : { error: v.code };
  const source = (name) => read.workbook.sheets.find((s) => s.name === name);
  const identitas = wb.sheet('Identitas');
  const labels = identitas.values('A1:A60').map((r) => r[0]);
  let idValues = 0;
  for (const row of source('Identitas').rows) {
    const at = row && row[0] ? labels.indexOf(row[0]) : -1;
    if (at >= 0 && row[1] !== null && row[1] !== undefined) {
      identitas.setValues(`B${at + 1}`, [[seed(row[1])]]);
      idValues++;
    }
  }
  const sheet = wb.sheet('Inovasi');
  const header = sheet.values('A1:BZ1')[0];
  const [srcHeader, ...srcRows] = source('Inovasi').rows;
  const rows = srcRows
    .filter(Boolean)
    .map((row) =>
      header.map((h) => (h && srcHeader.indexOf(h) >= 0 ? seed(row[srcHeader.indexOf(h)]) : null)),
    );
  sheet.setValues('A2', rows);
  // A fill of the user's own on a cell that will be flagged: Hapus Tanda must restore it exactly.
  sheet.setFill(a1(7, header.indexOf('Tanggal Penerapan') + 1), '#FFFF00');
  const fills = {};
  for (let r = 1; r <= rows.length + 1; r++)
    for (let c = 1; c <= header.length; c++) fills[a1(r, c)] = sheet.fill(a1(r, c));
  return { idValues, rows: rows.length, unmatched: srcHeader.filter((h) => h && !header.includes(h)), fills };
};

/** Clicks a sign-off button once the pane enables it (a state waited for, never a sleep). */
async function clickWhenEnabled(page, name) {
  const button = page.getByRole('button', { name, exact: true, disabled: false });
  await button.waitFor();
  await button.click();
}

/** Opens the sign-off form (collapsed until asked for, issue 25) unless it is open. */
async function openStampForm(page) {
  if (await page.getByTestId('signoff-form').count()) return;
  await page.getByRole('button', { name: 'Formulir stempel' }).click();
  await page.getByTestId('signoff-form').waitFor();
}

/** The sign-off form starts empty for the next level (issue 25): no name or position left from the last. */
async function expectFormEmpty(page, when) {
  const values = await Promise.all(
    ['Nama pemberi stempel', 'Jabatan'].map((label) => page.getByLabel(label, { exact: true }).inputValue()),
  );
  if (values.some(Boolean))
    throw new Error(`the sign-off form still holds ${JSON.stringify(values)} ${when}`);
}

const SCENARIO = [
  {
    name: 'task pane renders on the fake host',
    async run({ page, fake }) {
      await page.clock.setFixedTime(new Date(VALIDATION_DATE));
      await page.goto('/harness.html');
      const validasi = page
        .getByRole('tab', { name: /Validasi/ })
        .or(page.getByRole('heading', { name: /Validasi/ }));
      await validasi.first().waitFor({ state: 'visible' });
      const hasWorkbook = await fake((wb) => wb !== undefined && wb !== null);
      if (!hasWorkbook) throw new Error('window.__fakeWorkbook is not set by the fake host');
      // At 320 px the four tabs share one line (issue 25: Referensi used to wrap alone onto a second).
      const tops = await page
        .getByRole('tab')
        .evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
      if (tops.length !== 4 || new Set(tops).size !== 1)
        throw new Error(`the tabs are not on one line: tops ${tops.join(', ')}`);
    },
  },
  {
    name: 'create the template (Buat Lembar Isian)',
    async run({ page, waitFake, guide }) {
      await guide('isi-buat-lembar');
      await page.getByRole('button', { name: 'Buat Lembar Isian' }).click();
      const made = await waitFake((wb) => {
        const inovasi = wb.findSheet('Inovasi');
        if (!inovasi || !wb.findSheet('Identitas') || wb.tables.length === 0) return null;
        return { sheets: wb.sheetNames, header: inovasi.values('A1:BZ1')[0].filter(Boolean) };
      }, 'the fake workbook to get Identitas, Inovasi and a table');
      for (const label of [
        'Nama Inovasi',
        'Tanggal Penerapan',
        'SP Penanganan Pengaduan',
        'Status Validasi',
      ]) {
        if (!made.header.includes(label))
          throw new Error(`the Inovasi header lacks «${label}»: ${made.header.join(' | ')}`);
      }
      await page.getByRole('button', { name: 'Buat Lembar Isian' }).waitFor({ state: 'detached' });
    },
  },
  {
    name: 'fill rows with mistakes through the fake',
    async run({ fake, state, log }) {
      const filled = await fake(fillFromExample, `/__e2e/examples/${EXAMPLE}`);
      log(`filled ${filled.rows} rows and ${filled.idValues} identity values from ${EXAMPLE}`);
      if (filled.unmatched.length)
        throw new Error(`example columns not in the template: ${filled.unmatched.join(', ')}`);
      if (filled.rows < 5 || filled.idValues < 3)
        throw new Error(`too little data written: ${JSON.stringify(filled)}`);
      state.fills = filled.fills;
    },
  },
  {
    name: 'validate (Validasi): findings listed, cells flagged',
    async run({ page, waitFake, fake, state, log, guide }) {
      const cols = await fake(headerColumns);
      state.cols = cols;
      await page.getByRole('button', { name: 'Validasi', exact: true }).click();
      await page.getByTestId('finding-groups').waitFor({ state: 'visible' });
      const texts = await page.locator('[data-finding-id]').allInnerTexts();
      log(`${texts.length} findings: ${texts.map((t) => t.split('\n').slice(0, 3).join(' ')).join(' / ')}`);
      const expected = [
        ['SOP-04', `${cols['SP Penanganan Pengaduan']}6`],
        ['LOG-01', `${cols['Tanggal Penerapan']}7`],
      ];
      for (const [rule, cell] of expected) {
        if (!texts.some((t) => t.includes(rule) && t.includes(cell)))
          throw new Error(`no ${rule} finding at ${cell}`);
      }
      const flags = await waitFake(
        (wb, [cells, statusCol]) => {
          const sheet = wb.sheet('Inovasi');
          const fills = cells.map((c) => sheet.fill(c));
          const status = [sheet.value(`${statusCol}6`), sheet.value(`${statusCol}7`)];
          return fills.every((f) => f && f.toUpperCase() === '#FFC7CE') && status.every(Boolean)
            ? { fills, status }
            : null;
        },
        [expected.map(([, cell]) => cell), cols['Status Validasi']],
        'the two error cells filled #FFC7CE and Status Validasi set on rows 6 and 7',
      );
      log(`Status Validasi: ${flags.status.join(' / ')}`);
      // Results before forms (issue 25): the findings start above the sign-off, whose form is collapsed.
      const [findingsTop, stampTop] = await Promise.all(
        ['section[aria-labelledby="findings-heading"]', 'section[aria-labelledby="stamp-heading"]'].map(
          (css) => page.locator(css).evaluate((el) => el.getBoundingClientRect().top),
        ),
      );
      if (!(findingsTop < stampTop))
        throw new Error(`the findings (${findingsTop}px) are not above the sign-off (${stampTop}px)`);
      if (await page.getByTestId('signoff-form').count())
        throw new Error('the sign-off form is open before it was asked for');
      log(`findings at ${Math.round(findingsTop)} px, the sign-off at ${Math.round(stampTop)} px`);
      await guide('validasi-temuan');
    },
  },
  {
    name: 'click a finding: the selection moves to its cell',
    async run({ page, waitFake, state, guide }) {
      const cell = `${state.cols['Tanggal Penerapan']}7`;
      await page.locator('[data-finding-id]', { hasText: 'LOG-01' }).first().click();
      await waitFake(
        (wb, want) =>
          Boolean(wb.selection) &&
          wb.selection.sheet === 'Inovasi' &&
          wb.selection.address.replace(/^.*!/, '').replace(/\$/g, '') === want,
        cell,
        `the fake's selection to be Inovasi!${cell}`,
      );
      await guide('perbaiki-klik-temuan');
    },
  },
  {
    name: 'accept a finding (Audit tab): the Temuan sheet records it',
    async run({ page, waitFake, state, log, shot, guide }) {
      const reason = 'Tanggal dicatat terbalik di formulir, dikoreksi dinas';
      const reviewer = 'Inspektur Rina';
      await page.getByRole('tab', { name: 'Audit' }).click();
      await page.getByTestId('stamp-status').filter({ hasText: 'Tidak Ada' }).waitFor();
      const item = page.locator('[data-testid^="audit-"]', { hasText: 'LOG-01' }).first();
      await guide('audit-temuan');
      await item.getByRole('button', { name: /^Terima temuan/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // Without the reviewer's name: refused, with the reason in plain words, nothing written.
      await dialog.getByLabel('Alasan').fill(reason);
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await dialog.getByText('Nama pemeriksa wajib diisi.').first().waitFor();
      await shot('refused without a reviewer');
      await guide('audit-terima-temuan', 'viewport');
      await dialog.getByLabel('Pemeriksa').fill(reviewer);
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await dialog.waitFor({ state: 'detached' });
      await item.getByText(`Diterima oleh ${reviewer}`).waitFor();
      const cell = `${state.cols['Tanggal Penerapan']}7`;
      const written = await waitFake(
        (wb, [statusCol, cellAddress]) => {
          const temuan = wb.findSheet('Temuan');
          const riwayat = wb.findSheet('Riwayat');
          if (!temuan || !riwayat) return null;
          const [header, ...rows] = temuan.values();
          const col = (label) => header.indexOf(label);
          const row = rows.find((r) => r[col('Aturan')] === 'LOG-01');
          if (!row || row[col('Status')] !== 'Diterima') return null;
          return {
            id: row[col('ID')],
            alasan: row[col('Alasan')],
            pemeriksa: row[col('Pemeriksa')],
            rowStatus: wb.sheet('Inovasi').value(`${statusCol}7`),
            fill: wb.sheet('Inovasi').fill(cellAddress),
            event: riwayat.values().find((r) => r[1] === 'diterima' && r[3] === row[col('ID')]) || null,
          };
        },
        [state.cols['Status Validasi'], cell],
        'the LOG-01 row of the fake Temuan sheet to say Diterima',
      );
      if (written.alasan !== reason || written.pemeriksa !== reviewer)
        throw new Error(`Temuan records ${JSON.stringify(written)}`);
      if (written.rowStatus !== 'Siap')
        throw new Error(`Status Validasi of row 7 is «${written.rowStatus}», not Siap`);
      if (!written.event) throw new Error('no «diterima» event in Riwayat');
      log(
        `Temuan: LOG-01 ${written.id} Diterima — «${written.alasan}» (${written.pemeriksa}); row 7: ${written.rowStatus}; ${cell} fill ${written.fill}`,
      );
      log(`Riwayat: ${written.event.filter(Boolean).join(' | ')}`);
      state.accepted = { id: written.id, reason, reviewer };
      await shot('accepted');
      await guide('audit-diterima', item);
      await page.getByRole('tab', { name: 'Validasi' }).click();
    },
  },
  {
    name: 'remove flags (Hapus Tanda): every fill restored exactly',
    async run({ page, waitFake, state }) {
      await page.getByRole('button', { name: 'Hapus Tanda' }).click();
      await waitFake(
        (wb, [fills, col]) => {
          const sheet = wb.sheet('Inovasi');
          const changed = Object.keys(fills).filter((c) => sheet.fill(c) !== fills[c]);
          const status = [6, 7].map((r) => sheet.value(`${col}${r}`)).filter(Boolean);
          return changed.length === 0 && status.length === 0;
        },
        [state.fills, state.cols['Status Validasi']],
        'every fill back to its value before validation (incl. a yellow fill of the user), Status Validasi emptied',
      );
    },
  },
  {
    name: 'fix the rows and validate again: no errors left',
    async run({ page, fake, state, guide }) {
      await fake((wb, c) => {
        const sheet = wb.sheet('Inovasi');
        const ujiCoba = Number(sheet.value(`${c['Tanggal Uji Coba']}7`));
        const iso = new Date(Date.UTC(1899, 11, 30) + (ujiCoba + 45) * 86400000).toISOString().slice(0, 10);
        sheet.setValues(`${c['Tanggal Penerapan']}7`, [[{ date: iso }]], { fireChange: true });
        sheet.setValues(
          `${c['SP Penanganan Pengaduan']}6`,
          [
            [
              'Pengaduan lewat layanan pesan dinas, kotak saran di puskesmas, dan SP4N-LAPOR!, ditanggapi paling lambat 3 hari kerja.',
            ],
          ],
          { fireChange: true },
        );
      }, state.cols);
      await page.getByRole('button', { name: 'Validasi', exact: true }).click();
      // The findings go, then the first level may stamp: states waited for, however slow the machine.
      await page
        .locator('[data-finding-id]', { hasText: /SOP-04|LOG-01/ })
        .first()
        .waitFor({ state: 'detached' });
      await page.getByTestId('stamp-reason').filter({ hasText: 'Siap distempel.' }).waitFor();
      await guide('perbaiki-validasi-ulang');
      await openStampForm(page);
      await page.getByRole('button', { name: 'Stempel: Disusun', disabled: false }).waitFor();
    },
  },
  {
    name: 'the fixed value dropped its decision: gone from Temuan, traced in Riwayat',
    async run({ waitFake, state, log }) {
      const dropped = await waitFake(
        (wb, id) => {
          const ids = wb
            .sheet('Temuan')
            .values()
            .map((r) => r[0]);
          const event = wb
            .sheet('Riwayat')
            .values()
            .find((r) => r[1] === 'keputusan gugur' && r[3] === id);
          return event && !ids.includes(id) ? event : null;
        },
        state.accepted.id,
        `a «keputusan gugur» event for ${state.accepted.id} and no Temuan row for it`,
      );
      // Waktu, Peristiwa, Oleh, ID, Aturan, Sel, Alasan, Rincian
      if (
        dropped[2] !== state.accepted.reviewer ||
        dropped[4] !== 'LOG-01' ||
        dropped[6] !== state.accepted.reason
      )
        throw new Error(`Riwayat row: ${JSON.stringify(dropped)}`);
      log(`Riwayat: ${dropped.filter(Boolean).join(' | ')}`);
    },
  },
  {
    name: 'sign-off chain: prepare (Stempel: Disusun)',
    async run({ page, waitFake, log, shot, guide }) {
      const chain = page.getByTestId('chain');
      await chain.locator('li[data-level="penyusun"][data-status="none"]').waitFor();
      await shot('chain none');
      await openStampForm(page);
      await page.getByLabel('Nama pemberi stempel').fill('Penguji E2E');
      await page.getByLabel('Jabatan').fill('Analis Inovasi');
      await guide('stempel-formulir', page.locator('section[aria-labelledby="stamp-heading"]'));
      await clickWhenEnabled(page, 'Stempel: Disusun');
      await chain.locator('li[data-level="penyusun"][data-status="valid"]').waitFor();
      await page.getByRole('button', { name: 'Setujui (Kepala OPD)' }).waitFor();
      await expectFormEmpty(page, 'after Stempel: Disusun');
      const rows = await waitFake((wb) => {
        const sheet = wb.findSheet('_stempel');
        const v = sheet ? sheet.values() : [];
        return v.length === 2 ? { visibility: sheet.visibility, rows: v } : null;
      }, 'a version-2 _stempel with its header and one penyusun row');
      if (rows.visibility !== 'VeryHidden') throw new Error(`_stempel is ${rows.visibility}`);
      const [header, first] = rows.rows;
      const at = (label) => first[header.indexOf(label)];
      if (
        at('Tingkat') !== 'penyusun' ||
        at('Versi') !== 2 ||
        at('Oleh') !== 'Penguji E2E' ||
        at('Jabatan') !== 'Analis Inovasi'
      )
        throw new Error(`_stempel row: ${JSON.stringify(first)}`);
      log(`_stempel: ${header.join(' | ')}`);
      log(`         ${first.map((v) => String(v).slice(0, 24)).join(' | ')}`);
      await shot('chain prepared');
      await guide('stempel-disusun', page.locator('section[aria-labelledby="stamp-heading"]'));
    },
  },
  {
    name: 'sign-off chain: the head returns it for revision (Kembalikan, note required)',
    async run({ page, waitFake, log, shot, guide }) {
      await page.getByLabel('Nama pemberi stempel').fill('Kepala Dinas E2E');
      await page.getByRole('button', { name: 'Kembalikan untuk perbaikan (Disetujui Kepala OPD)' }).click();
      const form = page.getByTestId('return-form');
      await form.waitFor();
      const send = form.getByRole('button', { name: 'Kirim pengembalian' });
      if (await send.isEnabled()) throw new Error('Kirim pengembalian is enabled without a note');
      await shot('return without a note');
      await form.getByLabel(/Catatan pengembalian/).fill('Lampirkan SK inovasi yang ditandatangani');
      await form.getByRole('button', { name: 'Kirim pengembalian', disabled: false }).waitFor(); // once a note is typed
      await guide('stempel-kembalikan', page.locator('section[aria-labelledby="stamp-heading"]'));
      await send.click();
      await page
        .getByTestId('chain-returned')
        .filter({ hasText: 'Lampirkan SK inovasi yang ditandatangani' })
        .waitFor();
      await page.getByTestId('chain-word').filter({ hasText: 'Dikembalikan' }).waitFor();
      await page.getByRole('button', { name: 'Stempel: Disusun' }).waitFor();
      // Issue 25: the head's name is not left in the form for the first level.
      await expectFormEmpty(page, 'after Kembalikan');
      const event = await waitFake(
        (wb) =>
          wb
            .sheet('Riwayat')
            .values()
            .find((r) => r[1] === 'dikembalikan') || null,
        'a «dikembalikan» event in Riwayat',
      );
      log(`Riwayat: ${event.filter(Boolean).join(' | ')}`);
      await shot('chain returned');
    },
  },
  {
    name: 'sign-off chain: prepare again → approve → verify; _stempel holds every row',
    async run({ page, waitFake, log, shot, guide }) {
      const chain = page.getByTestId('chain');
      const act = async (oleh, button, level) => {
        await page.getByLabel('Nama pemberi stempel').fill(oleh);
        await clickWhenEnabled(page, button);
        await chain.locator(`li[data-level="${level}"][data-status="valid"]`).waitFor();
        if (level !== 'verifikator') await expectFormEmpty(page, `after ${button}`);
      };
      await act('Penguji E2E', 'Stempel: Disusun', 'penyusun');
      await act('Kepala Dinas E2E', 'Setujui (Kepala OPD)', 'kepalaOpd');
      await shot('chain approved');
      await act('Verifikator Bappeda E2E', 'Verifikasi', 'verifikator');
      await page
        .getByTestId('stamp-reason')
        .filter({ hasText: 'Semua tingkat sudah menstempel isi ini.' })
        .waitFor();
      await page.getByTestId('chain-word').filter({ hasText: 'Diverifikasi' }).waitFor();
      const written = await waitFake((wb) => {
        const v = wb.sheet('_stempel').values();
        return v.length === 6
          ? {
              rows: v,
              events: wb
                .sheet('Riwayat')
                .values()
                .map((r) => r[1])
                .filter((p) => p.startsWith('stempel') || p === 'dikembalikan'),
            }
          : null;
      }, 'six _stempel rows (header, prepare, return, prepare, approve, verify)');
      const [header, ...rows] = written.rows;
      const col = (label) => header.indexOf(label);
      const levels = rows.map((r) => r[col('Tingkat')]);
      if (levels.join() !== 'penyusun,kepalaOpd:kembali,penyusun,kepalaOpd,verifikator')
        throw new Error(`_stempel levels: ${levels.join(', ')}`);
      if (new Set(rows.map((r) => r[col('Hash Isi')])).size !== 1)
        throw new Error('the rows name different content hashes');
      if (rows[1][col('Catatan')] !== 'Lampirkan SK inovasi yang ditandatangani')
        throw new Error(`return row: ${JSON.stringify(rows[1])}`);
      const expected = 'stempel penyusun,dikembalikan,stempel penyusun,stempel kepalaOpd,stempel verifikator';
      if (written.events.join() !== expected) throw new Error(`Riwayat events: ${written.events.join(', ')}`);
      for (const r of rows)
        log(
          `_stempel: ${r[col('Tingkat')]} | ${r[col('Waktu')]} | ${r[col('Oleh')]}${r[col('Catatan')] ? ` | ${r[col('Catatan')]}` : ''}`,
        );
      await page.getByTestId('chain').scrollIntoViewIfNeeded();
      await shot('chain verified');
      await page
        .locator('section[aria-labelledby="stamp-heading"]')
        .screenshot({ path: path.join(SCREENSHOTS, 'signoff-chain-320px.png') });
      await guide('stempel-verifikasi', page.locator('section[aria-labelledby="stamp-heading"]'));
    },
  },
  {
    name: 'edit a cell after the chain: the Audit tab shows every level Berubah, every level must stamp again',
    async run({ page, fake, waitFake, state, log, shot, guide }) {
      await page.getByRole('tab', { name: 'Audit' }).click();
      await page.getByTestId('stamp-status').filter({ hasText: 'Sah' }).waitFor();
      await page.getByTestId('audit-chain-word').filter({ hasText: 'Diverifikasi' }).waitFor();
      await shot('audit chain Sah');
      // The user types into a cell; the fake fires Excel's change event.
      await fake((wb, cell) => {
        wb.sheet('Inovasi').setValues(cell, [['Nama diubah sesudah stempel']], { fireChange: true });
      }, `${state.cols['Nama Inovasi']}2`);
      const audit = page.getByTestId('audit-chain');
      for (const level of ['penyusun', 'kepalaOpd', 'verifikator'])
        await audit.locator(`li[data-level="${level}"][data-status="changed"]`).waitFor();
      await audit.getByText('Isi berubah sesudah distempel').waitFor();
      // docs/spec/signoff.md (revised 2026-12-07): the Disusun stamp after the return answered it for good, so
      // after the edit the chain word is Berubah, never Dikembalikan again.
      await page.getByTestId('audit-chain-word').filter({ hasText: 'Berubah' }).waitFor();
      log(
        `Audit: ${await page.getByTestId('stamp-status').innerText()} — ${await page.getByTestId('audit-chain-word').innerText()}`,
      );
      const event = await waitFake(
        (wb) =>
          wb
            .sheet('Riwayat')
            .values()
            .find((r) => r[1] === 'stempel berubah') || null,
        'a «stempel berubah» event in Riwayat',
      );
      log(`Riwayat: ${event.filter(Boolean).join(' | ')}`);
      await shot('audit chain Berubah');
      await guide('audit-rantai-stempel', page.locator('section[aria-labelledby="audit-stamp-heading"]'));
      await guide('audit-laporan', page.getByRole('tabpanel'));
      await page.getByRole('tab', { name: 'Validasi' }).click();
      await page
        .getByTestId('stamp-reason')
        .filter({ hasText: 'Lembar diubah sesudah validasi terakhir' })
        .waitFor();
      if (await page.getByRole('button', { name: 'Stempel: Disusun' }).isEnabled())
        throw new Error('Stempel: Disusun is still enabled after an edit');
    },
  },
  {
    name: 'IID readiness (Validasi): a bar per innovation, the estimate named; a click adds a prefilled Data Dukung row',
    async run({ page, waitFake, log, shot }) {
      await page.getByRole('button', { name: 'Validasi', exact: true }).click();
      const section = page.getByTestId('iid-readiness');
      await section.waitFor({ state: 'visible' });
      const heading = await section.getByRole('heading').innerText();
      if (heading !== 'Kesiapan IID (perkiraan)') throw new Error(`readiness heading: ${heading}`);
      const source = await page.getByTestId('iid-source').innerText();
      if (!/^Perkiraan dari indikator 2026/.test(source)) throw new Error(`no source named: ${source}`);
      const items = section.getByTestId('iid-item');
      const n = await items.count();
      const bars = await section.getByRole('progressbar').count();
      if (n < 5 || bars !== n) throw new Error(`${n} innovations, ${bars} bars`);
      const first = (await items.first().innerText()).split('\n');
      log(`${n} innovations; first: ${first.join(' / ')}`);
      if (!first.some((l) => /^Kematangan \d+,\d% \(terverifikasi \d+,\d%\)$/.test(l)))
        throw new Error('no maturity line');
      await section.scrollIntoViewIfNeeded();
      await shot('iid readiness');
      // The workbook has no Data Dukung yet: the click creates it, the innovation and its first missing indicator filled in.
      const nama = first[0];
      await items.first().getByTestId('iid-open').click();
      const row = await waitFake((wb) => {
        const dd = wb.findSheet('Data Dukung');
        if (!dd || !wb.selection || wb.selection.sheet !== 'Data Dukung') return null;
        return {
          header: dd.values('A1:K1')[0],
          row: dd.values('A2:K2')[0],
          selection: wb.selection.address.replace(/^.*!/, '').replace(/\$/g, ''),
        };
      }, 'a Data Dukung sheet with a prefilled row, selected');
      log(`Data Dukung row 2: ${row.row.filter(Boolean).join(' | ')} (selected ${row.selection})`);
      if (
        row.header[1] !== 'Nama Inovasi' ||
        row.row[1] !== nama ||
        row.row[2] !== 'Video Inovasi' ||
        row.selection !== 'A2:K2'
      )
        throw new Error(`prefilled row: ${JSON.stringify(row)}`);
    },
  },
  {
    name: 'consolidate several workbooks (Konsolidasi): the summary sheets written (Kesiapan IID among them), Katalog Replikasi read back',
    async run({ page, waitFake, log, shot, guide }) {
      await page.getByRole('tab', { name: 'Rekap' }).click();
      await page
        .getByLabel('Pilih berkas isian OPD')
        .setInputFiles(CONSOLIDATE.map((f) => path.join(ROOT, 'examples', f)));
      await page
        .getByTestId('picked-files')
        .getByRole('listitem')
        .nth(CONSOLIDATE.length - 1)
        .waitFor();
      await guide('konsolidasi-pilih-berkas');
      await page.getByRole('button', { name: 'Konsolidasi', exact: true }).click();
      const table = page.getByTestId('results');
      await table.waitFor({ state: 'visible' });
      for (const file of CONSOLIDATE) {
        const row = table.locator(`tr[data-file="${file}"]`);
        await row.waitFor();
        log((await row.innerText()).replace(/\s+/g, ' '));
      }
      // The open workbook already has a Temuan sheet (of the validation above): it is not the
      // consolidation's, so it is left alone and the summary's goes under «Temuan (2)».
      // Kesiapan IID after Daftar Inovasi: the sample reference has `iid` (docs/spec/iid.md).
      const expected = [
        'Ringkasan',
        'Tindak Lanjut',
        'Rekap OPD',
        'Daftar Inovasi',
        'Kesiapan IID',
        'Program RPJMD',
        'Urusan',
        'Katalog Replikasi',
        'Temuan (2)',
        'Info Konsolidasi',
      ];
      const opds = JSON.parse(
        fs.readFileSync(path.join(ROOT, 'src/engine/reference/data/bitung-contoh.json'), 'utf8'),
      ).opd.length;
      const written = await waitFake(
        (wb, names) => {
          if (!names.every((n) => wb.findSheet(n))) return null;
          const rekap = wb.sheet('Rekap OPD');
          const used = rekap.usedRect(true);
          // The per-OPD table ends at Total Kota; the sign-off tally and the chart's table follow below.
          const total = rekap.values(`C2:C${used.r1 + 1}`).findIndex((r) => r[0] === 'Total Kota') + 1;
          const status = rekap.values(`F2:F${total + 1}`).map((r) => r[0]);
          return {
            sheets: wb.sheetNames,
            hidden: wb.sheets.filter((s) => s.visibility !== 'Visible').map((s) => s.name),
            header: rekap.values('A1:R1')[0],
            rows: total, // data rows below the header, Total Kota included
            last: rekap.values(`A${total + 1}:C${total + 1}`)[0],
            counted: status.filter((v) => v === 'Siap' || v === 'Perlu Perbaikan').length,
            missing: status.filter((v) => v === 'Belum Mengirim').length,
            daftar: wb.sheet('Daftar Inovasi').usedRect(true).r1,
            charts: [wb.sheet('Rekap OPD').chartInfo().length, wb.sheet('Program RPJMD').chartInfo().length],
            temuanUntouched: wb.sheet('Temuan').value('A1') === 'ID',
            cover: wb.sheet('Ringkasan').values('A1:C3'),
            chase: wb.sheet('Tindak Lanjut').values('A1:H1')[0],
            setting: wb.settings.get('inovasiDaerah.summarySheets'),
          };
        },
        expected,
        `the summary sheets (${expected.join(', ')})`,
      );
      log(`sheets now: ${written.sheets.join(', ')}`);
      const outputOrder = written.sheets.filter((n) => expected.includes(n));
      if (JSON.stringify(outputOrder) !== JSON.stringify(expected))
        throw new Error(`summary sheets out of order: ${outputOrder.join(', ')}`);
      if (written.hidden.some((n) => n.startsWith('_ringkasan_')))
        throw new Error(`staging sheets left: ${written.hidden.join(', ')}`);
      if (written.header[0] !== 'No' || written.header[5] !== 'Status')
        throw new Error(`Rekap OPD header: ${written.header.join(' | ')}`);
      // One row per reference OPD (these three examples are all reference OPDs), then Total Kota.
      if (written.rows !== opds + 1 || written.last[2] !== 'Total Kota')
        throw new Error(
          `Rekap OPD has ${written.rows} rows ending ${JSON.stringify(written.last)}; expected ${opds} OPDs + Total Kota`,
        );
      if (written.counted !== CONSOLIDATE.length || written.missing !== opds - CONSOLIDATE.length)
        throw new Error(`Rekap OPD counts ${written.counted} submitted and ${written.missing} missing OPDs`);
      if (written.daftar < CONSOLIDATE.length)
        throw new Error(`Daftar Inovasi has only ${written.daftar} rows`);
      if (written.charts.join() !== '1,1') throw new Error(`charts: ${written.charts.join(', ')}`);
      if (!written.temuanUntouched) throw new Error('the validation Temuan sheet was changed');
      // Ringkasan first (the page a head of Bappeda reads), then Tindak Lanjut (who to call).
      if (!String(written.cover[1][0]).startsWith('Rekapitulasi Inovasi Daerah Kota Bitung Tahun '))
        throw new Error(`Ringkasan: ${JSON.stringify(written.cover)}`);
      if (
        written.chase.join('|') !==
        'No|Kode OPD|Perangkat Daerah|Status|Alasan|Penanggung Jawab|Email|Telepon'
      )
        throw new Error(`Tindak Lanjut header: ${written.chase.join(' | ')}`);
      if (JSON.stringify(written.setting) !== JSON.stringify(expected))
        throw new Error(`remembered sheets: ${JSON.stringify(written.setting)}`);
      log(
        `Rekap OPD: ${written.rows} rows (${written.counted} submitted, ${written.missing} not yet), Daftar Inovasi: ${written.daftar} rows`,
      );
      // Replication (issue 24): Dinas Sosial replicates Dinas Kesehatan's running «Posyandu Digital Bitung Sehat».
      const katalog = await waitFake((wb) => {
        const sheet = wb.sheet('Katalog Replikasi');
        const values = sheet.values(`A1:J${sheet.usedRect(true).r1 + 1}`);
        return { header: values[0], rows: values.slice(1) };
      }, 'the Katalog Replikasi sheet');
      const katalogHeader = [
        'Kode OPD',
        'Perangkat Daerah',
        'Nama Inovasi',
        'Bidang Urusan',
        'Jenis',
        'Tanggal Penerapan',
        'Penerima Manfaat',
        'Tautan Data Dukung',
        'Direplikasi Oleh',
        'Jumlah Replikasi',
      ];
      if (JSON.stringify(katalog.header) !== JSON.stringify(katalogHeader))
        throw new Error(`Katalog Replikasi header: ${katalog.header.join(' | ')}`);
      const posyandu = katalog.rows.find((r) => r[2] === 'Posyandu Digital Bitung Sehat');
      if (!posyandu || posyandu[0] !== 'DINKES' || posyandu[8] !== 'Dinas Sosial' || posyandu[9] !== 1)
        throw new Error(`Katalog Replikasi: Posyandu Digital Bitung Sehat ${JSON.stringify(posyandu)}`);
      const band = katalog.rows.findIndex((r) => r[0] === 'Replikasi tanpa sumber di katalog');
      const outside = katalog.rows
        .slice(band + 2)
        .filter((r) => r[3] === 'Luar Daerah')
        .map((r) => r[1]);
      if (band < 0 || !outside.includes('Pojok Gizi Pesisir (POGIPES)'))
        throw new Error(`Katalog Replikasi's second block: ${JSON.stringify(katalog.rows.slice(band))}`);
      log(
        `Katalog Replikasi: ${band - 1} catalogue rows; ${katalog.rows.length - band - 3} replications without a catalogue source`,
      );
      const replication = (await page.getByTestId('replication').innerText()).replace(/\s+/g, ' ');
      if (!replication.includes('Replikasi di dalam kota: 1 dari'))
        throw new Error(`the pane's replication figures: ${replication}`);
      log(replication);
      await page.getByTestId('renamed-sheets').filter({ hasText: '«Temuan (2)»' }).waitFor();
      await table.scrollIntoViewIfNeeded();
      await shot('results');
      await page
        .getByTestId('results')
        .screenshot({ path: path.join(SCREENSHOTS, 'konsolidasi-results-320px.png') });
      // Issue 25: «n dari m OPD mengirim» above the table, and a filter.
      const tally = await page.getByTestId('results-tally').innerText();
      if (tally !== `${CONSOLIDATE.length} dari ${opds} OPD mengirim`)
        throw new Error(`the results are headed «${tally}»`);
      const results = page.locator('section[aria-labelledby="results-heading"]');
      // All 37 rows within the pane: a long code (INSPEKTORAT) breaks rather than push Galat out of view.
      const widths = await results.evaluate((el) => ({
        table: el.querySelector('table').scrollWidth,
        section: el.clientWidth,
        code: el.querySelector('th').getBoundingClientRect().width,
      }));
      if (widths.table > widths.section)
        throw new Error(`the results table is ${widths.table} px wide in a ${widths.section} px section`);
      if (widths.code < 60) throw new Error(`the Kode OPD column is squeezed to ${widths.code} px`);
      await guide('konsolidasi-hasil', results);
      await page.getByRole('combobox', { name: 'Tampilkan' }).selectOption('fix');
      const fixRows = await table
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
      if (fixRows.length === 0 || fixRows.length >= CONSOLIDATE.length)
        throw new Error(`Perlu perbaikan shows ${JSON.stringify(fixRows)}`);
      log(`${tally}; Perlu perbaikan: ${fixRows.join(', ')}`);
      await guide('konsolidasi-saring', results);
      await page.getByRole('combobox', { name: 'Tampilkan' }).selectOption('all');
      await guide('ringkasan-lembar', page.getByTestId('summary-sheets'));
      // A link to an output sheet selects its first cell.
      await page.getByRole('button', { name: 'Buka Rekap OPD' }).click();
      await waitFake(
        (wb) => wb.selection && wb.selection.sheet === 'Rekap OPD' && wb.selection.address === 'A1',
        'the selection to move to Rekap OPD!A1',
      );

      // Feedback per OPD (issue 13): the button makes one workbook per submitted OPD, offered as links.
      await page.getByRole('button', { name: 'Buat Umpan Balik OPD' }).click();
      const links = page.getByTestId('feedback-files').getByRole('link');
      await links.first().waitFor();
      const count = await links.count();
      if (count !== CONSOLIDATE.length)
        throw new Error(`${count} feedback links; expected ${CONSOLIDATE.length}`);
      const opd = (await links.first().innerText()).trim();
      const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
      const saved = path.join(os.tmpdir(), `inovasi-e2e-${process.pid}-${download.suggestedFilename()}`);
      await download.saveAs(saved);
      const { unzipSync, strFromU8 } = require('fflate');
      const parts = unzipSync(new Uint8Array(fs.readFileSync(saved)));
      fs.rmSync(saved, { force: true });
      const workbookXml = strFromU8(parts['xl/workbook.xml']);
      const sheetNames = [...workbookXml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
      // The findings, then the replication sheet (docs/spec/feedback.md §5).
      if (JSON.stringify(sheetNames) !== JSON.stringify(['Umpan Balik', 'Replikasi']))
        throw new Error(`feedback sheets: ${sheetNames.join(', ')}`);
      const texts = Object.entries(parts)
        .filter(([name]) => /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(name))
        .map(([, b]) => strFromU8(b))
        .join('');
      if (!opd || !texts.includes(opd))
        throw new Error(`the feedback workbook does not name ${JSON.stringify(opd)}`);
      log(
        `feedback: ${count} files; ${download.suggestedFilename()} has sheets Umpan Balik and Replikasi for ${opd}`,
      );
      await guide('umpan-balik-unduh', page.getByTestId('feedback'));
    },
  },
  {
    name: 'a reference with a schedule (Referensi, jadwal): the results say who is on time and who is late',
    async run({ page, log, guide }) {
      await page.getByRole('tab', { name: 'Referensi' }).click();
      await page
        .getByLabel('Muat referensi (.xlsx atau .json)')
        .setInputFiles(path.join(ROOT, 'examples', 'referensi-2026.json'));
      await page.getByTestId('reference').filter({ hasText: 'bitung-contoh-2026@' }).waitFor();
      await guide('jadwal-referensi', page.getByRole('tabpanel'));
      await page.getByRole('tab', { name: 'Rekap' }).click();
      await page.getByRole('button', { name: 'Konsolidasi', exact: true }).click();
      // The examples are validated on 28 November 2026: each level's deadline is passed, met or missed.
      const signoff = page
        .getByTestId('results')
        .getByTestId('row-signoff')
        .filter({ hasText: /Tepat waktu|Terlambat|Lewat/ });
      await signoff.first().waitFor();
      log(
        `schedule: ${(await signoff.allInnerTexts())
          .slice(0, 2)
          .map((t) => t.replace(/\s+/g, ' '))
          .join(' / ')}`,
      );
      await page.getByRole('combobox', { name: 'Tampilkan' }).selectOption('sent');
      await guide('jadwal-tepat-waktu', page.locator('section[aria-labelledby="results-heading"]'));
    },
  },
];

// ───────────────────────────────────────────────────────────────────────────────────────────────

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Bundles the fake host for the browser with a small webpack config; resolves to the JS text. */
function bundleFakeHost() {
  const webpack = require('webpack');
  const webpackConfig = require(path.join(ROOT, 'webpack.config.js'));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inovasi-e2e-bundle-'));
  const config = {
    mode: 'development',
    devtool: false, // no eval(): the production CSP forbids it
    target: 'web',
    context: ROOT,
    entry: { 'fake-host': FAKE_HOST_ENTRY },
    output: { path: outDir, filename: '[name].js' },
    // The same TypeScript handling as the production bundle.
    resolve: webpackConfig.typescriptResolve,
    module: { rules: [webpackConfig.typescriptRule] },
    optimization: { splitChunks: false },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      try {
        resolve(fs.readFileSync(path.join(outDir, 'fake-host.js'), 'utf8'));
      } catch (e) {
        reject(e);
      } finally {
        fs.rmSync(outDir, { recursive: true, force: true });
      }
    });
  });
}

/** The harness page: harness.html with the CSP meta and local script tags of dist/taskpane.html. */
function harnessPage() {
  const taskpane = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  // Attribute values may be unquoted: html-webpack-plugin minifies the page in production.
  const csp = taskpane.match(/<meta\s[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i);
  if (!csp) throw new Error('dist/taskpane.html has no Content-Security-Policy meta');
  const scripts = [...taskpane.matchAll(/<script\b[^>]*>\s*<\/script>/gi)]
    .map((m) => m[0])
    .filter((tag) => {
      const src = /\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      return src && !/^(?:[a-z]+:)?\/\//i.test(src[1] ?? src[2] ?? src[3]); // drop the Office.js CDN (and anything remote)
    });
  if (scripts.length === 0) throw new Error('dist/taskpane.html loads no local script');
  const template = fs.readFileSync(path.join(__dirname, 'harness.html'), 'utf8');
  return template
    .replace('<!--E2E:CSP-->', csp[0])
    .replace('<!--E2E:TASKPANE-SCRIPTS-->', scripts.join('\n    '));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves the harness, the fake-host bundle and dist/ on 127.0.0.1:<free port>. */
function serve(harness, fakeHostJs, notFound) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (pathname === '/' || pathname === '/harness.html') return send(200, TYPES['.html'], harness);
    if (pathname === FAKE_HOST_URL) return send(200, TYPES['.js'], fakeHostJs);
    const example = /^\/__e2e\/examples\/([\w.-]+\.xlsx)$/.exec(pathname);
    if (example && fs.existsSync(path.join(ROOT, 'examples', example[1]))) {
      return send(200, 'application/octet-stream', fs.readFileSync(path.join(ROOT, 'examples', example[1])));
    }
    const file = path.join(DIST, pathname);
    if (file.startsWith(DIST + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return send(200, TYPES[path.extname(file)] || 'application/octet-stream', fs.readFileSync(file));
    }
    notFound.push(pathname);
    return send(404, 'text/plain; charset=utf-8', 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function slug(text) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
}

/** Checks dist/manifest.xml, the production manifest: valid, and no development URL left. */
async function checkProductionManifest() {
  const file = path.join(DIST, 'manifest.xml');
  if (!fs.existsSync(file)) throw new Error('dist/manifest.xml is missing');
  const xml = fs.readFileSync(file, 'utf8');
  if (/localhost/i.test(xml)) throw new Error('dist/manifest.xml still points at localhost');
  const { validateManifest } = require(path.join(ROOT, 'scripts', 'validate-manifest.js'));
  const result = await validateManifest(xml, { fileName: 'dist/manifest.xml' });
  if (!result.valid) throw new Error(result.errors.join('\n'));
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')))
    fail('dist/taskpane.html not found: run `npm run build` first (or `npm run test:e2e`).');
  if (!fs.existsSync(CHROMIUM))
    fail(`${CHROMIUM} not found: apt-get install -y chromium (no downloaded browsers).`);
  if (!fs.existsSync(FAKE_HOST_ENTRY)) fail(`${path.relative(ROOT, FAKE_HOST_ENTRY)} not found.`);

  const results = []; // { name, status: 'passed' | 'failed' | 'skipped' | 'todo', error? }
  const record = (name, status, error, notes = []) => {
    results.push({ name, status, error });
    const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip', todo: 'todo' }[status];
    console.log(`${mark}  ${name}`);
    for (const line of notes) console.log(`      · ${line}`);
    if (error) console.log(`      ${String(error).split('\n').join('\n      ')}`);
  };

  // Preflight: the production manifest.
  try {
    await checkProductionManifest();
    record('dist/manifest.xml is valid and points at the production URL', 'passed');
  } catch (err) {
    record('dist/manifest.xml is valid and points at the production URL', 'failed', err.message);
  }

  // Preflight: every script parses on the oldest WebKit Excel runs on (ES2020, no look-behind).
  const es2020 = require(path.join(ROOT, 'scripts', 'check-es2020.js')).checkDist(DIST);
  record(
    'dist/*.js parse as ES2020, without regex look-behind',
    es2020.problems.length ? 'failed' : 'passed',
    es2020.problems.join('\n') || undefined,
  );

  let fakeHostJs;
  try {
    fakeHostJs = await bundleFakeHost();
  } catch (err) {
    record('bundle the fake host (test/e2e/fake-host-entry.ts)', 'failed', err.message);
    return summarize(results);
  }

  const notFound = [];
  const server = await serve(harnessPage(), fakeHostJs, notFound);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inovasi-e2e-chromium-'));
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  const { chromium } = require('playwright-core');
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      baseURL: origin,
      viewport: VIEWPORT,
      locale: 'id-ID',
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);

    // Nothing may leave the test server: the production bundle must not need the network.
    const external = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      external.push(url);
      return route.abort('blockedbyclient');
    });

    const page = context.pages()[0] || (await context.newPage());
    const problems = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    let notes = []; // the running step's log lines, printed under its result
    const log = (line) => notes.push(line);
    const state = {};
    // Evaluated through the DevTools protocol, which the page's CSP (no 'unsafe-eval') does not govern.
    const fake = (fn, arg) =>
      page.evaluate(`(${fn.toString()})(globalThis.__fakeWorkbook, ${JSON.stringify(arg)})`);
    // A state of the fake workbook, waited for in the page (checked at every animation frame, no
    // sleeps): waitFake(fn, what) or waitFake(fn, arg, what); resolves to fn's JSON value.
    const waitFake = async (fn, ...rest) => {
      const [arg, what] = rest.length > 1 ? rest : [undefined, rest[0]];
      try {
        const handle = await page.waitForFunction(
          `(${fn.toString()})(globalThis.__fakeWorkbook, ${JSON.stringify(arg)})`,
          undefined,
          { timeout: STEP_TIMEOUT_MS },
        );
        return await handle.jsonValue();
      } catch (err) {
        throw new Error(`timed out waiting for ${what}: ${err.message.split('\n')[0]}`);
      }
    };

    const guideTaken = new Set();
    fs.mkdirSync(path.join(ROOT, GUIDE_DIR), { recursive: true });
    const guide = async (name, target = page.getByRole('main')) => {
      if (!Object.hasOwn(GUIDE_SHOTS, name))
        throw new Error(`guide('${name}'): not a name of test/e2e/guide-shots.js`);
      const file = path.join(ROOT, GUIDE_DIR, `${name}.png`);
      // The same picture every run: no pointer resting on a button (its hover colour), transitions
      // (a tab's underline sliding in) shown finished.
      await page.mouse.move(0, 0);
      const still = { animations: 'disabled', caret: 'hide' };
      if (target !== 'viewport') {
        // A long element (the 37 OPD rows) is cut at GUIDE_MAX_HEIGHT: the guide shows its top.
        await target.scrollIntoViewIfNeeded();
        const box = await target.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return {
            x: r.left + el.ownerDocument.defaultView.scrollX,
            y: r.top + el.ownerDocument.defaultView.scrollY,
            width: r.width,
            height: r.height,
          };
        });
        if (box.height > GUIDE_MAX_HEIGHT)
          await page.screenshot({
            path: file,
            fullPage: true,
            clip: { ...box, height: GUIDE_MAX_HEIGHT },
            ...still,
          });
        else await target.screenshot({ path: file, ...still });
      } else {
        await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({ path: file, ...still });
      }
      guideTaken.add(name);
    };

    let broken = false;
    for (const [i, step] of SCENARIO.entries()) {
      if (step.todo) {
        record(step.name, 'todo', step.todo);
        continue;
      }
      if (broken) {
        record(step.name, 'skipped');
        continue;
      }
      const before = { problems: problems.length, external: external.length, notFound: notFound.length };
      let error;
      notes = [];
      const prefix = `${String(i + 1).padStart(2, '0')}-${slug(step.name)}`;
      const shot = (label) =>
        page.screenshot({ path: path.join(SCREENSHOTS, `${prefix}--${slug(label)}.png`), fullPage: true });
      try {
        await step.run({ page, origin, fake, waitFake, state, log, shot, guide });
      } catch (err) {
        error = err;
      }
      await page
        .screenshot({ path: path.join(SCREENSHOTS, `${prefix}.png`), fullPage: true })
        .catch(() => {});
      const extra = [
        ...problems.slice(before.problems),
        ...external.slice(before.external).map((u) => `request outside the test server (blocked): ${u}`),
        ...notFound.slice(before.notFound).map((p) => `404 for ${p}`),
      ];
      if (error || extra.length) {
        broken = true;
        record(
          step.name,
          'failed',
          [error && (error.stack || error.message), ...extra].filter(Boolean).join('\n'),
          notes,
        );
      } else {
        record(step.name, 'passed', undefined, notes);
      }
    }
    if (!broken) {
      const missing = Object.keys(GUIDE_SHOTS).filter((name) => !guideTaken.has(name));
      const label = `every screenshot of the user guide taken (${GUIDE_DIR}/)`;
      if (missing.length) record(label, 'failed', `not taken: ${missing.join(', ')}`);
      else record(label, 'passed', undefined, [`${guideTaken.size} images`]);
    }
  } catch (err) {
    record('launch chromium', 'failed', err.message);
  } finally {
    if (context) await context.close().catch(() => {});
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(`screenshots: ${path.relative(process.cwd(), SCREENSHOTS) || '.'}/`);
  return summarize(results);
}

function summarize(results) {
  const count = (s) => results.filter((r) => r.status === s).length;
  const notes = [
    count('skipped') && `${count('skipped')} skipped`,
    count('todo') && `${count('todo')} todo`,
  ].filter(Boolean);
  if (notes.length) console.log(`(${notes.join(', ')})`);
  console.log(`${count('passed')} passed, ${count('failed')} failed`);
  writeTotals(count('passed'), count('failed'));
  process.exitCode = count('failed') > 0 ? 1 : 0;
}

module.exports = { SCENARIO };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    writeTotals(0, 1);
    process.exitCode = 1;
  });
}

/** CI adds these to the unit tests' totals (see .ci/run). */
function writeTotals(passed, failed) {
  const file = process.env.E2E_JSON;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ numPassedTests: passed, numFailedTests: failed }));
}
