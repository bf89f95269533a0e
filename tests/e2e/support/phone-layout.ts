// What a phone shows of a page (issue 12, item 3): elements that stick out of the viewport
// (outside a region that scrolls on purpose), chart text smaller than 11 px on screen and chart
// text cut off at its SVG's edge. Measured in the browser, on the elements as laid out.
import type { Page } from "playwright-core";

export interface PhoneLayout {
  scrollWidth: number;
  innerWidth: number;
  /** Elements whose right edge passes the viewport, outside any scrolling region. */
  overflowing: string[];
  /** Chart texts drawn smaller than `minPx`, with their size. */
  smallText: string[];
  /** Chart texts that run past the left or right edge of their SVG. */
  cutText: string[];
  /** The smallest on-screen size of a visible chart text, in px. */
  minTextPx: number | null;
}

export async function measurePhoneLayout(page: Page, minPx = 11): Promise<PhoneLayout> {
  return page.evaluate((minimum) => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${
        element.getAttribute("class") ? `.${element.getAttribute("class")!.split(" ")[0]}` : ""
      } "${(element.textContent ?? "").trim().slice(0, 30)}"`;
    const scrollsSideways = (element: Element) => {
      const overflow = getComputedStyle(element).overflowX;
      return (
        (overflow === "auto" || overflow === "scroll") && element.scrollWidth > element.clientWidth
      );
    };
    const insideScroller = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (scrollsSideways(parent)) return true;
      }
      return false;
    };
    const overflowing: string[] = [];
    for (const element of document.body.querySelectorAll("*")) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.right > innerWidth + 1 && !insideScroller(element))
        overflowing.push(describe(element));
    }
    const smallText: string[] = [];
    const cutText: string[] = [];
    let minTextPx: number | null = null;
    for (const text of document.querySelectorAll(".plot-figure__chart svg text")) {
      const svg = (text as SVGTextElement).ownerSVGElement;
      const rect = text.getBoundingClientRect();
      if (!svg || rect.width === 0 || (text.textContent ?? "").trim() === "") continue;
      const scale = svg.getScreenCTM()?.a ?? 1;
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      minTextPx = minTextPx === null ? px : Math.min(minTextPx, px);
      if (px < minimum - 0.05) smallText.push(`${describe(text)} ${px.toFixed(1)} px`);
      const frame = svg.getBoundingClientRect();
      if (rect.left < frame.left - 1 || rect.right > frame.right + 1) cutText.push(describe(text));
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      overflowing: overflowing.slice(0, 8),
      smallText: smallText.slice(0, 8),
      cutText: cutText.slice(0, 8),
      minTextPx,
    };
  }, minPx);
}

/** Whether every headline figure (value and change of each KPI tile) is on the first screen. */
export async function kpisBelowFirstScreen(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".kpi__value, .kpi__change")]
      .filter((element) => element.getBoundingClientRect().bottom > innerHeight)
      .map((element) => (element.textContent ?? "").trim()),
  );
}
