#!/usr/bin/env bash
# Install the web UI's front-end assets from the npm registry into
# src/eventwire/web/vendor/ (gitignored).  Run at setup time; the UI never loads
# anything from a CDN at run time.  Pinned versions and their licences:
#   leaflet 1.9.4                 BSD-2-Clause  (map)
#   leaflet.markercluster 1.5.3   MIT           (clustering of dense points)
#   topojson-client 3.1.0         ISC           (TopoJSON -> GeoJSON in the browser)
#   world-atlas 2.0.2             ISC; data from Natural Earth (public domain): country outlines
#   swagger-ui-dist 5.17.14       Apache-2.0    (the API docs at /docs)
# Without npm the UI still works, with a plain point map and no country outlines.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/eventwire/web/vendor
# --browser: also install Debian's Chromium for the browser tests (tests/test_web.py);
# never `playwright install`, which downloads a browser from outside the registries.
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
      || echo "ui-assets: could not install chromium; browser tests will be skipped" >&2
  else
    echo "ui-assets: /usr/bin/chromium missing (needs root and apt-get); browser tests will be skipped" >&2
  fi
fi
if [ -f "$DEST/.complete" ]; then exit 0; fi
if ! command -v npm >/dev/null 2>&1; then
  echo "ui-assets: npm not found; the web UI map will run without Leaflet and country outlines" >&2
  exit 0
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
( cd "$WORK" && npm init -y >/dev/null 2>&1 \
  && npm install --no-audit --no-fund --silent --ignore-scripts \
       leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2 swagger-ui-dist@5.17.14 >/dev/null )
M="$WORK/node_modules"
mkdir -p "$DEST/leaflet/images"
cp "$M/leaflet/dist/leaflet.js" "$M/leaflet/dist/leaflet.css" "$M/leaflet/LICENSE" "$DEST/leaflet/"
cp "$M/leaflet/dist/images/"*.png "$DEST/leaflet/images/"
mkdir -p "$DEST/markercluster"
cp "$M/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$M/leaflet.markercluster/dist/MarkerCluster.css" \
   "$M/leaflet.markercluster/dist/MarkerCluster.Default.css" \
   "$M/leaflet.markercluster/MIT-LICENCE.txt" "$DEST/markercluster/" 2>/dev/null \
 || cp "$M/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$M/leaflet.markercluster/dist/MarkerCluster.css" \
   "$M/leaflet.markercluster/dist/MarkerCluster.Default.css" "$DEST/markercluster/"
mkdir -p "$DEST/topojson" "$DEST/world-atlas"
cp "$M/topojson-client/dist/topojson-client.min.js" "$M/topojson-client/LICENSE" "$DEST/topojson/"
cp "$M/world-atlas/countries-110m.json" "$M/world-atlas/LICENSE" "$DEST/world-atlas/"
mkdir -p "$DEST/swagger-ui"
cp "$M/swagger-ui-dist/swagger-ui-bundle.js" "$M/swagger-ui-dist/swagger-ui.css" "$M/swagger-ui-dist/LICENSE" "$DEST/swagger-ui/"
touch "$DEST/.complete"
echo "ui-assets: installed into $DEST" >&2
