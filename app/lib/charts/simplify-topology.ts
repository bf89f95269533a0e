// Cuts one province's communes out of the national TopoJSON and simplifies their arcs with
// Douglas–Peucker. Simplifying the shared arcs (not each polygon) keeps neighbouring borders
// identical, so no gaps or slivers appear; the tolerance is a fraction of the province's extent,
// i.e. a fraction of a pixel once drawn, which is what keeps the page's map small.
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, GeometryObject, Topology } from "topojson-specification";

export type Position = [number, number];

/** Points of `line` that Douglas–Peucker keeps at `tolerance`; the endpoints always stay. */
export function simplifyLine(line: readonly Position[], tolerance: number): Position[] {
  if (line.length <= 2) return [...line];
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const toleranceSquared = tolerance * tolerance;
  const stack: Array<[number, number]> = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [start, end] = stack.pop()!;
    const [ax, ay] = line[start]!;
    const [bx, by] = line[end]!;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    let farthest = -1;
    let farthestDistance = toleranceSquared;
    for (let index = start + 1; index < end; index += 1) {
      const [px, py] = line[index]!;
      let t = lengthSquared === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
      t = Math.max(0, Math.min(1, t));
      const distance = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      if (distance > farthestDistance) {
        farthestDistance = distance;
        farthest = index;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([start, farthest], [farthest, end]);
    }
  }
  return line.filter((_, index) => keep[index] === 1);
}

/**
 * Like simplifyLine, but a closed ring (an island drawn as one arc) is split at its farthest
 * point first, so it keeps an area instead of collapsing to a line.
 */
export function simplifyArc(arc: readonly Position[], tolerance: number): Position[] {
  const first = arc[0];
  const last = arc[arc.length - 1];
  const closed = arc.length > 3 && first && last && first[0] === last[0] && first[1] === last[1];
  if (!closed) return simplifyLine(arc, tolerance);
  let split = 1;
  let splitDistance = -1;
  arc.forEach(([x, y], index) => {
    const distance = (x - first[0]) ** 2 + (y - first[1]) ** 2;
    if (distance > splitDistance) {
      splitDistance = distance;
      split = index;
    }
  });
  const head = simplifyLine(arc.slice(0, split + 1), tolerance);
  const tail = simplifyLine(arc.slice(split), tolerance);
  const ring = [...head, ...tail.slice(1)];
  // A ring needs three distinct corners; keep the original when simplification went below that.
  return ring.length >= 4 ? ring : [...arc];
}

function collectArcIndexes(arcs: unknown, into: Set<number>): void {
  if (typeof arcs === "number") into.add(arcs < 0 ? ~arcs : arcs);
  else if (Array.isArray(arcs)) for (const item of arcs) collectArcIndexes(item, into);
}

/** Absolute positions of a (possibly delta-encoded, quantized) TopoJSON arc. */
function decodeArc(topology: Topology, arc: ReadonlyArray<readonly number[]>): Position[] {
  const transform = topology.transform;
  if (!transform) return arc.map(([x, y]) => [x!, y!]);
  const [scaleX, scaleY] = transform.scale;
  const [translateX, translateY] = transform.translate;
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx!;
    y += dy!;
    return [x * scaleX + translateX, y * scaleY + translateY];
  });
}

export interface ExtractOptions {
  /** Name of the GeometryCollection in topology.objects. */
  objectName: string;
  /** Keeps a geometry when true (e.g. its province_code matches). */
  keep: (properties: Record<string, unknown>) => boolean;
  /** Douglas–Peucker tolerance as a fraction of the larger side of the kept geometries' extent. */
  toleranceFraction: number;
}

export function extractSimplifiedFeatures<P extends Record<string, unknown>>(
  topology: Topology,
  options: ExtractOptions,
): FeatureCollection<Geometry, P> {
  const object = topology.objects[options.objectName];
  if (!object || object.type !== "GeometryCollection") {
    throw new Error(`TopoJSON object "${options.objectName}" is not a GeometryCollection`);
  }
  const geometries = (object as GeometryCollection).geometries.filter((geometry: GeometryObject) =>
    options.keep((geometry.properties ?? {}) as Record<string, unknown>),
  );
  const used = new Set<number>();
  for (const geometry of geometries) {
    if ("arcs" in geometry) collectArcIndexes(geometry.arcs, used);
  }

  const decoded = new Map<number, Position[]>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const index of used) {
    const arc = decodeArc(topology, topology.arcs[index] ?? []);
    decoded.set(index, arc);
    for (const [x, y] of arc) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  const tolerance = Math.max(maxX - minX, maxY - minY, 0) * options.toleranceFraction;

  // Unused arcs become empty so indexes stay valid without copying the rest of the country.
  const arcs = topology.arcs.map((_, index) => {
    const arc = decoded.get(index);
    return arc ? simplifyArc(arc, tolerance) : [];
  });
  const reduced: Topology = {
    type: "Topology",
    arcs,
    objects: { [options.objectName]: { type: "GeometryCollection", geometries } },
  };
  return feature(reduced, {
    type: "GeometryCollection",
    geometries,
  }) as unknown as FeatureCollection<Geometry, P>;
}
