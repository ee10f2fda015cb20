// Builds what portals load from /components/: jxjy.js (every element, one ESM file), <tag>.js per element
// sharing chunks/, and custom-elements.json. Elements are discovered, not listed: a folder
// components/<name>/ holding <name>.ts (define file) and <name>.component.ts becomes jxjy-<name>.
// Host-page scripts (the demo portal) are listed in `pages` and built on their own to <name>.js: the CSP
// (script-src 'self') forbids inline scripts, so the portal's code must be a same-origin file.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const started = performance.now();
const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const dist = join(here, 'dist');

const components = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'dist')
  .map((d) => d.name)
  .filter((name) => existsSync(join(here, name, `${name}.ts`)) && existsSync(join(here, name, `${name}.component.ts`)))
  .sort();

// The define file is the one place the tag is written; catch a folder renamed without it.
for (const name of components) {
  const tag = `jxjy-${name}`;
  if (!readFileSync(join(here, name, `${name}.ts`), 'utf8').includes(`'${tag}'`)) {
    throw new Error(`components/${name}/${name}.ts must define '${tag}'`);
  }
}
if (components.length === 0) throw new Error('no components found under components/<name>/<name>.ts');

// Not elements: they use the elements that jxjy.js defines and must not bundle a second copy of them.
const pages = ['portal'];

rmSync(dist, { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2021', // what Lit 3 itself is published as (reference/lit.md §7)
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  // 'production' drops Lit's dev-mode warnings from what portals load; tests keep them.
  conditions: ['production'],
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
  metafile: true,
};

const [single, split, hostPages] = await Promise.all([
  build({
    ...common,
    stdin: {
      contents: components.map((n) => `import './${n}/${n}.js';`).join('\n'),
      resolveDir: here,
      sourcefile: 'jxjy-entry.ts',
      loader: 'ts',
    },
    outfile: join(dist, 'jxjy.js'),
  }),
  build({
    ...common,
    entryPoints: Object.fromEntries(components.map((n) => [`jxjy-${n}`, join(here, n, `${n}.ts`)])),
    outdir: dist,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  build({
    ...common,
    entryPoints: Object.fromEntries(pages.map((n) => [n, join(here, n, `${n}.ts`)])),
    outdir: dist,
  }),
]);

// Run through the CLI (not the create() API) so the manifest matches what `cem analyze` gives anyone else.
const cem = join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
execFileSync(process.execPath, [cem, 'analyze', '--config', join(here, 'custom-elements-manifest.config.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
const missing = components.map((n) => `jxjy-${n}`).filter((t) => !tags.includes(t));
if (missing.length) throw new Error(`custom-elements.json lacks ${missing.join(', ')}`);
if ('customElements' in JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))) {
  console.warn('warning: package.json has a "customElements" field; the build does not write it');
}

const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
const outputs = Object.keys({ ...single.metafile.outputs, ...split.metafile.outputs, ...hostPages.metafile.outputs })
  .filter((f) => f.endsWith('.js'))
  .sort();
console.log(`${'file'.padEnd(40)}${'min'.padStart(10)}${'gzip'.padStart(10)}`);
for (const file of outputs) {
  const bytes = readFileSync(join(root, file));
  console.log(`${relative(dist, join(root, file)).padEnd(40)}${kb(bytes.length)}${kb(gzipSync(bytes, { level: 9 }).length)}`);
}
console.log(`custom-elements.json: ${tags.join(', ')}`);
console.log(`built ${components.length} element(s) in ${((performance.now() - started) / 1000).toFixed(2)} s`);
