/**
 * Letters as HTML and as plain text. The HTML is a self-contained fragment with inline styles, so
 * a paste into Word or Outlook keeps the table borders. Every piece of text — merge values, table
 * cells, the template's own words — is escaped: workbook data is untrusted.
 */
import type { RenderedLetter } from "./render";
import type { LetterTable } from "./text-table";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML content and attribute values.
 * @param text any text
 * @returns text with & < > " ' replaced by entities
 * @example escapeHtml('<img src=x onerror="alert(1)">') // "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

const TABLE_STYLE = "border-collapse:collapse;border:1px solid #000;margin:8px 0;";
const CELL_STYLE = "border:1px solid #000;padding:2px 6px;";

function cell(tag: "th" | "td", text: string, align: "left" | "right"): string {
  return `<${tag} style="${CELL_STYLE}text-align:${align};">${escapeHtml(text)}</${tag}>`;
}

function tableToHtml(table: LetterTable): string {
  const row = (cells: string[], tag: "th" | "td", bold = false) =>
    `<tr${bold ? ' style="font-weight:bold;"' : ""}>${cells.map((text, column) => cell(tag, text, table.align[column] ?? "left")).join("")}</tr>`;
  return (
    `<table style="${TABLE_STYLE}">` +
    `<thead>${row(table.headers, "th")}</thead>` +
    `<tbody>${table.rows.map((cells) => row(cells, "td")).join("")}</tbody>` +
    `<tfoot>${row(table.footer, "td", true)}</tfoot>` +
    "</table>"
  );
}

/** Paragraphs at blank lines; single line breaks kept as <br>. */
function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ""))
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => `<p style="margin:0 0 8px 0;">${paragraph.split("\n").map(escapeHtml).join("<br>")}</p>`)
    .join("");
}

/**
 * The letter as an HTML fragment: the subject in bold, the body in paragraphs, the invoice table
 * as a bordered <table> where the template placed `{{invoiceTable}}`.
 * @param letter a rendered letter
 * @returns an HTML string with every text escaped
 * @example letterToHtml(letter) // '<div lang="zh-CN" …><p …><strong>正式催款函:…</strong></p>…<table …>…</table>…</div>'
 */
export function letterToHtml(letter: RenderedLetter): string {
  const body = letter.parts.map((part) => (part.kind === "table" ? tableToHtml(letter.table) : textToHtml(part.text))).join("");
  return (
    `<div lang="${escapeHtml(letter.lang)}" style="font-family:'Microsoft YaHei','PingFang SC',Arial,sans-serif;font-size:11pt;line-height:1.5;">` +
    `<p style="margin:0 0 12px 0;"><strong>${escapeHtml(letter.subject)}</strong></p>` +
    body +
    "</div>"
  );
}

/**
 * The letter as plain text: subject, a blank line, the body (table as aligned columns).
 * @param letter a rendered letter
 * @returns the text
 * @example letterToPlainText({ ...letter, subject: "付款提醒", body: "尊敬的客户:…" }) // "付款提醒\n\n尊敬的客户:…"
 */
export function letterToPlainText(letter: RenderedLetter): string {
  return `${letter.subject}\n\n${letter.body}`;
}
