/**
 * Reading the workbook through Office.js into plain arrays: every user sheet's used range (values,
 * errors as `{error}`, hidden rows), the tables, the stored settings and the date system, with as
 * few syncs as Excel's response limits allow (responses kept under 4,000,000 B on the wire, reads
 * under 5,000,000 cells, the rows per sync estimated from a first sample). Each sync's rows go to
 * a sink as they arrive: into the sheets by default, or on to the jobs worker.
 */
import type { CellValue, ReadOptions, RowCells, RunOptions, SheetData, TableInfo, WorkbookData } from "../adapter-types";
import { GENERATED_KEY, readGeneratedList, settingsForJobs } from "../settings-store";
import { toCell } from "./cells";
import { MAX_CELLS_PER_READ, PAYLOAD_BUDGET_BYTES, planChunks, wireValueBytes } from "./chunks";
import { queueDateProbe, type KnownDateSystem } from "./date-system";
import { throwIfAborted } from "./runner";
import { isScratch } from "./scratch";
import { compactRow, rowFromValues, rowsToChange } from "../sheet-cells";
import { queueStoreRead } from "./settings";

/** Cells read in the first, sampling chunk, from which bytes per cell are estimated. */
const SAMPLE_CELLS = 10_000;
/**
 * How many times the bytes of the last response the next read may ask for: after the sample, a
 * quarter of the budget, then the whole. The rows that sink to the jobs worker are read as they
 * arrive, so a smaller first chunk gets the worker going while the full ones travel (one sync more).
 */
const RAMP_UP = 4;
/**
 * Safety factor on the measured bytes per cell: a chunk a tenth denser than any before still fits
 * the budget, and the budget leaves a fifth to Excel's 5 MB; a denser one fails and is read again
 * in halves.
 */
const ESTIMATE_SAFETY = 1.1;
/**
 * Response bytes budgeted per row for getRowProperties({ rowHidden }) on a sheet with some rows
 * hidden (the flag, and the address Excel may add, with room to spare).
 */
const ROW_PROPERTIES_BYTES = 128;

function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Wire bytes of a value type as Excel sends it ("Double", "String", …): its 2 quotes count twice. */
function valueTypeBytes(type: unknown): number {
  switch (type) {
    case "Double":
    case "String":
      return 10;
    case "Empty":
    case "Error":
      return 9;
    case "Boolean":
      return 11;
    default:
      return wireValueBytes(type);
  }
}

/** Where a read's rows go as each sync brings them, instead of into the sheets. */
export interface RowSink {
  /**
   * The workbook before its rows, once the used ranges are known: every sheet with no rows, and
   * how many rows each will have.
   */
  layout(data: WorkbookData, rowCounts: number[]): void;
  /**
   * Rows of `data.sheets[sheet]` from `startRow` (0-based within its used range), dense from the
   * sheet's column `firstCol`.
   */
  rows(sheet: number, startRow: number, rows: CellValue[][], firstCol: number): void;
}

/**
 * Puts rows read (dense, as Excel gives them) into a sheet's rows: the one place that knows how a
 * sheet holds its cells (sparse, sheet-cells.ts), for the reader here and for the jobs worker that
 * receives the rows.
 * @param target the sheet's rows (SheetData.rows)
 * @param startRow the first row's index within the used range
 * @param rows the rows, in order
 * @param firstCol the sheet column of each row's first cell
 * @example placeRows(sheet.rows, 0, [["客户", null, "金额"]], 0); sheet.rows[0] // { cols: [0, 2], values: ["客户", "金额"] }
 */
export function placeRows(target: (RowCells | undefined)[], startRow: number, rows: CellValue[][], firstCol: number): void {
  // A ledger's rows mostly fill the same columns: made compact, they share one list of them — at
  // 1,048,575 rows about 130 MB less in the jobs worker.
  let shared = (startRow > 0 ? target[startRow - 1]?.cols : undefined) ?? null;
  for (let r = 0; r < rows.length; r++) {
    const row = rowFromValues(rows[r], firstCol);
    if (row !== undefined) shared = compactRow(row, shared);
    target[startRow + r] = row;
  }
}

/**
 * Converts one chunk's rows (values and valueTypes as loaded) in place into cells, and returns
 * the response bytes the two arrays took on the wire — counted while converting instead of
 * stringifying the response again. The loaded value rows are the response's own arrays, used by
 * nothing else, so they become the cells.
 */
function convertRows(values: unknown[][], types: unknown[][]): number {
  const rowCount = values.length;
  // Two 2-D arrays: their brackets, and the commas between rows.
  let bytes = rowCount === 0 ? 4 : 2 * (rowCount + 1);
  for (let r = 0; r < rowCount; r++) {
    const row = values[r];
    const typeRow = types[r];
    const width = row.length;
    // Each row of both arrays: brackets and the commas between cells.
    bytes += width === 0 ? 4 : 2 * (width + 1);
    for (let c = 0; c < width; c++) {
      const value = row[c];
      const type = typeRow[c] as string;
      bytes += wireValueBytes(value) + valueTypeBytes(type);
      row[c] = toCell(value, type);
    }
  }
  return bytes;
}

/** A rectangle of a sheet being read. */
interface ReadBlock {
  sheet: Excel.Worksheet;
  /** Its index in the workbook's sheets, for the sink. */
  index: number;
  data: SheetData;
  rowCount: number;
  colCount: number;
  nextRow: number;
  /** Some rows hidden and some not: each chunk also asks which (Range.rowHidden was null). */
  someRowsHidden: boolean;
}

interface ReadPiece {
  block: ReadBlock;
  startRow: number;
  rowCount: number;
  range: Excel.Range;
  /** Which rows of the chunk are hidden, for a block with some rows hidden. */
  rowProperties?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
}

/** Response bytes of one cell of the block, counting its share of the hidden-row flags. */
function blockCellBytes(block: ReadBlock, bytesPerCell: number): number {
  return bytesPerCell + (block.someRowsHidden ? ROW_PROPERTIES_BYTES / block.colCount : 0);
}

/**
 * Chooses the rows of the next read sync: the first sync samples SAMPLE_CELLS cells of the last
 * block; later ones fill the byte budget from the blocks in order.
 */
function nextPieces(blocks: ReadBlock[], bytesPerCell: number | undefined, budgetBytes: number): Omit<ReadPiece, "range">[] {
  const open = blocks.filter((block) => block.nextRow < block.rowCount);
  if (open.length === 0) return [];
  if (bytesPerCell === undefined) {
    // The last block, the largest: its cells tell most of the others'.
    const block = open[open.length - 1];
    const rows = Math.min(block.rowCount - block.nextRow, Math.max(1, Math.floor(SAMPLE_CELLS / block.colCount)));
    return [{ block, startRow: block.nextRow, rowCount: rows }];
  }
  const pieces: Omit<ReadPiece, "range">[] = [];
  let bytesLeft = budgetBytes;
  let cellsLeft = MAX_CELLS_PER_READ;
  for (const block of open) {
    const cellBytes = blockCellBytes(block, bytesPerCell);
    const rowBytes = block.colCount * cellBytes;
    if (pieces.length > 0 && (rowBytes > bytesLeft || block.colCount > cellsLeft)) break;
    const [chunk] = planChunks(block.rowCount - block.nextRow, block.colCount, cellBytes, { maxBytes: bytesLeft, maxCells: cellsLeft });
    pieces.push({ block, startRow: block.nextRow, rowCount: chunk.rowCount });
    bytesLeft -= chunk.rowCount * rowBytes;
    cellsLeft -= chunk.rowCount * block.colCount;
    if (block.nextRow + chunk.rowCount < block.rowCount) break;
  }
  return pieces;
}

/**
 * Reads every user sheet's used range (values; errors as `{error}`), its hidden or filtered
 * rows, the tables, the add-in's settings and the date system. Sync 1 lists sheets, tables and
 * settings and probes the date system; sync 2 gets used ranges (with `rowHidden`: false, true,
 * or null when some rows are hidden) and table positions; then one sync per chunk of rows (a
 * sample, then chunks of at most RAMP_UP times the bytes of the one before), where
 * a chunk of a sheet with some rows hidden also asks `getRowProperties({ rowHidden })` — one
 * operation per chunk, never one per row, and no extra sync.
 *
 * @param context The batch's request context.
 * @param options Progress callback, abort signal (checked before each sync), and which sheets' cells are wanted.
 * @param known Receives the date system the probe found.
 * @param sink Where each sync's rows go; into the sheets' rows when absent.
 * @returns The workbook as plain data (with a sink, the sheets' rows are the sink's).
 * @example const data = await excel.run((context) => readWorkbook(context, {}, known));
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions, known: KnownDateSystem, sink?: RowSink): Promise<WorkbookData> {
  const { signal, onProgress } = options;
  const workbook = context.workbook;
  const sheetList = workbook.worksheets.load("items/name,items/id,items/visibility");
  const tableList = workbook.tables.load("items/name");
  const storeRead = queueStoreRead(context);
  const probe = queueDateProbe(context);
  throwIfAborted(signal);
  await context.sync();
  const dateSystem = probe.result();
  known.value = dateSystem;
  probe.cleanup();

  const store = storeRead();
  const generatedList = readGeneratedList(store[GENERATED_KEY]);
  const generatedIds = new Set(generatedList.sheets.map((entry) => entry.id));

  const sheets = sheetList.items.filter((sheet) => !isScratch(sheet.name));
  const used = sheets.map((sheet) =>
    generatedIds.has(sheet.id) || options.sheets?.(sheet.name) === false ? null : sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount,rowHidden"),
  );
  const tableParts = tableList.items.map((table) => ({
    name: table.name,
    sheet: table.worksheet.load("name"),
    header: table.getHeaderRowRange().load("rowIndex,columnIndex,columnCount"),
    body: table.getDataBodyRange().load("rowCount"),
  }));
  throwIfAborted(signal);
  await context.sync();

  const blocks: ReadBlock[] = [];
  const sheetData: SheetData[] = sheets.map((sheet, index) => {
    const data: SheetData = { name: sheet.name, rows: [], firstRow: 0, firstCol: 0, generated: generatedIds.has(sheet.id) };
    const range = used[index];
    if (range && !range.isNullObject) {
      data.firstRow = range.rowIndex;
      data.firstCol = range.columnIndex;
      // Rows go to the sheet itself unless a sink takes them.
      if (!sink) data.rows = new Array(range.rowCount);
      // rowHidden is true when every row is hidden, null when some are.
      if (range.rowHidden === true) data.hiddenRows = Array.from({ length: range.rowCount }, (_, r) => range.rowIndex + r);
      const someRowsHidden = range.rowHidden === null;
      if (someRowsHidden) data.hiddenRows = [];
      blocks.push({ sheet, index, data, rowCount: range.rowCount, colCount: range.columnCount, nextRow: 0, someRowsHidden });
    }
    return data;
  });
  const tables: TableInfo[] = tableParts.map((part) => ({
    name: part.name,
    sheet: part.sheet.name,
    headerRow: part.header.rowIndex,
    firstCol: part.header.columnIndex,
    rowCount: part.body.rowCount,
    columnCount: part.header.columnCount,
  }));

  const data: WorkbookData = { sheets: sheetData, tables, dateSystem, settings: settingsForJobs(store) };
  if (generatedList.errors.length > 0) data.storeErrors = generatedList.errors;
  sink?.layout(data, sheetData.map((_, index) => blocks.find((block) => block.index === index)?.rowCount ?? 0));
  // The largest sheet (the ledger) is read last, its first rows sampled first: the others are
  // complete by the time its rows arrive, so that the jobs worker can read them as they do.
  const largest = blocks.reduce((best, block, at) => (block.rowCount * block.colCount > blocks[best].rowCount * blocks[best].colCount ? at : best), 0);
  blocks.push(...blocks.splice(largest, 1));
  await readBlocks(context, blocks, options, sink ? sink.rows.bind(sink) : (index, startRow, rows, firstCol) => placeRows(rowsToChange(sheetData[index]), startRow, rows, firstCol));
  onProgress?.({ fraction: 1, message: "Read complete" });
  return data;
}

/** Reads the blocks' rows, a sync per chunk, each chunk as large as the response budget and RAMP_UP allow. */
async function readBlocks(context: Excel.RequestContext, blocks: ReadBlock[], { signal, onProgress }: RunOptions, sink: RowSink["rows"]): Promise<void> {
  const totalCells = blocks.reduce((sum, block) => sum + block.rowCount * block.colCount, 0);
  let doneCells = 0;
  let bytesPerCell: number | undefined;
  // Bytes of the last response: the next read asks for at most RAMP_UP times as many (see RAMP_UP).
  let lastBytes = Infinity;
  for (;;) {
    const budget = Math.min(PAYLOAD_BUDGET_BYTES, RAMP_UP * lastBytes);
    const pieces: ReadPiece[] = nextPieces(blocks, bytesPerCell, budget).map((piece) => {
      const range = piece.block.sheet.getRangeByIndexes(piece.block.data.firstRow + piece.startRow, piece.block.data.firstCol, piece.rowCount, piece.block.colCount);
      range.load("values,valueTypes");
      return piece.block.someRowsHidden ? { ...piece, range, rowProperties: range.getRowProperties({ rowHidden: true }) } : { ...piece, range };
    });
    if (pieces.length === 0) return;
    throwIfAborted(signal);
    try {
      await context.sync();
    } catch (error) {
      const rows = pieces.reduce((sum, piece) => sum + piece.rowCount, 0);
      if (!isPayloadError(error) || rows <= 1) throw error;
      // The rows were denser than estimated: assume they filled twice the budget, so the retry reads half as many.
      const failedCells = pieces.reduce((sum, piece) => sum + piece.rowCount * piece.block.colCount, 0);
      bytesPerCell = Math.max(bytesPerCell ?? 0, (2 * PAYLOAD_BUDGET_BYTES) / failedCells);
      continue;
    }
    let bytes = 0;
    let cells = 0;
    for (const { block, startRow, rowCount, range, rowProperties } of pieces) {
      const rows = range.values;
      bytes += convertRows(rows, range.valueTypes);
      sink(block.index, startRow, rows as CellValue[][], block.data.firstCol);
      cells += rowCount * block.colCount;
      if (rowProperties) {
        const firstRow = block.data.firstRow + startRow;
        const flags = rowProperties.value;
        for (let r = 0; r < flags.length; r++) if (flags[r].rowHidden === true) block.data.hiddenRows?.push(firstRow + r);
      }
      block.nextRow = startRow + rowCount;
    }
    bytesPerCell = Math.max(bytesPerCell ?? 0, (bytes / cells) * ESTIMATE_SAFETY);
    lastBytes = bytes;
    doneCells += cells;
    onProgress?.({ fraction: totalCells === 0 ? 1 : doneCells / totalCells, message: `Read ${doneCells} of ${totalCells} cells` });
  }
}
