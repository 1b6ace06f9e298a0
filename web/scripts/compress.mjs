// After `vite build`: a gzip and a brotli copy of each text asset beside it, so the app serves
// compressed bytes without compressing on every request.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = new URL('../dist/', import.meta.url).pathname;
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
let raw = 0, gz = 0;
for (const file of walk(dir)) {
  if (!/\.(js|css|svg|json)$/.test(file)) continue;
  const bytes = readFileSync(file);
  const g = gzipSync(bytes, { level: 9 });
  writeFileSync(file + '.gz', g);
  writeFileSync(file + '.br', brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  raw += bytes.length; gz += g.length;
}
console.log(`console bundle: ${(raw / 1024).toFixed(0)} KiB, gzip ${(gz / 1024).toFixed(0)} KiB`);
