import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DecisionResult } from '../controller';
import type { Translate, UiKey } from '../i18n';
import { useLayoutStyles } from '../styles';

export type DecisionMode = 'accept' | 'withdraw';

export interface DecisionDialogProps {
  /** Accepting a finding, or withdrawing its acceptance. */
  readonly mode: DecisionMode;
  /** The finding decided on, or null when the dialog is closed. */
  readonly findingId: string | null;
  /** Shown in the dialog: the finding's message. */
  readonly description: string;
  readonly onDecide: (reason: string, reviewer: string) => Promise<DecisionResult>;
  readonly onClose: () => void;
  readonly t: Translate;
}

/** Asks for Alasan and Pemeriksa; both are required (checked here and again by the controller). */
export function DecisionDialog({ mode, findingId, description, onDecide, onClose, t }: DecisionDialogProps) {
  const layout = useLayoutStyles();
  const [reason, setReason] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [problems, setProblems] = useState<readonly UiKey[]>([]);
  const [saving, setSaving] = useState(false);

  const close = () => {
    setReason('');
    setReviewer('');
    setProblems([]);
    onClose();
  };

  const save = async () => {
    const missing: UiKey[] = [];
    if (!reason.trim()) missing.push('audit.needReason');
    if (!reviewer.trim()) missing.push('audit.needReviewer');
    if (missing.length) {
      setProblems(missing);
      return;
    }
    setSaving(true);
    const result = await onDecide(reason, reviewer);
    setSaving(false);
    // A failed write closes the dialog too: its notice is shown in the pane.
    if (result.ok || result.problems.length === 0) close();
    else setProblems(result.problems);
  };

  const reasonProblem = problems.includes('audit.needReason');
  const reviewerProblem = problems.includes('audit.needReviewer');

  return (
    <Dialog open={findingId !== null} onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface
        aria-describedby="accept-description"
        style={{ maxWidth: 'calc(100vw - 16px)', boxSizing: 'border-box' }}
      >
        {/* noValidate: the pane's own messages (in the pane's language) explain what is missing. */}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t(mode === 'accept' ? 'audit.dialogTitle' : 'audit.withdrawTitle')}</DialogTitle>
            <DialogContent className={layout.stack}>
              <p id="accept-description" style={{ margin: 0, overflowWrap: 'anywhere' }}>
                {description}
              </p>
              {problems.length ? (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{problems.map((p) => t(p)).join(' ')}</MessageBarBody>
                </MessageBar>
              ) : null}
              <Field
                label={t('audit.reason')}
                required
                validationMessage={reasonProblem ? t('audit.needReason') : undefined}
              >
                <Textarea value={reason} onChange={(_, data) => setReason(data.value)} resize="vertical" />
              </Field>
              <Field
                label={t('audit.reviewer')}
                required
                validationMessage={reviewerProblem ? t('audit.needReviewer') : undefined}
              >
                <Input value={reviewer} onChange={(_, data) => setReviewer(data.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={close}>
                {t('audit.cancel')}
              </Button>
              <Button type="submit" appearance="primary" disabled={saving}>
                {t('audit.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
