/**
 * A letter leaving the pane: to the clipboard as rich text (the already-escaped HTML of
 * letterToHtml, never put into the page) with a plain-text fallback, or into a mailto: link.
 */
import { letterToHtml, letterToPlainText } from "../rules/letters/html";
import type { RenderedLetter } from "../rules/letters/render";

/** The clipboard calls used; navigator.clipboard by default. */
export interface ClipboardLike {
  write?(items: ClipboardItem[]): Promise<void>;
  writeText?(text: string): Promise<void>;
}

/**
 * Copies a letter: text/html and text/plain together where the browser can, else plain text.
 * @param letter the rendered letter
 * @param clipboard the clipboard (injectable for tests)
 * @returns resolves once copied; rejects when no clipboard is available
 * @example await copyLetter(letter) // the clipboard now holds the letter with its table
 */
export async function copyLetter(letter: RenderedLetter, clipboard: ClipboardLike | undefined = globalThis.navigator?.clipboard): Promise<void> {
  const text = letterToPlainText(letter);
  if (clipboard?.write && typeof ClipboardItem !== "undefined") {
    try {
      await clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([letterToHtml(letter)], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
      return;
    } catch (error) {
      if (!clipboard.writeText) throw error;
    }
  }
  if (!clipboard?.writeText) throw new Error("Clipboard unavailable");
  await clipboard.writeText(text);
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * A mailto: link with the letter's subject and plain-text body, every part percent-encoded.
 * @param email the customer's address from the customer table
 * @param letter the rendered letter
 * @returns the link, or null when the address is missing or not an address
 * @example mailtoLink("ap@example.com", { subject: "付款提醒", body: "…" }) // "mailto:ap%40example.com?subject=%E4%BB%98…&body=…"
 */
export function mailtoLink(email: string | undefined, letter: Pick<RenderedLetter, "subject" | "body">): string | null {
  const address = (email ?? "").trim();
  if (!EMAIL.test(address)) return null;
  return `mailto:${encodeURIComponent(address)}?subject=${encodeURIComponent(letter.subject)}&body=${encodeURIComponent(letter.body)}`;
}
