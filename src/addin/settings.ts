/**
 * Document settings (`Office.context.document.settings`): read, and set-and-saved, with Office's
 * errors reported as `AdapterError`s. The city summary remembers its sheets here (summary.ts).
 */
import { adapterError, toAdapterError } from './errors';
import { Session } from './session';

export async function getSetting<T = unknown>(session: Session, key: string): Promise<T | null> {
  try {
    const v = session.officeHost()?.context.document.settings.get(key);
    return v === undefined || v === null ? null : (v as T);
  } catch (e) {
    throw toAdapterError(e, session.lang());
  }
}

export async function setSetting(session: Session, key: string, value: unknown): Promise<void> {
  const settings = session.officeHost()?.context.document.settings;
  if (!settings) throw adapterError('noHost', session.lang());
  try {
    settings.set(key, value);
  } catch (e) {
    throw toAdapterError(e, session.lang());
  }
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((result) =>
      String(result.status).toLowerCase() === 'succeeded'
        ? resolve()
        : reject(adapterError('settings', session.lang())),
    ),
  );
}
