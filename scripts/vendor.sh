#!/usr/bin/env bash
# Refreshes the vendored map assets from the npm registry. The results are committed, so
# `make run` and `make test` never need npm; run this only to upgrade a pinned version.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund \
  leaflet@1.9.4 leaflet-ant-path@1.3.0 leaflet.markercluster@1.5.3 leaflet-gesture-handling@1.2.2 \
  topojson-client@3.1.0 \
  world-atlas@2.0.2 d3-geo@3.1.1
out="$here/itinerary/render/static/vendor"
rm -rf "$out" && mkdir -p "$out"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$out/"
cp -r node_modules/leaflet/dist/images "$out/images"
cp node_modules/leaflet-ant-path/dist/leaflet-ant-path.js "$out/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
  node_modules/leaflet.markercluster/dist/MarkerCluster.css \
  node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css "$out/"
cp node_modules/leaflet.markercluster/MIT-LICENCE.txt "$out/LICENSE.markercluster"
cp node_modules/leaflet-gesture-handling/dist/leaflet-gesture-handling.min.js \
  node_modules/leaflet-gesture-handling/dist/leaflet-gesture-handling.min.css "$out/"
cp node_modules/leaflet-gesture-handling/LICENSE "$out/LICENSE.gesture-handling"
cp node_modules/topojson-client/dist/topojson-client.min.js "$out/"
cp node_modules/world-atlas/countries-50m.json node_modules/world-atlas/countries-110m.json "$out/"
cp node_modules/leaflet/LICENSE "$out/LICENSE.leaflet"
cp node_modules/world-atlas/LICENSE "$out/LICENSE.world-atlas"
# Rings across the antimeridian made continuous by the route's rule, once, here.
python3 "$here/scripts/outlines.py"
node "$here/scripts/country_points.mjs" node_modules/world-atlas/countries-50m.json \
  > "$here/itinerary/data/country_points.csv"
