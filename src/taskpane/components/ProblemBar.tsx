/** A job's problem in a Fluent MessageBar: what happened and what to do next. */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Problem } from "../use-job";

/** Props of ProblemBar. */
export interface ProblemBarProps {
  problem: Problem | null;
  dismissLabel: string;
  onDismiss(): void;
}

/**
 * Shows a problem, or nothing.
 * @param props the problem, the dismiss label and handler
 * @returns the message bar or null
 * @example <ProblemBar problem={job.problem} dismissLabel="Dismiss" onDismiss={job.clearProblem} />
 */
export function ProblemBar({ problem, dismissLabel, onDismiss }: ProblemBarProps): React.JSX.Element | null {
  if (problem === null) return null;
  return (
    <MessageBar intent={problem.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        {problem.message}
        {problem.next ? <div>{problem.next}</div> : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {dismissLabel}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
