// The signed-in viewer and the demo flag as the root loader put them in its data, for components
// (header, nav). Display only: every loader and action still checks on the server.
import { useRouteLoaderData } from "@remix-run/react";
import { canOpenPage, type Viewer } from "./policy";

export interface RootAuthData {
  viewer: Viewer | null;
  demoMode: boolean;
}

function useRootAuth(): RootAuthData {
  const data = useRouteLoaderData("root") as Partial<RootAuthData> | undefined;
  return { viewer: data?.viewer ?? null, demoMode: data?.demoMode ?? false };
}

export function useOptionalViewer(): Viewer | null {
  return useRootAuth().viewer;
}

export function useDemoMode(): boolean {
  return useRootAuth().demoMode;
}

/**
 * Whether the signed-in viewer may open a page: links are drawn only where this says yes (plain
 * text otherwise), so no page links to a 403. Nobody signed in opens nothing.
 */
export function useCanOpen(): (path: string) => boolean {
  const viewer = useOptionalViewer();
  return (path) => viewer !== null && canOpenPage(viewer, path);
}
