/**
 * The `Office` global subset the add-in uses: `onReady`, the display language, requirement-set
 * checks (ExcelApi up to a configurable version) and the document settings (in memory).
 */
import { HostWorkbook } from './host';
import { compareVersions } from './runtime';

export interface AsyncResult {
  readonly status: 'succeeded' | 'failed';
  readonly value?: unknown;
  readonly error?: { readonly code: number; readonly name: string; readonly message: string };
}

export interface FakeOfficeState {
  apiVersion: string;
  displayLanguage: string;
  /** When set, `settings.saveAsync` fails with this message. */
  failSettingsSave: string | null;
  settingsSaves: number;
}

/** `platform`: what `Office.context.platform` reports (`OfficeOnline` while responses are capped, as on the web). */
export function createOffice(
  host: HostWorkbook,
  state: FakeOfficeState,
  platform: () => string = () => 'OfficeOnline',
) {
  const settings = {
    get(name: string): unknown {
      return host.settings.has(name) ? host.settings.get(name) : null;
    },
    set(name: string, value: unknown): void {
      // Settings hold JSON: store a copy, as Office serialises them.
      host.settings.set(name, value === undefined ? null : JSON.parse(JSON.stringify(value)));
    },
    remove(name: string): void {
      host.settings.delete(name);
    },
    saveAsync(optionsOrCallback?: unknown, maybeCallback?: (r: AsyncResult) => void): void {
      const callback =
        typeof optionsOrCallback === 'function'
          ? (optionsOrCallback as (r: AsyncResult) => void)
          : maybeCallback;
      setTimeout(() => {
        if (state.failSettingsSave) {
          callback?.({
            status: 'failed',
            error: { code: 5001, name: 'Internal Error', message: state.failSettingsSave },
          });
        } else {
          state.settingsSaves++;
          callback?.({ status: 'succeeded' });
        }
      }, 0);
    },
    refreshAsync(callback?: (r: AsyncResult) => void): void {
      setTimeout(() => callback?.({ status: 'succeeded', value: settings }), 0);
    },
  };
  return {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(
      callback?: (info: { host: string; platform: string }) => void,
    ): Promise<{ host: string; platform: string }> {
      const info = { host: 'Excel', platform: platform() };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      get displayLanguage(): string {
        return state.displayLanguage;
      },
      get platform(): string {
        return platform();
      },
      requirements: {
        isSetSupported(name: string, minVersion?: string): boolean {
          if (name.toLowerCase() !== 'excelapi') return false;
          return minVersion === undefined || compareVersions(state.apiVersion, String(minVersion)) >= 0;
        },
      },
      document: { settings },
    },
  };
}

export type FakeOffice = ReturnType<typeof createOffice>;
