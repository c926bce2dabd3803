/** @jest-environment jsdom */
import { act, renderHook } from "@testing-library/react";
import { PANE_STRINGS } from "../../src/i18n/pane";
import type { Progress } from "../../src/workbook/adapter-types";
import { useJob, type JobControl } from "../../src/taskpane/use-job";

describe("useJob", () => {
  it("moves the bar by whole percents: a report within the same percent and words is not rendered", async () => {
    const seen: (Progress | null)[] = [];
    const { result } = renderHook(() => {
      const job = useJob(PANE_STRINGS.en);
      seen.push(job.progress);
      return job;
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
    const report = async (fraction: number, message: string) => act(async () => control.onProgress({ fraction, message }));
    await report(0.001, "Reading");
    await report(0.004, "Reading"); // still 0 %: not rendered
    await report(0.012, "Reading"); // 1 %
    await report(0.019, "Reading"); // still 1 %
    await report(0.019, "Ageing"); // new words
    const shown = seen.filter((progress): progress is Progress => progress !== null && progress.message !== "");
    expect(shown.map((progress) => [progress.fraction, progress.message])).toEqual(
      expect.arrayContaining([[0.001, "Reading"], [0.012, "Reading"], [0.019, "Ageing"]]),
    );
    expect(shown.some((progress) => progress.fraction === 0.004)).toBe(false);
    expect(shown.some((progress) => progress.fraction === 0.019 && progress.message === "Reading")).toBe(false);
    await act(async () => {
      finish();
      await running;
    });
    expect(result.current.progress).toBeNull();
  });
});
