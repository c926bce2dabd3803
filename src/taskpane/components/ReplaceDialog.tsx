/** Asks before the pane replaces sheets the add-in generated earlier. User sheets are never replaced. */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { ReplaceableSheet } from "../../workbook/adapter-types";
import { fillPlaceholders } from "../../i18n/fill";
import type { PaneStrings } from "../../i18n/pane";

/** What useReplaceConfirm gives: the question as a promise and the dialog to render. */
export interface ReplaceConfirm {
  /** Resolves true to replace, false to keep; resolves true at once when nothing would be replaced. */
  ask(sheets: ReplaceableSheet[]): Promise<boolean>;
  dialog: React.JSX.Element;
}

/**
 * A confirmation dialog driven by a promise, so a job can await the user's answer.
 * @param strings the pane's strings
 * @returns ask() and the dialog element
 * @example const replace = useReplaceConfirm(strings); if (await replace.ask(sheets)) await workbook.writePlans(plans);
 */
export function useReplaceConfirm(strings: PaneStrings): ReplaceConfirm {
  const [pending, setPending] = React.useState<{ sheets: ReplaceableSheet[]; resolve(answer: boolean): void } | null>(null);
  const ask = React.useCallback((sheets: ReplaceableSheet[]) => {
    if (sheets.length === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => setPending({ sheets, resolve }));
  }, []);
  const answer = (replace: boolean) => {
    pending?.resolve(replace);
    setPending(null);
  };
  const names = pending ? pending.sheets.map((sheet) => fillPlaceholders(strings.quoted, { name: sheet.sheetName })).join(strings.listSeparator) : "";
  const dialog = (
    <Dialog open={pending !== null} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : answer(false))}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.replace.title}</DialogTitle>
          <DialogContent>{fillPlaceholders(strings.replace.body, { list: names })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer(true)}>
              {strings.replace.replace}
            </Button>
            <Button onClick={() => answer(false)}>{strings.replace.keep}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { ask, dialog };
}
