/**
 * The bar of the job running, with its words: the one part of a tab that re-renders as the job
 * moves (use-job.ts ProgressStore); nothing when no job runs.
 */
import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { useProgress, type ProgressStore } from "../use-job";

/**
 * @param props.progress the job's progress (useJob's `progress`)
 * @param props.label the field's label
 * @example <JobProgress progress={job.progress} label={words.progress} />
 */
export function JobProgress({ progress, label }: { progress: ProgressStore; label: string }): React.JSX.Element | null {
  const now = useProgress(progress);
  if (now === null) return null;
  return (
    <Field label={label} validationMessage={now.message} validationState="none">
      <ProgressBar value={now.fraction} max={1} />
    </Field>
  );
}
