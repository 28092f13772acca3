import { Spinner, Tab, TabList } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { WorkbookPort } from '../addin/port';
import { AuditTab } from './components/AuditTab';
import { KonsolidasiTab } from './components/KonsolidasiTab';
import { LiveRegion } from './components/LiveRegion';
import { Notices } from './components/Notices';
import { ReferensiTab } from './components/ReferensiTab';
import { ValidasiTab } from './components/ValidasiTab';
import { type ControllerDeps, PaneController } from './controller';
import { downloadBlob } from './download';
import { usePaneState, useTranslate } from './usePane';
import { useLayoutStyles } from './styles';

export type TabName = 'validasi' | 'konsolidasi' | 'audit' | 'referensi';

const TABS: readonly TabName[] = ['validasi', 'konsolidasi', 'audit', 'referensi'];

export interface AppProps extends Partial<Omit<ControllerDeps, 'port'>> {
  readonly port: WorkbookPort;
  /** A ready controller (tests); by default one is made for `port`. */
  readonly controller?: PaneController;
  readonly initialTab?: TabName;
}

export function App({ port, controller: given, initialTab = 'validasi', ...deps }: AppProps) {
  const [controller] = useState(() => given ?? new PaneController({ download: downloadBlob, ...deps, port }));
  const state = usePaneState(controller);
  const t = useTranslate(state);
  const layout = useLayoutStyles();
  const [tab, setTab] = useState<TabName>(initialTab);

  useEffect(() => {
    void controller.init();
    return () => controller.dispose();
  }, [controller]);

  return (
    <main className={layout.pane} lang={state.lang} aria-busy={state.busy}>
      <TabList
        className={layout.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => {
          setTab(data.value as TabName);
          // The Audit tab shows the stamp as the workbook is now, not as it was at the last validation.
          if (data.value === 'audit') void controller.refreshStampStatus();
        }}
        aria-label={t('tabs')}
        size="small"
      >
        {TABS.map((name) => (
          <Tab
            key={name}
            id={`tab-${name}`}
            className={layout.tab}
            value={name}
            aria-controls={`panel-${name}`}
          >
            {t(`tab.${name}`)}
          </Tab>
        ))}
      </TabList>
      {state.busy ? <Spinner size="tiny" label={t('busy')} /> : null}
      <Notices notices={state.notices} onDismiss={(id) => controller.dismissNotice(id)} t={t} />
      {/* Panels stay mounted (hidden when not selected) so picked files and filters survive a tab switch. */}
      <div role="tabpanel" id="panel-validasi" aria-labelledby="tab-validasi" hidden={tab !== 'validasi'}>
        <ValidasiTab state={state} actions={controller} t={t} />
      </div>
      <div
        role="tabpanel"
        id="panel-konsolidasi"
        aria-labelledby="tab-konsolidasi"
        hidden={tab !== 'konsolidasi'}
      >
        <KonsolidasiTab state={state} actions={controller} t={t} />
      </div>
      <div role="tabpanel" id="panel-audit" aria-labelledby="tab-audit" hidden={tab !== 'audit'}>
        <AuditTab state={state} actions={controller} t={t} />
      </div>
      <div role="tabpanel" id="panel-referensi" aria-labelledby="tab-referensi" hidden={tab !== 'referensi'}>
        <ReferensiTab state={state} actions={controller} t={t} />
      </div>
      <LiveRegion announcement={state.announcement} t={t} />
    </main>
  );
}
