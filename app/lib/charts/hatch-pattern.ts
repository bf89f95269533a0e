// Diagonal hatching as an SVG pattern, added to a Plot figure by a render-function mark: the map
// hatches communes without a value, the monthly bars hatch months that are not complete. Hatching
// says "not like the others" without relying on colour alone.
import type * as Plot from "@observablehq/plot";

export interface HatchPattern {
  id: string;
  background: string;
  stripe: string;
}

/** The fill that refers to `pattern`. */
export function hatchFill(pattern: HatchPattern): string {
  return `url(#${pattern.id})`;
}

/** A Plot mark that draws nothing but the pattern's definition. */
export function hatchPatternMark(pattern: HatchPattern): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const svgNs = "http://www.w3.org/2000/svg";
    const doc = context.document;
    const defs = doc.createElementNS(svgNs, "defs");
    const node = doc.createElementNS(svgNs, "pattern");
    node.setAttribute("id", pattern.id);
    node.setAttribute("patternUnits", "userSpaceOnUse");
    node.setAttribute("width", "6");
    node.setAttribute("height", "6");
    node.setAttribute("patternTransform", "rotate(45)");
    const background = doc.createElementNS(svgNs, "rect");
    background.setAttribute("width", "6");
    background.setAttribute("height", "6");
    background.setAttribute("fill", pattern.background);
    const stripe = doc.createElementNS(svgNs, "line");
    stripe.setAttribute("x1", "0");
    stripe.setAttribute("y1", "0");
    stripe.setAttribute("x2", "0");
    stripe.setAttribute("y2", "6");
    stripe.setAttribute("stroke", pattern.stripe);
    stripe.setAttribute("stroke-width", "2");
    node.append(background, stripe);
    defs.append(node);
    return defs;
  };
}
