#!/usr/bin/env node
// Prints the gzip size of the JS a browser loads for the first page view: the entry module
// named by index.html's <script type="module"> plus every <link rel="modulepreload"> chunk.
// Lazy chunks are not counted. Usage: node scripts/bundle-size.mjs [outDir]
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, process.argv[2] ?? 'target/classes/static');
const html = readFileSync(join(outDir, 'index.html'), 'utf8');

const urls = new Set();
for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
  const isEntry = /^<script/i.test(tag) && /type=["']?module/i.test(tag);
  const isPreload = /^<link/i.test(tag) && /rel=["']?modulepreload/i.test(tag);
  const url = tag.match(/\b(?:src|href)=["']?([^"'\s>]+)/i)?.[1];
  if ((isEntry || isPreload) && url && !/^(https?:)?\/\//i.test(url)) urls.add(url);
}
if (urls.size === 0) {
  console.error(`bundle-size: no module script found in ${join(outDir, 'index.html')}`);
  process.exit(1);
}

// kB = 1000 bytes and default gzip level, the same as Vite's own build report.
const kb = (bytes) => (bytes / 1000).toFixed(1);
let raw = 0;
let gzip = 0;
for (const url of urls) {
  const file = join(outDir, url.replace(/^\//, ''));
  const content = readFileSync(file);
  const size = gzipSync(content).length;
  raw += statSync(file).size;
  gzip += size;
  console.log(`  ${url}: ${kb(content.length)} KB (gzip ${kb(size)} KB)`);
}
console.log(`Initial JS (raw): ${kb(raw)} KB in ${urls.size} file${urls.size === 1 ? '' : 's'}`);
console.log(`Initial JS (gzip): ${kb(gzip)} KB`);
