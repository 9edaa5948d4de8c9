#!/usr/bin/env bash
# Lighthouse on the storefront as the gateway serves it (./run.sh in another terminal):
# the home page, a category page and a product page, each scored for performance,
# accessibility, best practices and SEO (the targets: each at least 95). Needs npm and
# Debian's Chromium (apt-get install chromium); lighthouse@12.2.3 is installed once into a
# cache directory, never into the repository.
#
#   scripts/lighthouse.sh
#   SITE_URL=https://shop.example scripts/lighthouse.sh
#
# Environment: SITE_URL (http://localhost:8080), CHROME_PATH (/usr/bin/chromium),
# LIGHTHOUSE_DIR (~/.cache/little-threads/lighthouse), REPORT_DIR (target/lighthouse),
# PAGES (space-separated paths; default: /, /category/tops/, /products/rainbow-stripe-tee/).
set -euo pipefail

SITE_URL="${SITE_URL:-http://localhost:8080}"
CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
LIGHTHOUSE_DIR="${LIGHTHOUSE_DIR:-$HOME/.cache/little-threads/lighthouse}"
REPORT_DIR="${REPORT_DIR:-target/lighthouse}"
PAGES="${PAGES:-/ /category/tops/ /products/rainbow-stripe-tee/}"
VERSION=12.2.3

command -v npm >/dev/null || { echo "lighthouse.sh: needs npm" >&2; exit 1; }
[ -x "$CHROME_PATH" ] || { echo "lighthouse.sh: no Chromium at $CHROME_PATH (apt-get install chromium)" >&2; exit 1; }
curl -fsS -m 5 -o /dev/null "$SITE_URL/" \
  || { echo "lighthouse.sh: nothing answers at $SITE_URL: start ./run.sh first" >&2; exit 1; }

lighthouse="$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse"
if [ ! -x "$lighthouse" ] || ! grep -q "\"version\": \"$VERSION\"" "$LIGHTHOUSE_DIR/node_modules/lighthouse/package.json"; then
  echo "Installing lighthouse@$VERSION into $LIGHTHOUSE_DIR"
  mkdir -p "$LIGHTHOUSE_DIR"
  npm install --prefix "$LIGHTHOUSE_DIR" --no-save --no-audit --no-fund --silent -E "lighthouse@$VERSION"
fi
mkdir -p "$REPORT_DIR"

printf '%-40s %12s %14s %15s %5s\n' page performance accessibility best-practices seo
for page in $PAGES; do
  name=$(printf '%s' "$page" | tr -c 'A-Za-z0-9' '-' | sed 's/^-*//; s/-*$//')
  report="$REPORT_DIR/${name:-home}.json"
  CHROME_PATH="$CHROME_PATH" "$lighthouse" "$SITE_URL$page" --quiet --output=json --output-path="$report" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-dev-shm-usage" >/dev/null 2>&1 || true
  [ -s "$report" ] || { echo "lighthouse.sh: no report for $page" >&2; exit 1; }
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => r.categories[k].score === null ? "error" : Math.round(r.categories[k].score * 100);
    console.log(process.argv[2].padEnd(40), String(s("performance")).padStart(12),
      String(s("accessibility")).padStart(14), String(s("best-practices")).padStart(15), String(s("seo")).padStart(5));
  ' "$(cd "$(dirname "$report")" && pwd)/$(basename "$report")" "$page"
done
echo "Reports: $REPORT_DIR/*.json (open in https://googlechrome.github.io/lighthouse/viewer/)"
