// CI: DuckDB (@duckdb/node-api) reads every Parquet and CSV file of a release's dataset and the CSV answers of the
// live list routes. Usage: node check_duckdb.mjs BASE_URL RELEASE_ID
// Checks: files match their SHA-256; row counts equal the manifest and the API's total; primary keys are unique;
// every foreign key resolves; the CSV and the Parquet file of a table hold the same rows; the README's download and
// DuckDB query run as written. Ends with "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [base, release] = [process.argv[2].replace(/\/$/, ''), process.argv[3]];
const results = { passed: 0, failed: 0 };
const check = (name, ok, detail = '') => {
  results[ok ? 'passed' : 'failed']++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
};
const getJson = async (path) => (await fetch(base + path)).json();
const withQuery = (path, query) => path + (path.includes('?') ? '&' : '?') + query;
const absolute = (url) => (url.startsWith('http') ? url : base + url);
const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
const ident = (s) => `"${s.replaceAll('"', '""')}"`;
const duckType = { string: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE' };

const folder = await mkdtemp(join(tmpdir(), 'kzrights-duckdb-'));
const db = await (await DuckDBInstance.create(':memory:')).connect();
const scalar = async (sql) => Object.values((await db.runAndReadAll(sql)).getRowObjects()[0])[0];

try {
  const dataset = await getJson(`/v1/releases/${release}/dataset`);
  const files = Object.fromEntries(dataset.files.map((f) => [f.name, f]));
  const pkg = await getJson(`/v1/releases/${release}/dataset/datapackage.json`);
  const schemas = {};
  for (const resource of pkg.resources.filter((r) => r.format === 'csv')) {
    schemas[resource.name] = resource.schema;
  }

  for (const file of dataset.files.filter((f) => f.format === 'csv' || f.format === 'parquet')) {
    const bytes = Buffer.from(await (await fetch(absolute(file.url))).arrayBuffer());
    await writeFile(join(folder, file.name), bytes);
    check(`${file.name} matches its SHA-256`, createHash('sha256').update(bytes).digest('hex') === file.sha256);
  }

  for (const [table, schema] of Object.entries(schemas)) {
    const columns = schema.fields.map((f) => `${sqlString(f.name)}: ${sqlString(duckType[f.type])}`).join(', ');
    const typed = schema.fields.map((f) => `CAST(${ident(f.name)} AS ${duckType[f.type]}) AS ${ident(f.name)}`).join(', ');
    const csvPath = join(folder, `${table}.csv`);
    const parquetPath = join(folder, `${table}.parquet`);
    await db.run(`CREATE TABLE ${ident(`csv_${table}`)} AS SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, columns = {${columns}})`);
    await db.run(`CREATE TABLE ${ident(table)} AS SELECT ${typed} FROM read_parquet(${sqlString(parquetPath)})`);
    const expected = BigInt(files[`${table}.csv`].rows);
    check(`${table}.csv rows equal the manifest`, (await scalar(`SELECT count(*) FROM ${ident(`csv_${table}`)}`)) === expected);
    check(`${table}.parquet rows equal the manifest`, (await scalar(`SELECT count(*) FROM ${ident(table)}`)) === expected);
    const onlyCsv = await scalar(`SELECT count(*) FROM (SELECT * FROM ${ident(`csv_${table}`)} EXCEPT ALL SELECT * FROM ${ident(table)})`);
    const onlyParquet = await scalar(`SELECT count(*) FROM (SELECT * FROM ${ident(table)} EXCEPT ALL SELECT * FROM ${ident(`csv_${table}`)})`);
    check(`${table}: CSV and Parquet hold the same rows`, onlyCsv === 0n && onlyParquet === 0n, `${onlyCsv} only in CSV, ${onlyParquet} only in Parquet`);
    const key = schema.primaryKey.map(ident).join(', ');
    const duplicates = await scalar(`SELECT count(*) FROM (SELECT ${key} FROM ${ident(table)} GROUP BY ${key} HAVING count(*) > 1)`);
    check(`${table} primary key (${schema.primaryKey}) is unique`, duplicates === 0n, `${duplicates} duplicated keys`);
  }

  for (const [table, schema] of Object.entries(schemas)) {
    for (const fk of schema.foreignKeys) {
      const target = fk.reference.resource || table;
      const missing = await scalar(`SELECT count(*) FROM ${ident(table)} c WHERE c.${ident(fk.fields)} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${ident(target)} p WHERE p.${ident(fk.reference.fields)} = c.${ident(fk.fields)})`);
      check(`${table}.${fk.fields} → ${target}.${fk.reference.fields} resolves (Parquet)`, missing === 0n, `${missing} unresolved`);
    }
  }

  const routes = JSON.parse(await readFile(new URL('./routes.json', import.meta.url), 'utf8')).routes;
  for (const [i, route] of routes.entries()) {
    const total = BigInt((await getJson(withQuery(route.path, 'limit=1'))).total);
    const path = join(folder, `route-${i}.csv`);
    await writeFile(path, Buffer.from(await (await fetch(base + withQuery(route.path, 'format=csv'))).arrayBuffer()));
    const counted = route.countColumn
      ? await scalar(`SELECT count(DISTINCT ${ident(route.countColumn)}) FROM read_csv(${sqlString(path)}, header = true)`)
      : await scalar(`SELECT count(*) FROM read_csv(${sqlString(path)}, header = true)`);
    check(`live ${route.path} CSV rows equal the API's total`, counted === total, `${counted} != ${total}`);
  }

  // The README's download and DuckDB query, as written, against this server: unzip dataset.zip, query its Parquet files.
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const notebooks = readme.slice(readme.indexOf('## Tables for notebooks'));
  const block = (language) => {
    const start = notebooks.indexOf('```' + language + '\n') + language.length + 4;
    return notebooks.slice(start, notebooks.indexOf('```', start));
  };
  const workdir = join(folder, 'readme');
  await mkdir(workdir);
  const download = block('bash').replaceAll('localhost:5000', base.replace(/^https?:\/\//, ''));
  execFileSync('bash', ['-euo', 'pipefail', '-c', download], { cwd: workdir, stdio: 'ignore' });
  const here = process.cwd();
  process.chdir(join(workdir, 'kzrights'));
  try {
    const rows = (await db.runAndReadAll(block('sql'))).getRowObjects();
    check('README DuckDB query runs as written over the unzipped Parquet files', rows.length > 0, 'no rows');
  } finally {
    process.chdir(here);
  }
} catch (error) {
  check('DuckDB checks ran to the end', false, error.stack);
} finally {
  await rm(folder, { recursive: true, force: true });
}

console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
