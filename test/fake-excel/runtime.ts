/**
 * Office.js's request model, faithfully enough for the adapter's tests:
 *
 * - Proxy objects (`ClientObject`) only describe a path (`workbook.worksheets.getItem('X').getRange('A1')`);
 *   nothing is looked up until `context.sync()`.
 * - `load()` queues a query; reading a scalar property that was neither loaded-and-synced nor set
 *   locally throws `PropertyNotLoaded`, like Office.js.
 * - Property writes and method calls are queued and applied, in order, at the next sync. An action
 *   that fails stops the batch; the actions before it stay applied (Excel batches are not transactions).
 * - Every sync is measured: the request is serialised in Office's wire shape (`ObjectPaths` +
 *   `Actions`) and its UTF-8 size recorded; so is the response (the loaded values). A request over
 *   the limit (5 MB, as in Excel on the web) fails with `RequestPayloadSizeLimitExceeded` before
 *   anything is applied; a response over `responseLimitBytes` (also 5 MB by default) fails with
 *   `ResponsePayloadSizeLimitExceeded`.
 * - API sets: an action needing a newer ExcelApi than the host supports fails with `ApiNotFound`.
 */
import { FakeOfficeError, errors } from './errors';
import { HostSheet, HostWorkbook } from './host';

export interface SyncRecord {
  readonly index: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  readonly objectPaths: number;
  /** Action counts by kind and name, e.g. `set:Values` → 3, `query` → 2. */
  readonly ops: Readonly<Record<string, number>>;
  /** The serialised request, when `keepPayloads` is on. */
  readonly payload?: string;
  /** The response was over the limit: Excel refused it (the round trip still happened). */
  readonly refused?: boolean;
}

export class SyncStats {
  syncCount = 0;
  /**
   * Undo steps the add-in's writes made: each sync that changed the document is one (Ctrl+Z undoes
   * one sync, not the whole operation), except in an `Excel.run` with `mergeUndoGroup` (ExcelApi
   * 1.20), whose syncs make one.
   */
  undoSteps = 0;
  /** Syncs made by `Excel.run` itself because the batch left queued actions behind. */
  implicitSyncs = 0;
  failedSyncs = 0;
  readonly log: SyncRecord[] = [];

  get maxSyncPayloadBytes(): number {
    return this.log.reduce((m, r) => Math.max(m, r.requestBytes), 0);
  }

  /** Largest response Excel accepted (refused ones are in the log with `refused`). */
  get maxResponseBytes(): number {
    return this.log.reduce((m, r) => (r.refused ? m : Math.max(m, r.responseBytes)), 0);
  }

  get totalRequestBytes(): number {
    return this.log.reduce((m, r) => m + r.requestBytes, 0);
  }

  reset(): void {
    this.syncCount = 0;
    this.undoSteps = 0;
    this.implicitSyncs = 0;
    this.failedSyncs = 0;
    this.log.length = 0;
  }
}

export interface RuntimeOptions {
  /** Supported ExcelApi version, e.g. `1.18`. */
  apiVersion: string;
  /** Request limit; Excel on the web refuses requests over 5 MB. */
  requestLimitBytes: number;
  /** Response limit; Excel on the web also caps responses at 5 MB. Infinity = measured only. */
  responseLimitBytes: number;
  keepPayloads: boolean;
  /** `Excel.run({ delayForCellEdit: true })` waits for the user to leave cell-edit mode (false: a host that ignores the option). */
  honoursDelayForCellEdit: boolean;
  /** Syncs to refuse: when `countdown` reaches 0, that sync and the `times - 1` after it fail before anything is applied. */
  failSync?: { countdown: number; readonly code: string; times: number } | null;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** UTF-8 byte length without TextEncoder allocations (also runs in a browser). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Office's ObjectPathType: 1 global object, 3 method, 4 property, 5 indexer. */
export type PathType = 1 | 3 | 4 | 5;
/** Office's ActionType: 1 instantiate, 2 query, 3 method, 4 set property. */
export type ActionType = 1 | 2 | 3 | 4;

export interface Action {
  readonly type: ActionType;
  readonly obj: ClientObject;
  readonly name: string;
  readonly args: readonly unknown[];
  /** Minimum ExcelApi version this action needs (beyond what its object's path needs). */
  readonly requires?: string;
  /** Query: the paths selected. */
  readonly select?: readonly string[];
  /** Applies the action to the document; returns the response value of a query. */
  readonly apply: () => unknown;
}

export interface WrittenRange {
  readonly sheet: HostSheet;
  readonly address: string;
}

export class FakeRequestContext {
  readonly pending: Action[] = [];
  /** Ranges whose values a sync changed: onChanged fires for them after the sync. */
  written: WrittenRange[] = [];
  /** `Excel.run({ delayForCellEdit: true }, …)`: a sync waits until the user leaves cell-edit mode instead of failing. */
  delayForCellEdit = false;
  /** `Excel.run({ mergeUndoGroup: true }, …)` on ExcelApi 1.20: the run's writes are one undo step. */
  mergeUndoGroup = false;
  private undoCounted = false;
  workbook!: ClientObject;

  constructor(
    readonly host: HostWorkbook,
    readonly options: RuntimeOptions,
    readonly stats: SyncStats,
  ) {}

  queue(action: Action): void {
    this.pending.push(action);
  }

  private supported = new Map<string, boolean>();

  supports(version: string | undefined): boolean {
    if (version === undefined) return true;
    const key = `${this.options.apiVersion}>=${version}`;
    let ok = this.supported.get(key);
    if (ok === undefined) {
      ok = compareVersions(this.options.apiVersion, version) >= 0;
      this.supported.set(key, ok);
    }
    return ok;
  }

  async sync(): Promise<void> {
    // Office answers asynchronously; let other microtasks run as they would.
    await Promise.resolve();
    const actions = this.pending.splice(0);
    this.written = [];
    const request = serialiseRequest(actions);
    const requestBytes = utf8Length(request.json);
    if (requestBytes > this.options.requestLimitBytes) {
      this.stats.failedSyncs++;
      throw errors.requestTooLarge(requestBytes);
    }
    if (this.host.editing && this.delayForCellEdit && this.options.honoursDelayForCellEdit)
      await this.host.editingEnded();
    if (this.host.editing) {
      this.stats.failedSyncs++;
      throw errors.cellEditMode();
    }
    const planned = this.options.failSync;
    if (planned && --planned.countdown <= 0) {
      if (--planned.times <= 0) this.options.failSync = null;
      this.stats.failedSyncs++;
      throw errors.syncFailed(planned.code);
    }
    const ops: Record<string, number> = {};
    const response: unknown[] = [];
    try {
      for (const action of actions) {
        const needed = maxVersion(action.obj.requiredVersion(), action.requires);
        if (!this.supports(needed))
          throw errors.apiNotFound(`${action.obj.typeName}.${action.name || 'load'}`, needed!);
        const value = action.apply();
        if (action.type === 2 || (action.type === 1 && action.obj.orNull))
          response.push({ Id: request.ids.get(action), Value: value });
        const opKey =
          action.type === 2
            ? 'query'
            : action.type === 1
              ? 'instantiate'
              : `${action.type === 3 ? 'call' : 'set'}:${action.name}`;
        ops[opKey] = (ops[opKey] ?? 0) + 1;
      }
    } catch (e) {
      this.stats.failedSyncs++;
      throw e instanceof FakeOfficeError
        ? e
        : new FakeOfficeError('GeneralException', String((e as Error)?.message ?? e));
    }
    const responseBytes = utf8Length(JSON.stringify({ Results: response }));
    this.stats.syncCount++;
    if (actions.some((a) => a.type === 3 || a.type === 4) && !(this.mergeUndoGroup && this.undoCounted)) {
      this.stats.undoSteps++;
      this.undoCounted = true;
    }
    this.stats.log.push({
      index: this.stats.syncCount,
      requestBytes,
      responseBytes,
      actions: actions.length,
      objectPaths: request.paths,
      ops,
      ...(this.options.keepPayloads ? { payload: request.json } : {}),
      ...(responseBytes > this.options.responseLimitBytes ? { refused: true } : {}),
    });
    if (responseBytes > this.options.responseLimitBytes) throw errors.responseTooLarge(responseBytes);
    for (const w of this.written) this.host.fireChanged(w.sheet, w.address, 'Local');
  }
}

function maxVersion(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareVersions(a, b) >= 0 ? a : b;
}

const PASCAL = (name: string) => (name ? name[0].toUpperCase() + name.slice(1) : name);

/** The request as Office sends it: object paths by id, then the actions that use them. */
function serialiseRequest(actions: readonly Action[]): {
  json: string;
  paths: number;
  ids: Map<Action, number>;
} {
  const pathIds = new Map<ClientObject, number>();
  const paths: Record<string, unknown> = {};
  const ids = new Map<Action, number>();
  let next = 1;
  const pathOf = (obj: ClientObject): number => {
    const known = pathIds.get(obj);
    if (known !== undefined) return known;
    const parent = obj.parent ? pathOf(obj.parent) : undefined;
    const id = next++;
    pathIds.set(obj, id);
    const entry: Record<string, unknown> = {
      Id: id,
      ObjectPathType: obj.pathType,
      Name: PASCAL(obj.pathName),
    };
    if (parent !== undefined) entry.ParentObjectPathId = parent;
    if (obj.pathArgs.length) entry.ArgumentInfo = { Arguments: obj.pathArgs };
    paths[id] = entry;
    return id;
  };
  const list = actions.map((a) => {
    const objectPathId = pathOf(a.obj);
    const id = next++;
    ids.set(a, id);
    const entry: Record<string, unknown> = {
      Id: id,
      ActionType: a.type,
      Name: PASCAL(a.name),
      ObjectPathId: objectPathId,
    };
    if (a.type === 2) entry.QueryInfo = { Select: a.select ?? [], Expand: [], Skip: 0, Top: -1 };
    else if (a.args.length) entry.ArgumentInfo = { Arguments: a.args.map(argumentValue) };
    return entry;
  });
  return { json: JSON.stringify({ Actions: list, ObjectPaths: paths }), paths: pathIds.size, ids };
}

/** A proxy passed as an argument travels as its path id; a handler as nothing. */
function argumentValue(v: unknown): unknown {
  if (v instanceof ClientObject) return { _ObjectPathId: 0 };
  if (typeof v === 'function') return null;
  return v;
}

// ---------------------------------------------------------------------------------------------

type LoadOption = string | string[] | Record<string, unknown> | undefined;

/** Normalises every form `load()` accepts into `a/b/c` paths; `*` = all scalars. */
export function loadPaths(option: LoadOption): string[] {
  if (option === undefined || option === null) return ['*'];
  if (typeof option === 'string')
    return option
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((s) => loadPaths(s));
  const obj = option as Record<string, unknown>;
  if (typeof obj.select === 'string' || typeof obj.expand === 'string') {
    return [
      ...loadPaths((obj.select as string | undefined) ?? ''),
      ...loadPaths((obj.expand as string | undefined) ?? ''),
    ].filter(Boolean);
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k === '$top' || k === '$skip') continue;
    if (k === '$all') {
      if (v) out.push('*');
      continue;
    }
    if (v === true) out.push(k);
    else if (v && typeof v === 'object')
      for (const p of loadPaths(v as Record<string, unknown>)) out.push(p === '*' ? k : `${k}/${p}`);
  }
  return out.length ? out : ['*'];
}

export interface PropDef {
  /** Reads the property from the resolved target. */
  readonly read: (target: never) => unknown;
  readonly requires?: string;
}

/** A resolver from the parent's target to this object's target; null = a null object. */
export type Resolver = (parentTarget: unknown) => unknown;

const UNRESOLVED = Symbol('unresolved');

/**
 * The base of every proxy: a path (parent + how it is reached), the values loaded so far, and the
 * target in the document once a sync has resolved it.
 */
export abstract class ClientObject {
  abstract readonly typeName: string;
  /** Scalar properties that `load` may select. */
  protected abstract get props(): Readonly<Record<string, PropDef>>;
  readonly loaded = new Map<string, unknown>();
  private target: unknown = UNRESOLVED;
  private nullFlag: boolean | undefined;
  protected readonly navCache = new Map<string, ClientObject>();

  constructor(
    readonly context: FakeRequestContext,
    readonly parent: ClientObject | null,
    readonly pathType: PathType,
    readonly pathName: string,
    readonly pathArgs: readonly unknown[],
    private readonly resolver: Resolver,
    /** ExcelApi version needed to create this object (its navigation or method). */
    readonly requires?: string,
    /** Created by an `*OrNullObject` method. */
    readonly orNull = false,
  ) {
    if (orNull)
      this.context.queue({
        type: 1,
        obj: this,
        name: '',
        args: [],
        apply: () => ({ _IsNull: this.resolve() === null }),
      });
  }

  /** The highest API version needed along the path. */
  requiredVersion(): string | undefined {
    const p = this.parent?.requiredVersion();
    if (!this.requires) return p;
    if (!p) return this.requires;
    return compareVersions(this.requires, p) >= 0 ? this.requires : p;
  }

  /** Resolves (once) to the document object; null for a null object. Only called during a sync. */
  resolve(): unknown {
    if (this.target !== UNRESOLVED) return this.target;
    const parentTarget = this.parent ? this.parent.resolve() : this.context.host;
    // A null object's children are null objects too.
    const t = parentTarget === null ? null : this.resolver(parentTarget);
    this.target = t;
    this.nullFlag = t === null;
    return t;
  }

  /** Binds the proxy to a document object (items of a loaded collection, objects an action creates). */
  bind(target: unknown): void {
    this.target = target;
    this.nullFlag = target === null;
  }

  /** The target of a write: a null object cannot be changed. */
  protected writable<T>(): T {
    const t = this.resolve();
    if (t === null) throw errors.invalidObjectPath(this.typeName);
    return t as T;
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw errors.propertyNotLoaded('isNullObject', this.typeName);
    return this.nullFlag;
  }

  /** Reading a scalar: only after load + sync, or after setting it locally. */
  protected get_<T>(name: string): T {
    if (this.nullFlag === true) return undefined as T;
    if (!this.loaded.has(name)) throw errors.propertyNotLoaded(name, this.typeName);
    return this.loaded.get(name) as T;
  }

  /** Writing a scalar: kept locally (Office.js does the same) and queued. */
  protected set_(name: string, value: unknown, apply: (target: never) => void, requires?: string): void {
    this.loaded.set(name, value);
    this.context.queue({
      type: 4,
      obj: this,
      name,
      args: [value],
      requires: requires ?? this.props[name]?.requires,
      apply: () => apply(this.writable<never>()),
    });
  }

  /** Queues a method call. */
  protected call(
    name: string,
    args: readonly unknown[],
    apply: (target: never) => unknown,
    requires?: string,
  ): void {
    this.context.queue({
      type: 3,
      obj: this,
      name,
      args,
      requires,
      apply: () => apply(this.writable<never>()),
    });
  }

  /** A navigation property: the same proxy each time. */
  protected nav<T extends ClientObject>(name: string, make: () => T): T {
    let child = this.navCache.get(name) as T | undefined;
    if (!child) {
      child = make();
      this.navCache.set(name, child);
    }
    return child;
  }

  /** Navigation property by name, for load paths (`format/fill/color`). */
  protected navigation(name: string): ClientObject | undefined {
    void name;
    return undefined;
  }

  load(option?: LoadOption): this {
    const own: string[] = [];
    for (const path of loadPaths(option)) {
      const [head, ...rest] = path.split('/');
      const child = head === '*' ? undefined : this.navigation(head);
      if (child) child.load(rest.length ? rest.join('/') : undefined);
      else own.push(head === '*' ? '*' : path);
    }
    if (own.length) this.queueQuery(own);
    return this;
  }

  protected queueQuery(select: string[]): void {
    const names = select.includes('*') ? Object.keys(this.props) : select;
    for (const n of names)
      if (!this.props[n]) throw errors.invalidArgument(`${this.typeName}.load`, `unknown property ${n}`);
    const requires = names.reduce<string | undefined>(
      (v, n) => maxVersion(v, this.props[n].requires),
      undefined,
    );
    this.context.queue({
      type: 2,
      obj: this,
      name: '',
      args: [],
      select: names,
      requires,
      apply: () => this.readNow(names),
    });
  }

  /** Reads selected paths from the document into `loaded` (during a sync); returns the response. */
  readNow(paths: readonly string[]): Record<string, unknown> {
    const target = this.resolve();
    const value: Record<string, unknown> = {};
    if (target === null) return { _IsNull: true };
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length) {
        const child = this.navigation(head);
        if (!child) throw errors.invalidArgument(`${this.typeName}.load`, `unknown navigation ${head}`);
        value[head] = child.readNow([rest.join('/')]);
        continue;
      }
      const names = head === '*' ? Object.keys(this.props) : [head];
      for (const n of names) {
        const def = this.props[n];
        if (!def) {
          const child = this.navigation(n);
          if (child) {
            value[n] = child.readNow(['*']);
            continue;
          }
          throw errors.invalidArgument(`${this.typeName}.load`, `unknown property ${n}`);
        }
        if (!this.context.supports(def.requires))
          throw errors.apiNotFound(`${this.typeName}.${n}`, def.requires!);
        const v = def.read(target as never);
        this.loaded.set(n, v);
        value[n] = v;
      }
    }
    return value;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/**
 * A collection: `items` is available after `load()` + sync; `load('items/name')`, `load('name')`
 * and `load({ name: true })` all select the items' properties.
 */
export abstract class ClientCollection<T extends ClientObject> extends ClientObject {
  protected get props(): Readonly<Record<string, PropDef>> {
    return {};
  }

  /** The document objects in collection order. */
  protected abstract itemsOf(target: never): unknown[];
  /** A proxy bound to one document object. */
  protected abstract makeItem(target: unknown, index: number): T;

  get items(): T[] {
    return this.get_<T[]>('items');
  }

  override load(option?: LoadOption): this {
    const select = loadPaths(option).map((p) =>
      p === 'items' ? '*' : p.startsWith('items/') ? p.slice(6) : p,
    );
    this.context.queue({
      type: 2,
      obj: this,
      name: '',
      args: [],
      select: select.map((s) => `items/${s}`),
      apply: () => {
        const target = this.resolve();
        if (target === null) return { _IsNull: true };
        const items = this.itemsOf(target as never).map((t, i) => this.makeItem(t, i));
        this.loaded.set('items', items);
        return { _Items: items.map((item) => item.readNow(select)) };
      },
    });
    return this;
  }
}

/** A value returned by a method (`getCount()`): `value` after sync. */
export class ClientResult<T> {
  private loadedValue: { v: T } | null = null;
  set(v: T): void {
    this.loadedValue = { v };
  }
  get value(): T {
    if (!this.loadedValue) throw errors.propertyNotLoaded('value', 'ClientResult');
    return this.loadedValue.v;
  }
}

export function requireSheet(host: HostWorkbook, name: string, location: string): HostSheet {
  const sheet = host.findSheet(name);
  if (!sheet) throw errors.itemNotFound(location);
  return sheet;
}
