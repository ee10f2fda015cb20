// The server as compiled JavaScript: runtime/start-all.ts and every module of this repository it imports, bundled by
// esbuild into runtime/dist/start-all.mjs (packages stay in node_modules and load from there). `npm start`
// (runtime/start.mjs) runs it with plain Node: no TypeScript loader in the server's process. Measured against
// `node --import tsx runtime/start-all.ts` on the same data folder: 0.8–1 s sooner healthy and about 90 MB less
// resident memory (the loader's own thread and its transformed sources and source maps in the heap).
//
// Plain JavaScript on purpose: it runs before anything is compiled. `node runtime/build-server.mjs` builds it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = path.join(ROOT, 'runtime', 'start-all.ts');
export const SERVER_BUNDLE = path.join(ROOT, 'runtime', 'dist', 'start-all.mjs');
/** The repository files the last build read (esbuild's metafile): the bundle is stale when one is newer or gone. */
const INPUTS = `${SERVER_BUNDLE}.inputs.json`;
/** What shapes the output besides the sources. */
const BUILD_FILES = [fileURLToPath(import.meta.url), path.join(ROOT, 'tsconfig.json')];

/** True when the bundle exists and no file it was built from (nor this build's own settings) changed since. */
export function serverBundleFresh() {
  let built;
  let inputs;
  try {
    built = fs.statSync(SERVER_BUNDLE).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(INPUTS, 'utf8'));
  } catch {
    return false;
  }
  return [...inputs.map((file) => path.join(ROOT, file)), ...BUILD_FILES].every((file) => {
    try {
      return fs.statSync(file).mtimeMs <= built;
    } catch {
      return false; // a source was removed or renamed: whatever imported it changed too, build again
    }
  });
}

/**
 * Bundles the server. Written beside the final files and renamed into place, the bundle last and dated when the build
 * began: a second `npm start` meanwhile never loads half a bundle, and a source saved during the build is newer than it.
 */
export async function buildServer() {
  const began = new Date();
  const outDir = path.dirname(SERVER_BUNDLE);
  // Loaded here, not at the top: a start whose bundle is fresh never loads esbuild.
  const esbuild = await import('esbuild');
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: ROOT, // the metafile's input paths are relative to it
      entryPoints: [ENTRY],
      outfile: SERVER_BUNDLE,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      // Not loaded unless Node runs with --enable-source-maps (it costs memory): there for stack traces when wanted.
      sourcemap: 'linked',
      metafile: true,
      write: false,
      logLevel: 'warning',
      plugins: [moduleUrlsOfTheirSources(outDir)],
    });
  } finally {
    // esbuild's service process would otherwise live as long as the server (measured: 49 MB).
    await esbuild.stop();
  }
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  fs.mkdirSync(outDir, { recursive: true });
  const partial = `.${process.pid}.partial`;
  const files = [
    ...result.outputFiles.filter((file) => file.path !== SERVER_BUNDLE).map((file) => ({ path: file.path, contents: file.contents })),
    { path: INPUTS, contents: JSON.stringify(inputs) },
    ...result.outputFiles.filter((file) => file.path === SERVER_BUNDLE).map((file) => ({ path: file.path, contents: file.contents })),
  ];
  for (const file of files) {
    fs.writeFileSync(file.path + partial, file.contents);
    fs.utimesSync(file.path + partial, began, began);
    fs.renameSync(file.path + partial, file.path);
  }
  return SERVER_BUNDLE;
}

/**
 * `import.meta.url` of a bundled module would be the bundle's, one folder off for every module that finds its files
 * relative to itself (the workflow sources, the component bundle, the temporal CLI) and true for every "am I the main
 * module" check. Each module keeps its own: its source's address, relative to the bundle so the checkout can move.
 */
function moduleUrlsOfTheirSources(outDir) {
  return {
    name: 'module-urls-of-their-sources',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const relative = path.relative(outDir, args.path).split(path.sep).join('/');
        return { contents: source.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = performance.now();
  await buildServer();
  console.log(`server bundle: ${path.relative(process.cwd(), SERVER_BUNDLE)} (${Math.round(performance.now() - started)} ms)`);
}
