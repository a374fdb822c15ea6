#!/usr/bin/env node
// Prints, per area of the UI, the gzip size of the JS a browser loads before that area's first page shows: the
// entry chunk of index.html, the area's lazily loaded chunk, and every chunk these import statically (from Vite's
// build manifest). Chunks loaded later (dynamic imports inside an area) are not counted.
// Fails when the owner app is over its budget or would load the consoles' libraries (chunks antd, echarts).
// Usage: node scripts/bundle-size.mjs [outDir]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, process.argv[2] ?? 'target/classes/static');
const manifestFile = join(outDir, '.vite/manifest.json');
if (!existsSync(manifestFile)) {
  console.error(`bundle-size: ${manifestFile} missing (vite build with build.manifest)`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

/** The area entries: the module App.tsx loads lazily for each path. */
const AREAS = [
  { name: 'console', path: '/console', module: 'src/console/ConsoleArea.tsx' },
  { name: 'group', path: '/group', module: 'src/group/GroupArea.tsx' },
  { name: 'app', path: '/app', module: 'src/owner/OwnerArea.tsx', budgetKb: 300, forbidden: ['antd', 'echarts'] },
];

const kb = (bytes) => (bytes / 1000).toFixed(1); // kB = 1000 bytes, default gzip level, as Vite reports
const gzipped = new Map();
function gzipOf(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(outDir, file))).length);
  return gzipped.get(file);
}

function staticClosure(keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`bundle-size: ${key} is not in the build manifest`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen];
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
let failed = false;
const shellSize = staticClosure([entry]).reduce((sum, key) => sum + gzipOf(manifest[key].file), 0);
console.log(`Initial JS (gzip) of the start page /: ${kb(shellSize)} KB`);
for (const area of AREAS) {
  const keys = staticClosure([entry, area.module]);
  const size = keys.reduce((sum, key) => sum + gzipOf(manifest[key].file), 0);
  const names = keys.map((key) => manifest[key].name ?? key);
  console.log(`Initial JS (gzip) of ${area.name} (${area.path}): ${kb(size)} KB in ${keys.length} files [${names.join(', ')}]`);
  if (area.budgetKb && size / 1000 > area.budgetKb) {
    console.error(`bundle-size: ${area.name} is over its budget of ${area.budgetKb} KB gzip`);
    failed = true;
  }
  const loaded = (area.forbidden ?? []).filter((name) => names.includes(name));
  if (loaded.length > 0) {
    console.error(`bundle-size: ${area.name} loads ${loaded.join(', ')} on its first page`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
