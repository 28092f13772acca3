// The add-in manifest: valid against the vendored Office schemas (offline, scripts/validate-manifest.js),
// with the requirements docs/addin.md and the spec promise.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const manifestPath = path.join(root, 'manifest.xml');
const validator = path.join(root, 'scripts', 'validate-manifest.js');
const manifest = fs.readFileSync(manifestPath, 'utf8');

function validate(file: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [validator, file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function validateText(xml: string): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  try {
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, xml);
    return validate(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('validates against the official schemas', () => {
    const r = validate(manifestPath);
    expect(r.out).toContain('manifest.xml is valid');
    expect(r.status).toBe(0);
  });

  it('a copy without <Id> fails, naming the problem', () => {
    const broken = manifest.replace(/<Id>[^<]*<\/Id>/, '');
    expect(broken).not.toBe(manifest);
    const r = validateText(broken);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/is not valid/);
    expect(r.out).toMatch(/Expected is \( \{[^}]+\}Id \)/);
  });

  it('a copy with an unknown permission fails, naming the problem', () => {
    const r = validateText(
      manifest.replace(
        '<Permissions>ReadWriteDocument</Permissions>',
        '<Permissions>Everything</Permissions>',
      ),
    );
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/Permissions.*'Everything' is not an element of the set/);
  });

  it('a resid naming no resource fails (a check beyond the schema)', () => {
    const r = validateText(
      manifest.replace(
        '<SourceLocation resid="Taskpane.Url"/>',
        '<SourceLocation resid="Taskpane.Nowhere"/>',
      ),
    );
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/resid "Taskpane\.Nowhere" names no resource/);
  });

  it('a file that is not well-formed XML fails', () => {
    const r = validateText(manifest.replace('</OfficeApp>', ''));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/is not valid/);
  });

  it('is an Excel task pane requiring ExcelApi 1.7 with ReadWriteDocument', () => {
    expect(manifest).toMatch(/<OfficeApp\b[^>]*xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain('<DefaultLocale>id-ID</DefaultLocale>');
    expect(manifest).toMatch(/<DisplayName DefaultValue="Inovasi Daerah">\s*<Override Locale="en-US"/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it('has a Home-tab button that shows the task pane', () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">\s*<Group\b/);
    expect(manifest).toMatch(/<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toMatch(
      /<bt:Url id="Taskpane\.Url" DefaultValue="https:\/\/localhost:3000\/taskpane\.html"\/>/,
    );
  });

  it('references icons 16, 32, 64 and 80 that exist in assets/ at their size', () => {
    const icons = new Set(
      [...manifest.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)].map((m) => m[1]),
    );
    expect([...icons].sort()).toEqual(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    for (const icon of icons) {
      const size = Number(/icon-(\d+)\.png/.exec(icon)![1]);
      expect(pngSize(path.join(root, 'assets', icon))).toEqual({ width: size, height: size });
    }
  });

  it('points every URL at the development server https://localhost:3000', () => {
    // Namespace names are identifiers, not URLs the host fetches.
    const withoutNamespaces = manifest.replace(/\sxmlns(?::\w+)?="[^"]*"/g, '');
    const urls = [...withoutNamespaces.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^"<\s]*/gi)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !/^https:\/\/localhost:3000(\/|$)/.test(u))).toEqual([]);
  });
});
