import type { Translate } from '../i18n';
import type { Announcement } from '../state';
import { useLayoutStyles } from '../styles';

/** A polite live region: screen readers announce validation results and other outcomes. */
export function LiveRegion({ announcement, t }: { announcement: Announcement | null; t: Translate }) {
  const layout = useLayoutStyles();
  return (
    <div aria-live="polite" role="status" className={layout.visuallyHidden} data-testid="live-region">
      {announcement ? <span key={announcement.seq}>{t(announcement.key, announcement.params)}</span> : null}
    </div>
  );
}
