/**
 * The task pane's entry: waits for Office, then renders the app on the Excel adapter. The only
 * place besides the adapter that touches the Office globals.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createExcelAdapter } from '../addin/excelAdapter';
import { App } from './App';

/** Dark when Office's theme has a dark body background. */
function prefersDark(): boolean {
  try {
    const hex = Office.context.officeTheme?.bodyBackgroundColor?.replace('#', '') ?? '';
    if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
  } catch {
    return false;
  }
}

void Office.onReady(() => {
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={prefersDark() ? webDarkTheme : webLightTheme}>
      <App port={createExcelAdapter()} />
    </FluentProvider>,
  );
});
