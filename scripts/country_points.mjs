// Prints one representative point per country of a world-atlas TopoJSON file: the spherical
// centroid of the country's largest polygon, so France is placed in Europe and not in the
// Atlantic between Paris and French Guiana. Used for country-level geocoding answers.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(process.cwd() + "/");
const topojson = require("topojson-client");
const d3 = await import(process.cwd() + "/node_modules/d3-geo/src/index.js");

const topo = JSON.parse(readFileSync(process.argv[2], "utf8"));
const countries = topojson.feature(topo, topo.objects.countries).features;
console.log("isonumeric,name,lat,lon");
for (const f of countries) {
  if (!f.id || !f.geometry) continue;
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = null, bestArea = -1;
  for (const p of polys) {
    const g = { type: "Polygon", coordinates: p };
    const a = d3.geoArea(g);
    if (a > bestArea) { bestArea = a; best = g; }
  }
  const [lon, lat] = d3.geoCentroid(best);
  const name = f.properties.name.includes(",") ? `"${f.properties.name}"` : f.properties.name;
  console.log(`${Number(f.id)},${name},${lat.toFixed(4)},${lon.toFixed(4)}`);
}
