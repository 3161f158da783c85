// Runs the graphql-http GraphQL-over-HTTP server audits against a running KzRights API.
// Usage: node audit.mjs [url]   (or GRAPHQL_AUDIT_URL=...; default http://127.0.0.1:5099/graphql)
// Exits 1 when any MUST audit fails (or an audit crashes); SHOULD and MAY failures are reported but tolerated.
import { serverAudits } from 'graphql-http';

const url = process.argv[2] ?? process.env.GRAPHQL_AUDIT_URL ?? 'http://127.0.0.1:5099/graphql';
const levels = ['MUST', 'SHOULD', 'MAY'];
const counts = Object.fromEntries(levels.map((l) => [l, { passed: 0, failed: 0 }]));
let fatal = 0;

console.log(`GraphQL over HTTP audit of ${url}`);
for (const audit of serverAudits({ url })) {
  const level = levels.find((l) => audit.name.startsWith(l)) ?? 'MAY';
  let result;
  try {
    result = await audit.fn();
  } catch (error) {
    // graphql-http treats anything but an assertion failure as fatal (server down, bad JSON where JSON is needed).
    fatal++;
    counts[level].failed++;
    console.log(`FATAL ${audit.id} ${audit.name}: ${error?.message ?? error}`);
    continue;
  }

  if (result.status === 'ok') {
    counts[level].passed++;
    console.log(`ok    ${result.id} ${result.name}`);
  } else {
    counts[level].failed++;
    let body = '';
    try {
      body = (await result.response.text()).slice(0, 300);
    } catch {
      // the body may already have been read by the audit
    }
    console.log(`${result.status.padEnd(5)} ${result.id} ${result.name}: ${result.reason}${body ? ` | ${result.response.status} ${body}` : ''}`);
  }
}

console.log('');
for (const level of levels) {
  console.log(`${level}: ${counts[level].passed} passed, ${counts[level].failed} failed`);
}

const passed = levels.reduce((n, l) => n + counts[l].passed, 0);
const failed = levels.reduce((n, l) => n + counts[l].failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(counts.MUST.failed > 0 || fatal > 0 ? 1 : 0);
