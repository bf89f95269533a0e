// Module hook for child processes that load app modules under plain tsx: a stylesheet import
// (root.tsx imports app/styles/app.css for its URL) resolves to a URL string, as the Remix
// compiler makes it.
export async function load(url, context, nextLoad) {
  if (url.endsWith(".css"))
    return { format: "module", source: 'export default "/build/app.css";', shortCircuit: true };
  return nextLoad(url, context);
}
