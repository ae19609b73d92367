// Bundles the pages into the tracking service's wwwroot: the two html pages at its root, and under assets/ one
// script per page (Chart.js included, nothing loaded from elsewhere at run time) and the shared stylesheet.
// Run through scripts/build-web.sh, which installs the packages first and skips the work when nothing changed.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const web = dirname(fileURLToPath(import.meta.url));
const source = join(web, 'src');
const output = join(web, '..', 'services', 'Tracking', 'PatientFlow.Tracking', 'wwwroot');
const pages = ['index.html', 'analytics.html'];

await rm(output, { recursive: true, force: true });
await mkdir(join(output, 'assets'), { recursive: true });

await esbuild.build({
  entryPoints: ['board.js', 'analytics.js', 'styles.css'].map((file) => join(source, file)),
  outdir: join(output, 'assets'),
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  target: ['chrome110', 'firefox110', 'safari16', 'edge110'],
  logLevel: 'warning',
});

// The pages last: scripts/build-web.sh takes index.html's time as the time of the whole build.
for (const page of pages) {
  await copyFile(join(source, page), join(output, page));
}
