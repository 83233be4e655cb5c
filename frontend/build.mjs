// Builds the editor bundle into static/vendor/opmaakeditor/ (committed: `make` needs no npm).
// Rebuild: cd frontend && npm ci && npm run build
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";

const doel = path.resolve("../static/vendor/opmaakeditor");
fs.rmSync(doel, { recursive: true, force: true });
fs.mkdirSync(path.join(doel, "licenties"), { recursive: true });

const resultaat = await esbuild.build({
  entryPoints: ["src/editor.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
  metafile: true,
  outfile: path.join(doel, "opmaakeditor.js"),
});

// The packages that went into the bundle, each with its licence file.
const pakketten = new Map();
for (const invoer of Object.keys(resultaat.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(invoer);
  if (m) pakketten.set(m[1], path.join("node_modules", m[1]));
}
const regels = [];
for (const [naam, map] of [...pakketten].sort()) {
  const pkg = JSON.parse(fs.readFileSync(path.join(map, "package.json"), "utf8"));
  const licentie = fs.readdirSync(map).find((f) => /^licen[cs]e/i.test(f));
  if (!licentie) throw new Error(`geen licentiebestand in ${naam}`);
  fs.copyFileSync(path.join(map, licentie), path.join(doel, "licenties", `${naam.replace("/", "__")}.txt`));
  regels.push(`| \`${naam}\` | ${pkg.version} | ${pkg.license} |`);
}

const css = ["node_modules/prosemirror-view/style/prosemirror.css", "node_modules/prosemirror-tables/style/tables.css", "node_modules/prosemirror-gapcursor/style/gapcursor.css"]
  .map((f) => `/* ${f.replace("node_modules/", "")} */\n` + fs.readFileSync(f, "utf8"))
  .join("\n");
fs.writeFileSync(path.join(doel, "opmaakeditor.css"), css);

fs.writeFileSync(
  path.join(doel, "README.md"),
  `# opmaakeditor (gebouwd, niet met de hand wijzigen)\n\nGebouwd door \`frontend/build.mjs\` uit \`frontend/src/\` (zie docs/editor.md).\n` +
    `Pakketten in de bundel, met hun licentie in \`licenties/\`:\n\n| pakket | versie | licentie |\n| --- | --- | --- |\n${regels.join("\n")}\n`,
);
console.log(`opmaakeditor.js: ${fs.statSync(path.join(doel, "opmaakeditor.js")).size} bytes, ${pakketten.size} pakketten`);
