#!/usr/bin/env bash
# Lighthouse on the storefront as the gateway serves it (./run.sh in another terminal): one
# page of every type, each scored for performance, accessibility, best practices and SEO
# with Lighthouse's defaults (mobile, simulated throttling), after one unmeasured visit of
# every page (a warm gateway, not a just-started one), three runs in a row, printed as
# one table (each cell: the runs' scores, or one number when they agree) with the search
# page's cumulative layout shift. Needs npm and Debian's Chromium (apt-get install chromium);
# lighthouse@12.2.3 is installed once into a cache directory, never into the repository.
# The targets (docs/benchmarks.md): 100 in every category on every page, SEO on the
# indexable ones (cart, account, sign-in, checkout and 404 are noindex on purpose).
#
#   scripts/lighthouse.sh
#   SITE_URL=https://shop.example RUNS=1 scripts/lighthouse.sh
#
# Environment: SITE_URL (http://localhost:8080), CHROME_PATH (/usr/bin/chromium),
# LIGHTHOUSE_DIR (~/.cache/little-threads/lighthouse), REPORT_DIR (target/lighthouse),
# RUNS (3), PAGES (space-separated paths; default: home, a category and its second page, a
# product, the search with filters, the cart with a line in it, sign-in, account, checkout
# success and cancel, and a page that does not exist).
set -euo pipefail

SITE_URL="${SITE_URL:-http://localhost:8080}"
CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
LIGHTHOUSE_DIR="${LIGHTHOUSE_DIR:-$HOME/.cache/little-threads/lighthouse}"
REPORT_DIR="${REPORT_DIR:-target/lighthouse}"
RUNS="${RUNS:-3}"
PAGES="${PAGES:-/ /category/tops/ /category/tops/page/2/ /products/rainbow-stripe-tee/ /search/?category=tops&size=4T /cart/ /account/sign-in/ /account/ /checkout/success/ /checkout/cancel/ /no-such-page/}"
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

# Lighthouse's own API (puppeteer-core comes with it): the CLI cannot put a line in the
# cart before it measures.
SITE_URL="$SITE_URL" CHROME_PATH="$CHROME_PATH" LIGHTHOUSE_DIR="$LIGHTHOUSE_DIR" \
  REPORT_DIR="$(cd "$REPORT_DIR" && pwd)" RUNS="$RUNS" PAGES="$PAGES" \
  node "$(dirname "${BASH_SOURCE[0]}")/lighthouse.mjs"
