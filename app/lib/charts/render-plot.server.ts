// Renders Plot options to SVG markup on the server, with linkedom standing in for the browser's
// document, so charts are in the HTML and readable with JavaScript off.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { CHART_FONT_SIZE, CHART_WIDTH, NARROW_CHART_WIDTH } from "./chart-context";

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

export interface RenderedFigure {
  /** SVG (or figure) markup from Plot, safe to inject: built from our own data only. */
  html: string;
  description: string;
}

export interface RenderPlotOptions {
  /** Decimal places kept in path data (default 1). */
  pathDecimals?: number;
  /** Changes the rendered SVG (or figure) before it is serialized, e.g. to add link labels. */
  decorate?: (root: Element) => void;
}

/**
 * Plot names its groups ("x-axis tick", "bar") with aria-label, which ARIA does not allow on an
 * element without a role (axe: aria-prohibited-attr); the figure has its own title and
 * description. A link's name, which Plot puts on the shape inside it, moves to the link itself.
 */
function fixAria(root: Element): void {
  for (const link of root.querySelectorAll("a")) {
    const shape = link.firstElementChild;
    const label = shape?.getAttribute("aria-label");
    if (!shape || !label) continue;
    link.setAttribute("aria-label", label);
    shape.removeAttribute("aria-label");
  }
  for (const element of [root, ...root.querySelectorAll("[aria-label], [aria-description]")]) {
    const tag = element.tagName.toLowerCase();
    if (tag === "svg" || tag === "a") continue;
    element.removeAttribute("aria-label");
    element.removeAttribute("aria-description");
  }
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
  fixAria(node);
  render.decorate?.(node);
  const decimals = render.pathDecimals ?? 1;
  const markup = node.outerHTML.replace(
    PATH_DATA,
    (_, data: string) => ` d="${compactPathData(data, decimals)}"`,
  );
  return roundGeometryAttributes(markup, 2);
}

export const WIDE_VARIANT_CLASS = "chart-variant chart-variant--wide";
export const NARROW_VARIANT_CLASS = "chart-variant chart-variant--narrow";

const ID_ATTRIBUTE = /\sid="([^"]+)"/g;

/**
 * Gives every id in `markup` (and the url(#…) and href="#…" that point at it) a suffix, so the
 * two variants of a chart on one page keep unique ids and each points at its own patterns.
 */
export function suffixIds(markup: string, suffix: string): string {
  const ids = new Set([...markup.matchAll(ID_ATTRIBUTE)].map((match) => match[1]!));
  if (ids.size === 0) return markup;
  return markup.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) =>
    ids.has(id) ? `${lead}${id}${suffix}` : whole,
  );
}

/**
 * The wide and the phone variant of one chart, each in a wrapper that app.css shows at its
 * screen width only (ADR 017): the server cannot know the width, and both small SVGs cost less
 * than a script or a second request.
 */
export function joinChartVariants(wide: string, narrow: string): string {
  return (
    `<div class="${WIDE_VARIANT_CLASS}">${wide}</div>` +
    `<div class="${NARROW_VARIANT_CLASS}">${suffixIds(narrow, "-narrow")}</div>`
  );
}

/**
 * renderPlotToHtmlCached at both widths: `build` lays the chart out for the width it is given
 * (CHART_WIDTH, then NARROW_CHART_WIDTH). Used for every chart whose layout depends on the width;
 * the map scales as a whole and is drawn once.
 */
export function renderResponsivePlotCached(
  key: string,
  build: (width: number) => Plot.PlotOptions,
  render: RenderPlotOptions = {},
): string {
  return joinChartVariants(
    renderPlotToHtmlCached(JSON.stringify([key, CHART_WIDTH]), () => build(CHART_WIDTH), render),
    renderPlotToHtmlCached(
      JSON.stringify([key, NARROW_CHART_WIDTH]),
      () => build(NARROW_CHART_WIDTH),
      render,
    ),
  );
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
