import { Checkbox, Dropdown, Field, Option } from '@fluentui/react-components';
import type { Severity } from '../../engine/findings';
import { type FindingFilter, SEVERITIES } from '../findingsView';
import type { Translate } from '../i18n';
import { useLayoutStyles } from '../styles';

export interface FindingFiltersProps {
  readonly filter: FindingFilter;
  readonly rules: readonly string[];
  readonly onChange: (filter: FindingFilter) => void;
  readonly t: Translate;
}

const ALL = '';

export function FindingFilters({ filter, rules, onChange, t }: FindingFiltersProps) {
  const layout = useLayoutStyles();
  const toggle = (severity: Severity, on: boolean) => {
    const severities = new Set(filter.severities);
    if (on) severities.add(severity);
    else severities.delete(severity);
    onChange({ ...filter, severities });
  };
  const selected = filter.rule ?? ALL;
  return (
    <div className={layout.stack}>
      <fieldset className={layout.row} style={{ border: 0, margin: 0, padding: 0 }}>
        <legend>{t('validasi.filterSeverity')}</legend>
        {SEVERITIES.map((s) => (
          <Checkbox
            key={s}
            label={t(`severity.${s}`)}
            checked={filter.severities.has(s)}
            onChange={(_, data) => toggle(s, data.checked === true)}
          />
        ))}
      </fieldset>
      <Field label={t('validasi.filterRule')}>
        <Dropdown
          value={selected === ALL ? t('validasi.allRules') : selected}
          selectedOptions={[selected]}
          onOptionSelect={(_, data) =>
            onChange({ ...filter, rule: !data.optionValue ? null : data.optionValue })
          }
          style={{ minWidth: 0, maxWidth: '100%' }}
        >
          <Option value={ALL}>{t('validasi.allRules')}</Option>
          {rules.map((r) => (
            <Option key={r} value={r}>
              {r}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </div>
  );
}
