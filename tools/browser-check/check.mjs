// CI: a browser's view of CORS and CSP (issue 10, items 1 and 5). Debian's Chromium, driven by playwright-core, opens
// a page served by a tiny static server on another origin and, from that page's scripts, calls the API: REST GET,
// GraphQL GET and POST (application/json, so Chromium sends a preflight first), reading the exposed ETag header; the
// keyed routes must stay closed to it. Then /graphql/ui (GraphiQL) and /swagger must load with no CSP violation.
// Usage: node check.mjs API_BASE PAGE_PORT API_LOG   Prints one PASS/FAIL line per check and "N passed, N failed".
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const [api, pagePort, apiLog] = [process.argv[2].replace(/\/$/, ''), Number(process.argv[3]), process.argv[4]];
const results = { passed: 0, failed: 0 };
const check = (name, ok, detail = '') => {
  results[ok ? 'passed' : 'failed']++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
};

// The other origin: localhost on its own port, while the API is 127.0.0.1 on another.
const origin = `http://localhost:${pagePort}`;
const server = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>dashboard</title>'));
await new Promise((resolve) => server.listen(pagePort, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(origin);
  const call = (url, init) => page.evaluate(async ([url, init]) => {
    try {
      const response = await fetch(url, init);
      const body = await response.text();
      return { status: response.status, etag: response.headers.get('ETag'), body: body.slice(0, 300) };
    } catch (e) {
      return { blocked: String(e) };
    }
  }, [url, init]);

  const rest = await call(`${api}/v1/documents?limit=1`);
  check('REST GET from another origin', rest.status === 200 && rest.body.includes('"items"'), JSON.stringify(rest));
  check('the ETag header is readable by the page', typeof rest.etag === 'string' && rest.etag.length > 0, JSON.stringify(rest));
  const query = '{ documents(first: 1) { edges { node { id } } } }';
  const graphGet = await call(`${api}/graphql?query=${encodeURIComponent(query)}`);
  check('GraphQL GET from another origin', graphGet.status === 200 && graphGet.body.includes('"documents"'), JSON.stringify(graphGet));
  const preflightsBefore = (readFileSync(apiLog, 'utf8').match(/OPTIONS \/graphql /g) ?? []).length;
  const graphPost = await call(`${api}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query }) });
  check('GraphQL POST (application/json) from another origin', graphPost.status === 200 && graphPost.body.includes('"documents"'), JSON.stringify(graphPost));
  await new Promise((resolve) => setTimeout(resolve, 500)); // the request log line is written after the answer
  const preflights = (readFileSync(apiLog, 'utf8').match(/OPTIONS \/graphql /g) ?? []).length - preflightsBefore;
  check('the POST was preceded by a preflight the API answered', preflights >= 1, `${preflights} OPTIONS /graphql in the API log`);
  const admin = await call(`${api}/v1/admin/ingest`, { method: 'POST', headers: { Authorization: 'Bearer kzr_000000000000_x' } });
  check('POST /v1/admin/ingest is blocked cross-origin', 'blocked' in admin, JSON.stringify(admin));
  const webhooks = await call(`${api}/v1/webhooks`, { headers: { 'X-Api-Key': 'kzr_000000000000_x' } });
  check('GET /v1/webhooks with a key is blocked cross-origin', 'blocked' in webhooks, JSON.stringify(webhooks));

  for (const [path, ready] of [['/graphql/ui', '.graphiql-container'], ['/swagger/index.html', '.swagger-ui .info']]) {
    const ui = await browser.newPage();
    const violations = [];
    ui.on('console', (message) => /Content Security Policy/i.test(message.text()) && violations.push(message.text()));
    ui.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
    await ui.addInitScript(() => document.addEventListener('securitypolicyviolation',
      (e) => console.log(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)));
    const response = await ui.goto(`${api}${path}`);
    let rendered = true;
    try {
      await ui.waitForSelector(ready, { timeout: 20000 });
    } catch {
      rendered = false;
    }
    await ui.waitForTimeout(500);
    check(`${path} renders under its Content-Security-Policy`, response?.status() === 200 && rendered && response.headers()['content-security-policy'],
      `status ${response?.status()}, rendered ${rendered}`);
    check(`${path} causes no CSP violation`, violations.length === 0, violations.slice(0, 3).join(' | '));
    // The listener itself: an image from another origin is refused by img-src (before any request) and reported.
    await ui.evaluate(() => document.body.appendChild(Object.assign(document.createElement('img'), { src: 'http://blocked.invalid/pixel.png' })));
    await ui.waitForTimeout(500);
    check(`${path}: a violation would be seen (an image from another origin is reported)`, violations.some((v) => v.includes('img-src')),
      violations.join(' | ') || 'nothing reported');
    await ui.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
