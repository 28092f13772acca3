/** @jest-environment jsdom */
import './setup';
import { act, screen, waitFor } from '@testing-library/react';

describe('index.tsx', () => {
  test('renders the pane into #container once Office is ready, and says plainly when Excel is missing', async () => {
    document.body.innerHTML = '<div id="container"></div>';
    const settings = new Map<string, unknown>();
    (globalThis as Record<string, unknown>).Office = {
      onReady: (callback: () => void) => {
        callback();
        return Promise.resolve({});
      },
      context: {
        displayLanguage: 'id-ID',
        officeTheme: { bodyBackgroundColor: '#1F1F1F' },
        requirements: { isSetSupported: () => true },
        document: {
          settings: {
            get: (k: string) => settings.get(k),
            set: (k: string, v: unknown) => settings.set(k, v),
            remove: (k: string) => settings.delete(k),
            saveAsync: () => undefined,
          },
        },
      },
    };
    await act(async () => {
      await import('../../src/taskpane/index');
    });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Validasi' })).toBeTruthy());
    await waitFor(() =>
      expect(screen.getByTestId('notices').textContent).toContain(
        'Add-in ini harus dijalankan di dalam Excel.',
      ),
    );
  });
});
