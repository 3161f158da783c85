// CI: the TypeScript client generated from openapi.yaml (types by openapi-typescript, calls by openapi-fetch) over every
// public operation of a live API: every page of every list, every id of every list through its get operation, and the
// documented errors (400 INVALID_ARGUMENT for a bad page size, 400 INVALID_CURSOR, 404 NOT_FOUND). The calls are typed by
// the generated paths, so `tsc` fails when the contract and this use of it disagree. Usage: node out/check.js BASE_URL
// Prints one PASS/FAIL line per check and ends with "N passed, N failed".
import createClient from 'openapi-fetch';
import type { paths } from './generated/schema.js';

// Lists also answer CSV and NDJSON (format=); the client is made for JSON, the media type integrators use first.
const client = createClient<paths, 'application/json'>({ baseUrl: (process.argv[2] ?? '').replace(/\/$/, '') });
const results = { passed: 0, failed: 0 };
const check = (name: string, ok: boolean, detail = '') => {
  results[ok ? 'passed' : 'failed']++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
};

type Answer<T> = { data?: T; error?: unknown; response: Response };
type Paged<T> = { items: T[]; nextCursor?: string | null; total: number };

/** Every page of a list; checks that the pages add up to total. */
async function crawl<T>(name: string, page: (cursor?: string) => Promise<Answer<Paged<T>>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  let total = -1;
  let failure = '';
  do {
    const { data, response } = await page(cursor);
    if (!data || response.status !== 200) {
      failure = `HTTP ${response.status}`;
      break;
    }
    items.push(...data.items);
    total = data.total;
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  check(`${name}: every page (${items.length} items)`, failure === '' && items.length === total, failure || `${items.length} of ${total}`);
  return items;
}

/** Every id through the get operation: each answers 200 with the record of that id. */
async function getEach<T>(name: string, ids: string[], get: (id: string) => Promise<Answer<T>>, idOf: (record: T) => string) {
  const failures: string[] = [];
  for (const id of ids) {
    const { data, response } = await get(id);
    if (response.status !== 200 || !data || idOf(data) !== id) {
      failures.push(`${id}: HTTP ${response.status}`);
    }
  }
  check(`${name}: every id (${ids.length})`, ids.length > 0 && failures.length === 0, failures.slice(0, 3).join('; ') || 'no ids');
}

/** A documented error: the status and the problem's stable code. */
async function problem(name: string, call: Promise<Answer<unknown>>, status: number, code: string) {
  const { error, response } = await call;
  const actual = (error as { code?: string } | undefined)?.code;
  check(`${name}: ${status} ${code}`, response.status === status && actual === code, `HTTP ${response.status} ${actual}`);
}

const q = { limit: 500 } as const;
const byId = (r: { id: string }) => r.id;

const documents = await crawl('listDocuments', (cursor) => client.GET('/v1/documents', { params: { query: { ...q, cursor } } }));
await getEach('getDocument', documents.map(byId), (documentId) => client.GET('/v1/documents/{documentId}', { params: { path: { documentId } } }),
  (d) => d.document.id);
for (const document of documents) {
  await crawl(`listDocumentParagraphs ${document.id}`, (cursor) =>
    client.GET('/v1/documents/{documentId}/paragraphs', { params: { path: { documentId: document.id }, query: { ...q, cursor } } }));
}
const paragraphs = await crawl('listParagraphs', (cursor) => client.GET('/v1/paragraphs', { params: { query: { ...q, cursor } } }));
await getEach('getParagraph', paragraphs.map(byId), (paragraphId) => client.GET('/v1/paragraphs/{paragraphId}', { params: { path: { paragraphId } } }), byId);
const recommendations = await crawl('listRecommendations', (cursor) => client.GET('/v1/recommendations', { params: { query: { ...q, cursor } } }));
await getEach('getRecommendation', recommendations.map(byId),
  (recommendationId) => client.GET('/v1/recommendations/{recommendationId}', { params: { path: { recommendationId } } }), byId);
const indicators = await crawl('listIndicators', (cursor) => client.GET('/v1/indicators', { params: { query: { ...q, cursor } } }));
await getEach('getIndicator', indicators.map(byId), (indicatorId) => client.GET('/v1/indicators/{indicatorId}', { params: { path: { indicatorId } } }), byId);
const quotas = await crawl('listQuotas', (cursor) => client.GET('/v1/quotas', { params: { query: { ...q, cursor } } }));
await getEach('getQuota', quotas.map(byId), (quotaId) => client.GET('/v1/quotas/{quotaId}', { params: { path: { quotaId } } }), byId);
const series = await crawl('listSeries', (cursor) => client.GET('/v1/series', { params: { query: { ...q, cursor } } }));
await getEach('getSeries', series.map((s) => s.key), (seriesKey) => client.GET('/v1/series/{seriesKey}', { params: { path: { seriesKey } } }), (s) => s.key);
const facts = await crawl('listFacts', (cursor) => client.GET('/v1/facts', { params: { query: { ...q, cursor } } }));
await getEach('getFact', facts.map(byId), (factId) => client.GET('/v1/facts/{factId}', { params: { path: { factId } } }), byId);
const themes = await crawl('listThemes', (cursor) => client.GET('/v1/themes', { params: { query: { ...q, cursor } } }));
await getEach('getTheme', themes.map(byId), (themeId) => client.GET('/v1/themes/{themeId}', { params: { path: { themeId } } }), byId);
const entities = await crawl('listEntities', (cursor) => client.GET('/v1/entities', { params: { query: { ...q, cursor } } }));
await getEach('getEntity', entities.map(byId), (entityId) => client.GET('/v1/entities/{entityId}', { params: { path: { entityId } } }), byId);
await crawl('search', (cursor) => client.GET('/v1/search', { params: { query: { q: 'women', ...q, cursor } } }));

const releases = await crawl('listReleases', (cursor) => client.GET('/v1/releases', { params: { query: { ...q, cursor } } }));
await getEach('getRelease', releases.map(byId), (releaseId) => client.GET('/v1/releases/{releaseId}', { params: { path: { releaseId } } }), byId);
const latest = await client.GET('/v1/releases/latest');
check('getLatestRelease', latest.response.status === 200 && latest.data?.id === releases[0]?.id, `HTTP ${latest.response.status}`);
for (const release of releases) {
  await crawl(`listReleaseChanges ${release.id}`, (cursor) =>
    client.GET('/v1/releases/{releaseId}/changes', { params: { path: { releaseId: release.id }, query: { ...q, cursor } } }));
  await crawl(`listChangesSince ${release.id}`, (cursor) => client.GET('/v1/changes', { params: { query: { since: release.id, ...q, cursor } } }));
  const dataset = await client.GET('/v1/releases/{releaseId}/dataset', { params: { path: { releaseId: release.id } } });
  check(`getDataset ${release.id}`, dataset.response.status === 200 && (dataset.data?.files.length ?? 0) > 0, `HTTP ${dataset.response.status}`);
  const failures: string[] = [];
  for (const file of dataset.data?.files ?? []) {
    const answer = await client.GET('/v1/releases/{releaseId}/dataset/{fileName}',
      { params: { path: { releaseId: release.id, fileName: file.name } }, parseAs: 'arrayBuffer' });
    if (answer.response.status !== 200 || (answer.data as ArrayBuffer | undefined)?.byteLength !== file.bytes) {
      failures.push(`${file.name}: HTTP ${answer.response.status}`);
    }
  }
  check(`getDatasetFile ${release.id}: every file`, failures.length === 0, failures.join('; '));
}

for (const [path, name] of [['/', 'getIndex'], ['/health', 'health'], ['/health/live', 'healthLive'], ['/health/ready', 'healthReady']] as const) {
  const { response } = await client.GET(path);
  check(name, response.status === 200, `HTTP ${response.status}`);
}

// The documented errors.
await problem('listParagraphs limit=0', client.GET('/v1/paragraphs', { params: { query: { limit: 0 } } }), 400, 'INVALID_ARGUMENT');
await problem('listIndicators cursor=not-a-cursor', client.GET('/v1/indicators', { params: { query: { cursor: 'not-a-cursor' } } }), 400, 'INVALID_CURSOR');
await problem('listParagraphs document=no-such-document', client.GET('/v1/paragraphs', { params: { query: { document: 'no-such-document' } } }),
  400, 'INVALID_ARGUMENT');
await problem('getParagraph unknown id', client.GET('/v1/paragraphs/{paragraphId}', { params: { path: { paragraphId: 'no-such-doc/1' } } }), 404, 'NOT_FOUND');
await problem('getRecommendation unknown id',
  client.GET('/v1/recommendations/{recommendationId}', { params: { path: { recommendationId: 'upr-3/0.0' } } }), 404, 'NOT_FOUND');
await problem('getRelease unknown id', client.GET('/v1/releases/{releaseId}', { params: { path: { releaseId: '1999.01.01-00000000' } } }), 404, 'NOT_FOUND');
await problem('search without q', client.GET('/v1/search', { params: { query: {} as { q: string } } }), 400, 'INVALID_ARGUMENT');
await problem('listWebhooks without a key', client.GET('/v1/webhooks'), 401, 'UNAUTHORIZED');

console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
