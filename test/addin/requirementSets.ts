/**
 * Which Office.js (Excel) members the add-in uses, and the ExcelApi requirement set each needs,
 * read from `@types/office-js` with TypeScript's own type checker: every property access and
 * method call (`range.format.fill.pattern`, `sheets.getItemOrNullObject(…)`) is resolved to its
 * declaration, and a declaration in the `Excel` namespace of `@types/office-js` has its JSDoc
 * `[Api set: ExcelApi 1.x]`. Properties named in `load(…)` strings and objects are resolved on the
 * loaded object's type the same way. Nothing depends on file names: whatever `.ts` files are under
 * the folders given are scanned.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface MemberUse {
  /** `Excel.Range.values`, `Excel.WorksheetCollection.getItemOrNullObject`. */
  readonly member: string;
  /** The lowest ExcelApi version that has the member as used (a write may need more than a read); null when not an ExcelApi set. */
  readonly version: string | null;
  /** The `[Api set: …]` text as declared. */
  readonly apiSet: string;
  readonly file: string;
  readonly line: number;
  readonly write: boolean;
}

const ROOT = path.resolve(__dirname, '../..');
// Its real path: TypeScript resolves a symlinked node_modules (a git worktree's, pnpm's) to it.
const OFFICE_DTS = fs.realpathSync(path.join(ROOT, 'node_modules/@types/office-js/index.d.ts'));

/** Every `.ts` file under these folders (relative to the project), recursively. */
export function tsFilesUnder(...folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const f of folders) walk(path.resolve(ROOT, f));
  return out.sort();
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The `[Api set: …]` of a declaration's JSDoc, or null. */
function apiSetOf(decl: ts.Declaration): string | null {
  const sf = decl.getSourceFile();
  const docs = sf.text.slice(decl.getFullStart(), decl.getStart(sf));
  const m = /\[Api set: ([^\]]*)\]/.exec(docs);
  return m ? m[1].trim() : null;
}

/**
 * The version a use needs: for a read, the first ExcelApi version named; for a write, the highest
 * ("1.1 for reading visibility; 1.2 for setting it", "1.1 for get, 1.8 for set"). Sets other than
 * ExcelApi (ExcelApiOnline, ExcelApiDesktop, Preview) give null: never within the manifest's promise.
 */
export function versionOf(apiSet: string, write: boolean): string | null {
  if (!/^ExcelApi \d/.test(apiSet)) return null;
  const versions = [...apiSet.matchAll(/\b(\d+\.\d+)\b/g)].map((m) => m[1]);
  if (!versions.length) return null;
  return write ? versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) : versions[0];
}

/** `Excel.Range.values` for a member declared in the Excel namespace of @types/office-js; else null. */
function excelMemberName(decl: ts.Declaration): string | null {
  if (fs.realpathSync(path.resolve(decl.getSourceFile().fileName)) !== OFFICE_DTS) return null;
  const names: string[] = [];
  const own = ts.getNameOfDeclaration(decl);
  if (!own) return null;
  names.push(own.getText());
  for (let n: ts.Node | undefined = decl.parent; n; n = n.parent) {
    if (
      (ts.isClassDeclaration(n) ||
        ts.isInterfaceDeclaration(n) ||
        ts.isEnumDeclaration(n) ||
        ts.isModuleDeclaration(n)) &&
      n.name
    )
      names.unshift(n.name.getText());
  }
  return names[0] === 'Excel' ? names.join('.') : null;
}

function isWrite(node: ts.Node): boolean {
  const p = node.parent;
  return (
    !!p &&
    ts.isBinaryExpression(p) &&
    p.left === node &&
    p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    p.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

/** The property paths a `load(…)` argument names (`'a,b/c'`, `['a']`, `{ a: true, b: { c: true } }`). */
function loadPaths(checker: ts.TypeChecker, arg: ts.Expression): string[] {
  const type = checker.getTypeAtLocation(arg);
  const fromString = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  if (type.isStringLiteral()) return fromString(type.value);
  if (type.isUnion() && type.types.every((t) => t.isStringLiteral()))
    return type.types.flatMap((t) => fromString((t as ts.StringLiteralType).value));
  if (ts.isArrayLiteralExpression(arg)) return arg.elements.flatMap((e) => loadPaths(checker, e));
  if (ts.isObjectLiteralExpression(arg)) {
    const out: string[] = [];
    for (const p of arg.properties) {
      if (!ts.isPropertyAssignment(p) || !p.name) continue;
      const key = p.name.getText().replace(/^['"]|['"]$/g, '');
      if (key.startsWith('$')) continue;
      if (ts.isObjectLiteralExpression(p.initializer))
        out.push(...loadPaths(checker, p.initializer).map((s) => `${key}/${s}`));
      else out.push(key);
    }
    return out;
  }
  return [];
}

/** Scans the files (and any extra in-memory ones) and returns every use of an Excel member. */
export function excelMembersUsed(
  files: readonly string[],
  extra: Readonly<Record<string, string>> = {},
): MemberUse[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['office-js', 'node'],
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
  };
  const host = ts.createCompilerHost(options, true);
  const extraFiles = new Map(Object.entries(extra).map(([name, text]) => [path.resolve(ROOT, name), text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) => {
    const text = extraFiles.get(path.resolve(name));
    return text !== undefined
      ? ts.createSourceFile(name, text, lang, true)
      : getSourceFile(name, lang, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => extraFiles.has(path.resolve(name)) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => extraFiles.get(path.resolve(name)) ?? readFile(name);
  const program = ts.createProgram([...files, ...extraFiles.keys()], options, host);
  const checker = program.getTypeChecker();
  const wanted = new Set([...files, ...extraFiles.keys()].map((f) => path.resolve(f)));
  const uses: MemberUse[] = [];

  const record = (decls: readonly ts.Declaration[] | undefined, at: ts.Node, write: boolean) => {
    if (!decls?.length) return;
    let best: { member: string; apiSet: string; version: string | null } | null = null;
    for (const d of decls) {
      const member = excelMemberName(d);
      const apiSet = member && apiSetOf(d);
      if (!member || !apiSet) continue;
      const version = versionOf(apiSet, write);
      // Overloads: the use is available from the lowest version among them.
      if (
        !best ||
        (version !== null && (best.version === null || compareVersions(version, best.version) < 0))
      )
        best = { member, apiSet, version };
    }
    if (!best) return;
    const sf = at.getSourceFile();
    uses.push({
      ...best,
      file: path.relative(ROOT, sf.fileName),
      line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1,
      write,
    });
  };

  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        record(symbol?.declarations, node.name, isWrite(node));
      }
      // An options object typed by Office.js (`Excel.run({ mergeUndoGroup: true }, …)`): each property set is a use.
      if (ts.isObjectLiteralExpression(node)) {
        const type = checker.getContextualType(node);
        for (const p of type ? node.properties : []) {
          if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name)
            record(type!.getProperty(p.name.getText())?.declarations, p.name, true);
        }
      }
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'load' &&
        node.arguments.length
      ) {
        const owner = checker.getTypeAtLocation(node.expression.expression);
        for (const p of loadPaths(checker, node.arguments[0])) {
          let type: ts.Type | undefined = owner;
          for (const step of p.split('/')) {
            if (!type) break;
            // A collection's `items/x` loads `x` of its items.
            const prop: ts.Symbol | undefined = type.getProperty(step);
            if (!prop) break;
            record(prop.declarations, node.arguments[0], false);
            type = checker.getTypeOfSymbolAtLocation(prop, node);
            if (step === 'items') type = checker.getIndexTypeOfType(type, ts.IndexKind.Number) ?? type;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}
