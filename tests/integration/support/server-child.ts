// A true server process for the operations tests, without `remix build`: the stylesheet hook
// first, then the server (server-main.ts), since static imports would load root.tsx before it.
import { register } from "node:module";

register("./css-loader.mjs", import.meta.url);
await import("./server-main");
