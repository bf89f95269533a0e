// Commune boundaries of one province, read once from the shipped national TopoJSON, simplified,
// projected to the map's pixel space and kept in memory: parsing 3.5 MB and projecting some
// 10,000 points on every request would cost more than the whole overview query.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Topology } from "topojson-specification";
import {
  MAP_WIDTH,
  type CommuneShapeProperties,
  type ProjectedCommuneShapes,
} from "./commune-choropleth";
import { projectToPixels } from "./project-mercator";
import { extractSimplifiedFeatures } from "./simplify-topology";

export const COMMUNE_TOPOJSON_PATH = "sql/reference/vn_communes_2025.topojson";

// One pixel on a map some 750 px tall, the usual tolerance for drawing on screen: borders stay
// where they are to the pixel, and the map keeps ~5,100 of the original vertices. Half a pixel
// kept 9,300, and the map's path data was then two thirds of the overview's compressed bytes.
const TOLERANCE_FRACTION = 1 / 750;

const byProvince = new Map<string, ProjectedCommuneShapes>();

// Not cached: only the extracted province is kept, so the national file is freed after use.
function readTopology(): Topology {
  return JSON.parse(
    readFileSync(path.resolve(process.cwd(), COMMUNE_TOPOJSON_PATH), "utf8"),
  ) as Topology;
}

export function getCommuneBoundaries(provinceCode: string): ProjectedCommuneShapes {
  let boundaries = byProvince.get(provinceCode);
  if (!boundaries) {
    const lonLat = extractSimplifiedFeatures<CommuneShapeProperties>(readTopology(), {
      objectName: "communes",
      keep: (properties) => properties.province_code === provinceCode,
      toleranceFraction: TOLERANCE_FRACTION,
    });
    boundaries = projectToPixels(lonLat, { width: MAP_WIDTH });
    byProvince.set(provinceCode, boundaries);
  }
  return boundaries;
}
