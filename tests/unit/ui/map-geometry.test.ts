import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { getCommuneBoundaries } from "~/lib/charts/commune-boundaries.server";
import { buildCommuneChoroplethPlot } from "~/lib/charts/commune-choropleth";
import { projectToPixels } from "~/lib/charts/project-mercator";
import {
  compactPathData,
  renderPlotToHtml,
  roundGeometryAttributes,
} from "~/lib/charts/render-plot.server";
import { simplifyArc, simplifyLine, type Position } from "~/lib/charts/simplify-topology";
import { getI18n } from "~/lib/i18n/use-i18n";

/** Absolute points of an M/L/Z path (absolute or relative), one array per subpath. */
function pathPoints(data: string): Position[][] {
  const tokens = data.match(/[a-z]|-?(?:\d+\.?\d*|\.\d+)/gi) ?? [];
  const subpaths: Position[][] = [];
  let command = "";
  let x = 0;
  let y = 0;
  let start: Position = [0, 0];
  let pending: number[] = [];
  for (const token of tokens) {
    if (/[a-z]/i.test(token)) {
      command = token;
      if (token === "z" || token === "Z") [x, y] = start;
      continue;
    }
    pending.push(Number(token));
    if (pending.length < 2) continue;
    const [a, b] = pending as [number, number];
    pending = [];
    const relative = command === command.toLowerCase();
    x = Math.round(((relative ? x : 0) + a) * 10) / 10;
    y = Math.round(((relative ? y : 0) + b) * 10) / 10;
    if (command === "m" || command === "M") {
      start = [x, y];
      subpaths.push([[x, y]]);
      command = relative ? "l" : "L";
    } else {
      subpaths[subpaths.length - 1]!.push([x, y]);
    }
  }
  return subpaths;
}

describe("compactPathData", () => {
  it("rewrites absolute paths as shorter relative ones through the same rounded points", () => {
    const data = "M10.04,20.06L15.5,20.06L15.52,20.04L15.5,25Z M30,30L31.25,29.75L30,30Z";
    const compact = compactPathData(data, 1);
    expect(compact.length).toBeLessThan(data.length);
    // After a move, further pairs are implicit relative line-tos; after "z" the pen is back
    // at the subpath's start, so the second move is relative to (10, 20.1).
    expect(compact).toBe("m10,20.1,5.5,0,0-.1,0,5zm20,9.9,1.3-.2-1.3,.2z");
    expect(pathPoints(compact)).toEqual([
      [
        [10, 20.1],
        [15.5, 20.1],
        [15.5, 20],
        [15.5, 25],
      ],
      [
        [30, 30],
        [31.3, 29.8],
        [30, 30],
      ],
    ]);
  });

  it("drops segments that round to nothing", () => {
    expect(compactPathData("M0,0L0.01,0.02L5,5", 1)).toBe("m0,0,5,5");
  });

  it("only rounds paths that use other commands", () => {
    expect(compactPathData("M0,0C1.234,2.345,3.456,4.567,5,6", 1)).toBe("M0,0C1.2,2.3,3.5,4.6,5,6");
  });
});

describe("roundGeometryAttributes", () => {
  it("rounds float noise in positions but never touches text", () => {
    expect(
      roundGeometryAttributes(
        '<text transform="translate(56,167.20000000000002)" y="0.32em" x="12.3456">2.000</text>',
        2,
      ),
    ).toBe('<text transform="translate(56,167.2)" y="0.32em" x="12.35">2.000</text>');
  });
});

describe("simplification", () => {
  it("keeps the endpoints and drops points closer to the line than the tolerance", () => {
    const line: Position[] = [
      [0, 0],
      [1, 0.55], // 0.045 off the line from (0, 0) to (2, 1)
      [2, 1],
      [3, 0],
    ];
    expect(simplifyLine(line, 0.1)).toEqual([
      [0, 0],
      [2, 1],
      [3, 0],
    ]);
    expect(simplifyLine(line, 0.01)).toEqual(line);
  });

  it("keeps an island drawn as one closed arc a polygon", () => {
    const ring: Position[] = [
      [0, 0],
      [1, 0],
      [2, 0.01],
      [2, 1],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const simplified = simplifyArc(ring, 0.1);
    expect(simplified[0]).toEqual(simplified[simplified.length - 1]);
    expect(simplified.length).toBeGreaterThanOrEqual(4);
    expect(simplified.length).toBeLessThan(ring.length);
  });
});

describe("projectToPixels", () => {
  it("fits the shapes into the width with north up", () => {
    const projected = projectToPixels(
      {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: {},
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [107, 11],
                  [108, 11],
                  [108, 12],
                  [107, 11],
                ],
              ],
            },
          },
        ],
      },
      { width: 104, inset: 2 },
    );
    const ring = (projected.shapes.features[0]!.geometry as { coordinates: number[][][] })
      .coordinates[0]!;
    // South-west corner at the bottom left, within the inset.
    expect(ring[0]![0]).toBe(2);
    expect(ring[0]![1]).toBeGreaterThan(projected.height - 3);
    expect(ring[0]![1]).toBeLessThanOrEqual(projected.height - 2);
    expect(ring[1]![0]).toBe(102);
    expect(ring[2]![1]).toBe(2); // north at the top
    expect(projected.height).toBeGreaterThan(100); // Mercator stretches latitude a little
  });
});

describe("Lâm Đồng boundaries", () => {
  it("has all 124 communes, and the rendered map stays small", () => {
    const boundaries = getCommuneBoundaries("68");
    expect(boundaries.shapes.features).toHaveLength(124);
    expect(new Set(boundaries.shapes.features.map((f) => f.properties.code)).size).toBe(124);
    const communes = boundaries.shapes.features.map((feature, index) => ({
      code: feature.properties.code,
      name: String(feature.properties.full_name),
      value: index / 124,
    }));
    const html = renderPlotToHtml(
      buildCommuneChoroplethPlot(boundaries, communes, "online_uptake", getI18n("vi")),
    );
    expect(html.match(/<path /g)?.length).toBeGreaterThanOrEqual(124);
    // The raw full-precision map is ~700 KB; the page budget is 200 KB compressed in total.
    expect(gzipSync(html).length).toBeLessThan(40_000);
  });
});
