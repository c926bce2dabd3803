/** The pane's Fluent theme, dark or light as Office's own theme is. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * Whether an Office theme colour is dark (relative luminance below one half).
 * @param color "#RRGGBB" or "#RGB"; anything else counts as light
 * @returns true for a dark background
 * @example isDarkColor("#262626") // true
 */
export function isDarkColor(color: string | undefined): boolean {
  const hex = (color ?? "").trim().replace(/^#/, "");
  const full = /^[0-9a-f]{3}$/i.test(hex) ? hex.replace(/./g, (digit) => digit + digit) : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return false;
  const [red, green, blue] = [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16) / 255);
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5;
}

/**
 * The Fluent theme for Office's body background: dark on a dark background, light otherwise.
 * @param bodyBackgroundColor Office theme's body background, e.g. "#262626"; undefined outside Office
 * @returns webDarkTheme or webLightTheme
 * @example paneTheme("#262626") === webDarkTheme // true
 */
export function paneTheme(bodyBackgroundColor: string | undefined): Theme {
  return isDarkColor(bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}
