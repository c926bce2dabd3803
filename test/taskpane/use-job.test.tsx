/** @jest-environment jsdom */
import { act, renderHook } from "@testing-library/react";
import { PANE_STRINGS } from "../../src/i18n/pane";
import type { Progress } from "../../src/workbook/adapter-types";
import { BAR_STEP_MS, useJob, useProgress, type JobControl } from "../../src/taskpane/use-job";

describe("useJob", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("moves the bar by whole percents, new words at once, steps at most every BAR_STEP_MS and the last one later; only the bar re-renders", async () => {
    const seen: (Progress | null)[] = [];
    let tabRenders = 0;
    const { result } = renderHook(() => {
      const job = useJob(PANE_STRINGS.en);
      tabRenders++;
      return job;
    });
    // The bar reads the progress on its own: the tab around it is not rendered again for each step.
    const bar = renderHook(() => {
      const progress = useProgress(result.current.progress);
      seen.push(progress);
      return progress;
    });
    let control!: JobControl;
    let finish!: () => void;
    let running!: Promise<unknown>;
    act(() => {
      running = result.current.run((given) => {
        control = given;
        return new Promise<void>((resolve) => (finish = resolve));
      });
    });
    const rendersWhileRunning = tabRenders;
    const report = (fraction: number, message: string) => act(() => control.onProgress({ fraction, message }));
    const wait = (ms: number) => act(() => jest.advanceTimersByTime(ms));
    const now = () => bar.result.current;

    report(0.001, "Reading"); // new words: at once
    expect(now()).toEqual({ fraction: 0.001, message: "Reading" });
    report(0.004, "Reading"); // the same percent: never drawn
    report(0.012, "Reading"); // 1 %, too soon: kept for later
    report(0.015, "Reading"); // still too soon: this one replaces it
    expect(now()).toEqual({ fraction: 0.001, message: "Reading" });
    wait(BAR_STEP_MS);
    expect(now()).toEqual({ fraction: 0.015, message: "Reading" });
    wait(BAR_STEP_MS);
    report(0.03, "Reading"); // long enough after the last step: at once
    expect(now()).toEqual({ fraction: 0.03, message: "Reading" });
    report(0.031, "Ageing"); // new words: at once, however soon
    expect(now()).toEqual({ fraction: 0.031, message: "Ageing" });
    report(0.5, "Writing");
    expect(now()).toEqual({ fraction: 0.5, message: "Writing" });

    const drawn = seen.filter((progress): progress is Progress => progress !== null && progress.message !== "").map((progress) => progress.fraction);
    expect([...new Set(drawn)]).toEqual([0.001, 0.015, 0.03, 0.031, 0.5]);
    expect(tabRenders).toBe(rendersWhileRunning);

    report(0.6, "Writing"); // too soon; the job ends first: nothing is drawn after
    await act(async () => {
      finish();
      await running;
    });
    wait(BAR_STEP_MS);
    expect(now()).toBeNull();
    expect(result.current.progress.get()).toBeNull();
  });
});
