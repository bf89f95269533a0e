// Imported first by scripts/start.ts, before any module that could load React. React (and other
// libraries) pick their production or development build from process.env.NODE_ENV when they are
// first loaded, and `npm start` used to leave it unset: the server then rendered every page with
// React's development build, about twice the CPU per page. `--dev` (npm run dev) keeps development.
process.env.NODE_ENV ??= process.argv.includes("--dev") ? "development" : "production";
