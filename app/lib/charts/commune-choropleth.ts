// Choropleth: one metric per commune on the province map. Five quantized classes of blue
// (CHOROPLETH_COLORS); communes without a value
// are hatched grey, communes outside the filter plain light grey, and each says so in its title.
// Each commune the viewer may open is a link to its page, named for screen readers (aria-label)
// and, once focused, on the map itself; the viewer's own commune is outlined, the largest units
// are named, and island special zones (Phú Quý) get an enlarged inset so a phone shows them.
import * as Plot from "@observablehq/plot";
import type { Feature, Geometry } from "geojson";
import type { MapMetric } from "~/lib/filters/filter-options";
import { formatMetric, METRICS } from "~/lib/metrics/registry";
import { LEGEND_STYLE, type ChartContext } from "./chart-context";
import type { ProjectedShapes } from "./project-mercator";

export interface ChoroplethCommune {
  code: string;
  name: string;
  value: number | null;
}

export interface CommuneShapeProperties extends Record<string, unknown> {
  code: string;
  full_name?: string;
  /** Short name without the unit type ("Mũi Né"), drawn on the map. */
  name?: string;
  unit_type?: string;
  area_km2?: number;
}

/** What the map links to and outlines for the viewer (absent: plain shapes, nothing outlined). */
export interface ChoroplethLinks {
  /** The page of a commune the viewer may open, or null to draw it as a plain shape. */
  hrefOf: (code: string) => string | null;
  /** The viewer's own communes (a secretary's), outlined. */
  ownCodes: readonly string[];
}

/** How many of the largest units are named on the map. */
export const NAMED_UNITS = 6;
/** Map labels in SVG units: the map is drawn once and shrinks to ~0.64 on a phone (≥ 11 px). */
export const MAP_LABEL_SIZE = 18;
export const OWN_OUTLINE_COLOR = "#b45309";
export const FOCUS_NAME_CLASS = "map-focus-name";
// The inset draws an island this many times larger, in a box of the map's top-right corner.
const INSET_SCALE = 4;

/** Boundaries already projected to pixels (see project-mercator.ts), drawn as they are. */
export type ProjectedCommuneShapes = ProjectedShapes<CommuneShapeProperties>;

export const MAP_WIDTH = 560;
/**
 * Five classes of ColorBrewer Blues (single hue, readable with any colour-vision deficiency),
 * starting at its fourth step so the lightest class stays visibly blue on the white page and
 * apart from the grey of "outside the filter" and "no value".
 */
export const CHOROPLETH_COLORS = ["#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"] as const;
export const NO_VALUE_PATTERN_ID = "cns-no-value-hatch";
export const NO_VALUE_FILL = `url(#${NO_VALUE_PATTERN_ID})`;
export const FILTERED_OUT_FILL = "#e8eaed";
export const BORDER_COLOR = "#6b7280";

type ShapeFeature = Feature<Geometry, CommuneShapeProperties>;
type Ring = number[][];

/** The outer rings of a (multi)polygon, already in pixels. */
function outerRings(geometry: Geometry): Ring[] {
  if (geometry.type === "Polygon") return geometry.coordinates.slice(0, 1);
  if (geometry.type === "MultiPolygon") return geometry.coordinates.map((polygon) => polygon[0]!);
  return [];
}

/** Area and centroid of a ring (shoelace), in pixels. */
function ringStats(ring: Ring): { area: number; x: number; y: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let index = 0; index < ring.length - 1; index += 1) {
    const [x0, y0] = ring[index] as [number, number];
    const [x1, y1] = ring[index + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twiceArea === 0) {
    const [x, y] = (ring[0] ?? [0, 0]) as [number, number];
    return { area: 0, x, y };
  }
  return { area: Math.abs(twiceArea / 2), x: cx / (3 * twiceArea), y: cy / (3 * twiceArea) };
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** The rings of SVG path data made of M/L/Z commands with absolute coordinates. */
function pathRings(data: string): Ring[] {
  return data
    .split(/[Mm]/)
    .map((part) =>
      (part.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi) ?? [])
        .map(Number)
        .reduce<number[][]>((points, value, index) => {
          if (index % 2 === 0) points.push([value]);
          else points[points.length - 1]!.push(value);
          return points;
        }, []),
    )
    .filter((ring) => ring.length > 2);
}

/**
 * Adds to each commune link of the rendered map its name, drawn at the shape's centre and shown
 * only while the link has focus (app.css): a keyboard or a tap on a phone shows which commune it
 * is, where a hover title cannot.
 */
export function addFocusNames(root: Element): void {
  for (const link of root.querySelectorAll("a[aria-label]")) {
    const shape = link.querySelector("path");
    const data = shape?.getAttribute("d");
    const label = link.getAttribute("aria-label");
    if (!data || !label) continue;
    const largest = pathRings(data)
      .map(ringStats)
      .reduce((best, ring) => (ring.area > best.area ? ring : best), { area: -1, x: 0, y: 0 });
    const text = link.ownerDocument.createElementNS(SVG_NS, "text");
    text.setAttribute("class", FOCUS_NAME_CLASS);
    text.setAttribute("x", String(Math.round(largest.x)));
    text.setAttribute("y", String(Math.round(largest.y)));
    text.setAttribute("aria-hidden", "true");
    // The name without the value after the colon: the value is in the link's label and title.
    text.textContent = label.split(":")[0]!;
    link.append(text);
  }
}

/** Where a commune's name goes: the centroid of its largest part. */
export function labelPoint(geometry: Geometry): { x: number; y: number } {
  const stats = outerRings(geometry).map(ringStats);
  const largest = stats.reduce((best, ring) => (ring.area > best.area ? ring : best), {
    area: -1,
    x: 0,
    y: 0,
  });
  return { x: largest.x, y: largest.y };
}

function boundsOf(geometry: Geometry): [number, number, number, number] {
  const points = outerRings(geometry).flat();
  const xs = points.map((point) => point[0]!);
  const ys = points.map((point) => point[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function scaleGeometry(geometry: Geometry, scale: (point: number[]) => number[]): Geometry {
  if (geometry.type === "Polygon")
    return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(scale)) };
  if (geometry.type === "MultiPolygon")
    return {
      ...geometry,
      coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(scale))),
    };
  return geometry;
}

interface Inset {
  feature: ShapeFeature;
  /** The frame of the inset, in map pixels. */
  frame: { x1: number; y1: number; x2: number; y2: number };
}

/**
 * An enlarged copy of each island special zone (đặc khu), drawn in the map's top-right corner
 * with a frame: at its true size Phú Quý is a few pixels on a phone.
 */
function nameOnMap(feature: ShapeFeature): string {
  return String(feature.properties.name ?? feature.properties.full_name ?? feature.properties.code);
}

/** About how wide a map label is drawn (Vietnamese text averages ~0.6 em a character). */
function textWidth(text: string): number {
  return text.length * MAP_LABEL_SIZE * 0.6;
}

function islandInsets(features: readonly ShapeFeature[], width: number): Inset[] {
  const islands = features.filter((feature) => feature.properties.unit_type === "dac_khu");
  let top = 8;
  return islands.flatMap((feature) => {
    const [x0, y0, x1, y1] = boundsOf(feature.geometry);
    if (!Number.isFinite(x0)) return [];
    const shapeWidth = (x1 - x0) * INSET_SCALE;
    const boxWidth = Math.max(shapeWidth, textWidth(nameOnMap(feature))) + 16;
    const boxHeight = (y1 - y0) * INSET_SCALE + 16 + MAP_LABEL_SIZE + 4;
    const frame = { x1: width - 8 - boxWidth, y1: top, x2: width - 8, y2: top + boxHeight };
    top += boxHeight + 8;
    const scale = (point: number[]) => [
      frame.x1 + (boxWidth - shapeWidth) / 2 + (point[0]! - x0) * INSET_SCALE,
      frame.y1 + 8 + MAP_LABEL_SIZE + 4 + (point[1]! - y0) * INSET_SCALE,
    ];
    return [{ feature: { ...feature, geometry: scaleGeometry(feature.geometry, scale) }, frame }];
  });
}

interface MapDatum {
  feature: ShapeFeature;
  commune: ChoroplethCommune | undefined;
}

/** A Plot render-function mark that only adds the hatch pattern the no-value fill refers to. */
function hatchPatternMark(
  _index: number[],
  _scales: unknown,
  _values: unknown,
  _dimensions: unknown,
  context: { document: Document },
): SVGElement {
  const svgNs = "http://www.w3.org/2000/svg";
  const doc = context.document;
  const defs = doc.createElementNS(svgNs, "defs");
  const pattern = doc.createElementNS(svgNs, "pattern");
  pattern.setAttribute("id", NO_VALUE_PATTERN_ID);
  pattern.setAttribute("patternUnits", "userSpaceOnUse");
  pattern.setAttribute("width", "6");
  pattern.setAttribute("height", "6");
  pattern.setAttribute("patternTransform", "rotate(45)");
  const background = doc.createElementNS(svgNs, "rect");
  background.setAttribute("width", "6");
  background.setAttribute("height", "6");
  background.setAttribute("fill", "#f3f4f6");
  const stripe = doc.createElementNS(svgNs, "line");
  stripe.setAttribute("x1", "0");
  stripe.setAttribute("y1", "0");
  stripe.setAttribute("x2", "0");
  stripe.setAttribute("y2", "6");
  stripe.setAttribute("stroke", "#6b7280");
  stripe.setAttribute("stroke-width", "2");
  pattern.append(background, stripe);
  defs.append(pattern);
  return defs as unknown as SVGElement;
}

/**
 * `communes` are the units in the filter, with their value (null = not computable). Shapes of
 * the province with no entry in `communes` are drawn as "outside the filter".
 */
export function buildCommuneChoroplethPlot(
  { shapes, width, height }: ProjectedCommuneShapes,
  communes: readonly ChoroplethCommune[],
  metric: MapMetric,
  { t, fmt }: ChartContext,
  links: ChoroplethLinks | null = null,
): Plot.PlotOptions {
  const byCode = new Map(communes.map((commune) => [commune.code, commune]));
  const insets = islandInsets(shapes.features, width);
  const data: MapDatum[] = [...shapes.features, ...insets.map((inset) => inset.feature)].map(
    (feature) => ({ feature, commune: byCode.get(feature.properties.code) }),
  );
  const withValue = data.filter((datum) => datum.commune && datum.commune.value !== null);
  const withoutValue = data.filter((datum) => datum.commune && datum.commune.value === null);
  const outside = data.filter((datum) => !datum.commune);
  // Quantize needs two distinct values to cut classes from; one unit (the đặc khu) or equal values
  // gave Plot a zero-width domain and a 500. Then the classes span zero to that value.
  const values = withValue.map((datum) => datum.commune!.value!);
  const single = values.length > 0 && Math.min(...values) === Math.max(...values);
  const only = values[0] ?? 0;
  const nameOf = (datum: MapDatum) =>
    datum.commune?.name ??
    String(datum.feature.properties.full_name ?? datum.feature.properties.code);
  const geometry = (datum: MapDatum) => datum.feature.geometry;
  const border = { stroke: BORDER_COLOR, strokeWidth: 0.4 };
  // A link (with its name for screen readers) where the viewer may open the commune's page.
  const linked = (title: (datum: MapDatum) => string) => ({
    title,
    ...(links
      ? {
          href: (datum: MapDatum) => links.hrefOf(datum.feature.properties.code),
          // Named for screen readers where it is a link; a plain shape stays part of the figure.
          ariaLabel: (datum: MapDatum) =>
            links.hrefOf(datum.feature.properties.code) === null ? null : title(datum),
        }
      : {}),
  });
  const own = links
    ? data.filter((datum) => links.ownCodes.includes(datum.feature.properties.code))
    : [];
  const named = [...shapes.features]
    .sort((a, b) => Number(b.properties.area_km2 ?? 0) - Number(a.properties.area_km2 ?? 0))
    .slice(0, NAMED_UNITS);
  const nameLabel = nameOnMap;
  // A name centred on a unit at the map's edge would run off it: keep the whole text inside.
  const labelX = (feature: ShapeFeature) => {
    const half = textWidth(nameLabel(feature)) / 2;
    return Math.min(Math.max(labelPoint(feature.geometry).x, half + 2), width - half - 2);
  };
  const labelText = {
    fontSize: MAP_LABEL_SIZE,
    fill: "#111827",
    stroke: "white",
    strokeWidth: 3,
    paintOrder: "stroke",
    pointerEvents: "none",
  } as const;

  return {
    width,
    height,
    margin: 0,
    ariaLabel: t(METRICS[metric].name),
    projection: "identity",
    color:
      withValue.length > 0
        ? {
            type: "quantize",
            n: 5,
            ...(single
              ? { domain: only === 0 ? [0, 1] : [Math.min(0, only), Math.max(0, only)] }
              : {}),
            range: [...CHOROPLETH_COLORS],
            legend: true,
            ...LEGEND_STYLE,
            label: t(METRICS[metric].name),
            tickFormat: (value: number) => formatMetric(metric, value, fmt),
          }
        : undefined,
    marks: [
      hatchPatternMark,
      ...insets.map((inset) =>
        Plot.rect([inset.frame], {
          x1: "x1",
          y1: "y1",
          x2: "x2",
          y2: "y2",
          fill: "white",
          stroke: BORDER_COLOR,
          strokeDasharray: "4 3",
        }),
      ),
      Plot.geo(withValue, {
        geometry,
        fill: (datum: MapDatum) => datum.commune!.value,
        ...border,
        ...linked(
          (datum: MapDatum) =>
            `${nameOf(datum)}: ${formatMetric(metric, datum.commune!.value, fmt)}`,
        ),
      }),
      Plot.geo(withoutValue, {
        geometry,
        fill: NO_VALUE_FILL,
        ...border,
        ...linked((datum: MapDatum) => t("chart.map.noValueTooltip", { name: nameOf(datum) })),
      }),
      Plot.geo(outside, {
        geometry,
        fill: FILTERED_OUT_FILL,
        ...border,
        ...linked((datum: MapDatum) => `${nameOf(datum)} (${t("chart.map.legendFilteredOut")})`),
      }),
      Plot.geo(own, {
        geometry,
        fill: "none",
        stroke: OWN_OUTLINE_COLOR,
        strokeWidth: 3,
        pointerEvents: "none",
      }),
      Plot.text(named, {
        x: labelX,
        y: (feature: ShapeFeature) => labelPoint(feature.geometry).y,
        text: nameLabel,
        ...labelText,
      }),
      ...insets.map((inset) =>
        Plot.text([inset.frame], {
          x: (frame: Inset["frame"]) => (frame.x1 + frame.x2) / 2,
          y: (frame: Inset["frame"]) => frame.y1 + 4,
          text: () => nameLabel(inset.feature),
          lineAnchor: "top",
          ...labelText,
        }),
      ),
    ],
  };
}

/** The highest and lowest commune and how many have no value. */
export function describeCommuneChoropleth(
  communes: readonly ChoroplethCommune[],
  metric: MapMetric,
  { t, fmt }: ChartContext,
): string {
  const valued = communes.filter(
    (commune): commune is ChoroplethCommune & { value: number } => commune.value !== null,
  );
  const missing = communes.length - valued.length;
  const missingSentence = missing > 0 ? ` ${t("chart.map.missingCount", { count: missing })}` : "";
  const first = valued[0];
  if (!first) return t("chart.map.noValues");
  // Ties go to the earlier entry; callers pass communes already in ranking order.
  const highest = valued.reduce(
    (best, commune) => (commune.value > best.value ? commune : best),
    first,
  );
  const lowest = valued.reduce(
    (worst, commune) => (commune.value < worst.value ? commune : worst),
    first,
  );
  return (
    t("chart.map.description", {
      maxName: highest.name,
      maxValue: formatMetric(metric, highest.value, fmt),
      minName: lowest.name,
      minValue: formatMetric(metric, lowest.value, fmt),
    }) + missingSentence
  );
}
