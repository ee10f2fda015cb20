// Analyzer settings for components/build.mjs. `packagejson: false` because the analyzer otherwise writes a
// "customElements" field into the root package.json on every build, and package.json is not the build's to edit.
// The plugin names each element after its folder (components/<name>/ → jxjy-<name>), the same convention
// build.mjs uses, because elements register through `X.define(tag)`, which the analyzer cannot see.
const folderTag = /^components\/([a-z0-9-]+)\/\1\.component\.ts$/;

function tagFromFolder() {
  return {
    name: 'jxjy-tag-from-folder',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const name = folderTag.exec(mod.path)?.[1];
        if (!name) continue;
        const cls = mod.declarations?.find((d) => d.kind === 'class');
        if (!cls) continue;
        cls.customElement = true;
        cls.tagName = `jxjy-${name}`;
        mod.exports = [
          ...(mod.exports ?? []),
          { kind: 'custom-element-definition', name: cls.tagName, declaration: { name: cls.name, module: mod.path } },
        ];
      }
    },
  };
}

export default {
  globs: ['components/*/*.component.ts', 'components/base/jxjy-element.ts'],
  exclude: ['components/dist/**'],
  outdir: 'components/dist',
  litelement: true,
  packagejson: false,
  quiet: true,
  plugins: [tagFromFolder()],
};
