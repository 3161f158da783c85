// Copies GraphiQL's UMD build and React 18's UMD builds into src/KzRights.Api/wwwroot/graphiql/.
// graphiql 3 is the last major with a UMD bundle (4+ are ES modules with Monaco) and React 18 the last with UMD
// files. The graphiql package's "min" bundle is not actually minified, so it is minified here (3.5 MB to 1.4 MB).
// Run: npm ci && npm run build, then commit the changed files.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'src', 'KzRights.Api', 'wwwroot', 'graphiql');
const modules = join(here, 'node_modules');
const notices = [];
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(modules, 'graphiql', 'graphiql.js')],
  outfile: join(out, 'graphiql.min.js'),
  minify: true,
  legalComments: 'eof',
  bundle: false,
  logLevel: 'warning',
});
await build({
  entryPoints: [join(modules, 'graphiql', 'graphiql.min.css')],
  outfile: join(out, 'graphiql.min.css'),
  minify: true,
  loader: { '.css': 'css' },
  logLevel: 'warning',
});
copyFileSync(join(modules, 'react', 'umd', 'react.production.min.js'), join(out, 'react.production.min.js'));
copyFileSync(join(modules, 'react-dom', 'umd', 'react-dom.production.min.js'), join(out, 'react-dom.production.min.js'));
for (const name of ['graphiql', 'react', 'react-dom']) {
  const { version } = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
  notices.push(`${name} ${version}\n\n${readFileSync(join(modules, name, 'LICENSE'), 'utf8').trim()}\n`);
}
writeFileSync(join(out, 'THIRD-PARTY-NOTICES.txt'), notices.join('\n---\n\n'));

for (const file of ['graphiql.min.js', 'graphiql.min.css', 'react.production.min.js', 'react-dom.production.min.js']) {
  console.log(`${file}: ${(statSync(join(out, file)).size / 1024).toFixed(0)} KiB`);
}
