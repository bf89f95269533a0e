// Projects lon/lat boundaries once into the map's pixel space (spherical Mercator, fitted to a
// width), so each page render draws them with Plot's "identity" projection: three times faster
// than projecting on every request, and the numbers are already rounded for the SVG.
import type { FeatureCollection, Geometry, Position } from "geojson";

export interface ProjectedShapes<P> {
  shapes: FeatureCollection<Geometry, P>;
  width: number;
  height: number;
}

type Coordinates = Position | Coordinates[];

function mapPositions(
  coordinates: Coordinates,
  project: (position: Position) => Position,
): Coordinates {
  return typeof coordinates[0] === "number"
    ? project(coordinates as Position)
    : (coordinates as Coordinates[]).map((inner) => mapPositions(inner, project));
}

function geometryCoordinates(geometry: Geometry): Coordinates[] {
  if (geometry.type === "GeometryCollection")
    return geometry.geometries.flatMap(geometryCoordinates);
  return [geometry.coordinates as Coordinates];
}

function mapGeometry(geometry: Geometry, project: (position: Position) => Position): Geometry {
  if (geometry.type === "GeometryCollection") {
    return { ...geometry, geometries: geometry.geometries.map((g) => mapGeometry(g, project)) };
  }
  return {
    ...geometry,
    coordinates: mapPositions(geometry.coordinates as Coordinates, project),
  } as Geometry;
}

function mercator([lon, lat]: Position): [number, number] {
  const radians = Math.PI / 180;
  return [lon! * radians, -Math.log(Math.tan(Math.PI / 4 + (lat! * radians) / 2))];
}

/**
 * Fits `collection` into `width` px (minus `inset` on each side), north up; the height follows
 * from the shape. Coordinates are rounded to `decimals` places.
 */
export function projectToPixels<P>(
  collection: FeatureCollection<Geometry, P>,
  { width, inset = 4, decimals = 1 }: { width: number; inset?: number; decimals?: number },
): ProjectedShapes<P> {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const measure = (position: Position): Position => {
    const [x, y] = mercator(position);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    return position;
  };
  for (const feature of collection.features) {
    for (const coordinates of geometryCoordinates(feature.geometry))
      mapPositions(coordinates, measure);
  }
  if (!Number.isFinite(minX)) return { shapes: collection, width, height: 2 * inset };
  const scale = (width - 2 * inset) / Math.max(maxX - minX, Number.EPSILON);
  const factor = 10 ** decimals;
  const round = (value: number) => Math.round(value * factor) / factor;
  const project = (position: Position): Position => {
    const [x, y] = mercator(position);
    return [round((x - minX) * scale + inset), round((y - minY) * scale + inset)];
  };
  return {
    shapes: {
      ...collection,
      features: collection.features.map((feature) => ({
        ...feature,
        geometry: mapGeometry(feature.geometry, project),
      })),
    },
    width,
    height: Math.ceil((maxY - minY) * scale + 2 * inset),
  };
}
