import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { isDarkColor, paneTheme } from "../../src/taskpane/theme";

describe("theme", () => {
  it("reads dark and light Office theme backgrounds", () => {
    expect(isDarkColor("#262626")).toBe(true);
    expect(isDarkColor("#000")).toBe(true);
    expect(isDarkColor("#FFFFFF")).toBe(false);
    expect(isDarkColor("#f3f2f1")).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });

  it("picks Fluent's dark theme on a dark background, the light one otherwise", () => {
    expect(paneTheme("#262626")).toBe(webDarkTheme);
    expect(paneTheme("#f3f2f1")).toBe(webLightTheme);
    expect(paneTheme(undefined)).toBe(webLightTheme);
  });
});
