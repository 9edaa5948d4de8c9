/**
 * Tells the static site's host to rebuild (a build hook, for example Netlify's) when a
 * public page would change, debounced so a burst of edits costs one build. Stock changes
 * never trigger it: the pages fetch availability live.
 */
package com.littlethreads.catalog.sitebuild;
