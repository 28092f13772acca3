import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Severity } from '../../engine/findings';
import type { Translate } from '../i18n';

const GLYPH: Readonly<Record<Severity, string>> = { error: '✖', warning: '⚠', info: 'ℹ' };

const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

/** Severity as an icon and a word (the word carries the meaning; the icon is decoration). */
export function SeverityLabel({ severity, t }: { severity: Severity; t: Translate }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.root, styles[severity])}>
      <span aria-hidden="true">{GLYPH[severity]}</span>
      <span>{t(`severity.${severity}`)}</span>
    </span>
  );
}
