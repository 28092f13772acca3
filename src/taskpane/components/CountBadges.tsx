import { Badge } from '@fluentui/react-components';
import type { Translate } from '../i18n';
import { useLayoutStyles } from '../styles';

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly accepted: number;
}

/** Galat / peringatan / diterima as badges; the words are in the badges' text, not only in colour. */
export function CountBadges({ counts, t }: { counts: Counts; t: Translate }) {
  const layout = useLayoutStyles();
  return (
    <div className={layout.row} role="group" aria-label={t('validasi.counts')} data-testid="counts">
      <Badge appearance="filled" color={counts.errors ? 'danger' : 'success'} data-testid="count-errors">
        {`${counts.errors} ${t('count.galat')}`}
      </Badge>
      <Badge appearance="filled" color={counts.warnings ? 'warning' : 'success'} data-testid="count-warnings">
        {`${counts.warnings} ${t('count.peringatan')}`}
      </Badge>
      <Badge appearance="tint" color="informative" data-testid="count-accepted">
        {`${counts.accepted} ${t('count.diterima')}`}
      </Badge>
    </div>
  );
}
