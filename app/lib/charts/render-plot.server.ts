// Renders Plot options to SVG markup on the server, with linkedom standing in for the browser's
// document, so charts are in the HTML and readable with JavaScript off.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

let serverDocument: Document | undefined;

function getServerDocument(): Document {
  serverDocument ??= parseHTML("<!doctype html><html><body></body></html>")
    .document as unknown as Document;
  return serverDocument;
}

const PATH_DATA = /\sd="([^"]*)"/g;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
const COMMAND_OR_NUMBER = /[a-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
const ONLY_MOVE_LINE_CLOSE = /^[MLZmlz0-9.,\-+eE\s]*$/;

function formatNumber(value: number, factor: number): string {
  const rounded = Math.round(value * factor) / factor;
  // "0.5" → ".5", "-0.5" → "-.5"; -0 prints as "0".
  return String(rounded === 0 ? 0 : rounded).replace(/^(-?)0\./, "$1.");
}

function joinNumbers(numbers: string[]): string {
  return numbers.reduce(
    (out, number, index) =>
      index === 0 || number.startsWith("-") ? out + number : `${out},${number}`,
    "",
  );
}

/**
 * Rewrites path data made of M/L/Z (what d3-geo and Plot's lines emit) as relative moves and
 * lines rounded to `decimals` places, dropping segments that round to nothing. Maps shrink by
 * about a third. Paths with other commands only get their numbers rounded.
 */
export function compactPathData(data: string, decimals: number): string {
  const factor = 10 ** decimals;
  if (!ONLY_MOVE_LINE_CLOSE.test(data)) {
    return data.replace(NUMBER, (number) => formatNumber(Number(number), factor));
  }
  const tokens = data.match(COMMAND_OR_NUMBER) ?? [];
  const round = (value: number) => Math.round(value * factor) / factor;
  let out = "";
  let command = "";
  let pending: number[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let run: string[] = [];
  let runCommand = "";
  const flushRun = () => {
    if (run.length > 0) out += runCommand + joinNumbers(run);
    run = [];
    runCommand = "";
  };
  const emit = (relativeCommand: "m" | "l", absX: number, absY: number, relative: boolean) => {
    const nextX = round(relative ? x + absX : absX);
    const nextY = round(relative ? y + absY : absY);
    const dx = nextX - x;
    const dy = nextY - y;
    if (relativeCommand === "l" && dx === 0 && dy === 0) return;
    if (relativeCommand === "m" || (runCommand !== "m" && runCommand !== "l")) {
      flushRun();
      runCommand = relativeCommand;
    }
    run.push(formatNumber(dx, factor), formatNumber(dy, factor));
    x = nextX;
    y = nextY;
    if (relativeCommand === "m") {
      startX = nextX;
      startY = nextY;
    }
  };
  for (const token of tokens) {
    if (/^[a-z]$/i.test(token)) {
      command = token;
      pending = [];
      if (token === "Z" || token === "z") {
        flushRun();
        out += "z";
        x = startX;
        y = startY;
      }
      continue;
    }
    pending.push(Number(token));
    if (pending.length < 2) continue;
    const [px, py] = pending as [number, number];
    pending = [];
    const relative = command === "m" || command === "l";
    const isMove = command === "M" || command === "m";
    emit(isMove ? "m" : "l", px, py, relative);
    // Further pairs after a move are implicit line-tos (SVG path grammar).
    if (isMove) command = relative ? "l" : "L";
  }
  flushRun();
  return out;
}

const GEOMETRY_ATTRIBUTE = /\s(x|y|x1|x2|y1|y2|cx|cy|r|width|height|transform)="([^"]*)"/g;
const LONG_DECIMAL = /-?\d+\.\d{3,}(?:e-?\d+)?/g;

/**
 * Rounds positions and sizes written with float noise (y="167.20000000000002") to `decimals`
 * places. Only geometry attributes are touched: text such as the Vietnamese "2.000" stays.
 */
export function roundGeometryAttributes(markup: string, decimals: number): string {
  const factor = 10 ** decimals;
  return markup.replace(
    GEOMETRY_ATTRIBUTE,
    (_, name: string, value: string) =>
      ` ${name}="${value.replace(LONG_DECIMAL, (number) => String(Math.round(Number(number) * factor) / factor))}"`,
  );
}

/** Font size of chart text in SVG units (Plot's default is 10). */
export const CHART_FONT_SIZE = 13;

export interface RenderedFigure {
  /** SVG (or figure) markup from Plot, safe to inject: built from our own data only. */
  html: string;
  description: string;
}

export interface RenderPlotOptions {
  /** Decimal places kept in path data (default 1). */
  pathDecimals?: number;
}

/** Plot options → the outer HTML of the SVG (or of the figure, when Plot adds a legend). */
export function renderPlotToHtml(
  options: Plot.PlotOptions,
  render: RenderPlotOptions = {},
): string {
  // Plot's default 10-unit text shrinks with the SVG on a phone; 13 units stays readable.
  const node = Plot.plot({
    ...options,
    style: options.style ?? { fontSize: `${CHART_FONT_SIZE}px` },
    document: getServerDocument(),
  });
  const decimals = render.pathDecimals ?? 1;
  const markup = node.outerHTML.replace(
    PATH_DATA,
    (_, data: string) => ` d="${compactPathData(data, decimals)}"`,
  );
  return roundGeometryAttributes(markup, 2);
}

// Rendering the map takes tens of milliseconds of CPU while its inputs change only when data is
// imported, so recent renders are kept, keyed by everything the chart is drawn from.
const RENDER_CACHE_SIZE = 64;
const renderCache = new Map<string, string>();

/**
 * renderPlotToHtml, memoized on `key`, which must identify every input of `build` (data, labels,
 * language). Least recently used entries are evicted.
 */
export function renderPlotToHtmlCached(
  key: string,
  build: () => Plot.PlotOptions,
  render: RenderPlotOptions = {},
): string {
  const cached = renderCache.get(key);
  if (cached !== undefined) {
    renderCache.delete(key);
    renderCache.set(key, cached);
    return cached;
  }
  const html = renderPlotToHtml(build(), render);
  renderCache.set(key, html);
  if (renderCache.size > RENDER_CACHE_SIZE) {
    renderCache.delete(renderCache.keys().next().value!);
  }
  return html;
}
