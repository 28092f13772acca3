import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { Translate } from '../i18n';
import type { Notice } from '../state';
import { useLayoutStyles } from '../styles';

const MAX_DETAILS = 8;

/** Errors and outcomes as Fluent message bars, in plain words, each dismissible. */
export function Notices({
  notices,
  onDismiss,
  t,
}: {
  notices: readonly Notice[];
  onDismiss: (id: number) => void;
  t: Translate;
}) {
  const layout = useLayoutStyles();
  if (!notices.length) return null;
  return (
    <div className={layout.stack} data-testid="notices">
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          <MessageBarBody>
            {t(n.key, n.params)}
            {n.details.length ? (
              <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
                {n.details.slice(0, MAX_DETAILS).map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
                {n.details.length > MAX_DETAILS ? <li>…</li> : null}
              </ul>
            ) : null}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label={t('dismiss')}
                onClick={() => onDismiss(n.id)}
              >
                <span aria-hidden="true">✕</span>
              </Button>
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
