#!/bin/sh
# Trunk's post-build hook (Trunk.toml). Trunk leaves the whole app's files
# (`data-type="worker"` in index.html) unhashed and unnamed in the page:
# give them content-hashed names, like every other file of the build, and
# write the names into the page's meta tag, so a page only ever loads the
# whole app of its own build. Then stamp the service worker's cache with
# this build, so a new deploy installs a new worker that caches every file
# of that deploy together, and drops the old ones.
set -eu
cd "$TRUNK_STAGING_DIR"
hash=$(cat ccplan-app.js ccplan-app_bg.wasm | sha256sum | cut -c1-16)
mv ccplan-app.js "ccplan-app-$hash.js"
mv ccplan-app_bg.wasm "ccplan-app-${hash}_bg.wasm"
sed -i -e "s|@CCPLAN_APP_GLUE@|./ccplan-app-$hash.js|" -e "s|@CCPLAN_APP_WASM@|./ccplan-app-${hash}_bg.wasm|" index.html
grep -q "ccplan-app-${hash}_bg.wasm" index.html || { echo "stamp_build.sh: index.html has no ccplan-app meta tag" >&2; exit 1; }
build=$(sha256sum index.html | cut -c1-16)
sed -i "s|ccplan-build-id|ccplan-$build|" sw.js
grep -q "ccplan-$build" sw.js || { echo "stamp_build.sh: sw.js has no ccplan-build-id" >&2; exit 1; }
