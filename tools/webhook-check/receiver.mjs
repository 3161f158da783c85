// CI: a webhook receiver as an integrator would write it, verifying each delivery with the Standard Webhooks reference
// library (standardwebhooks). Usage: node receiver.mjs PORT SECRET_FILE CAPTURE_FILE
// The secret is read at each request (the subscription is registered after the receiver starts). Every request is
// appended to CAPTURE_FILE as one JSON line (headers, body, whether it verified); verified ones answer 204, others 401.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const [port, secretFile, captureFile] = process.argv.slice(2);
createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let verified = false;
    let error = null;
    try {
      const secret = existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : '';
      new Webhook(secret).verify(body, request.headers);
      verified = true;
    } catch (e) {
      error = String(e?.message ?? e);
    }
    const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, request.headers[h]]));
    appendFileSync(captureFile, JSON.stringify({ headers, body, verified, error }) + '\n');
    response.writeHead(verified ? 204 : 401).end();
  });
}).listen(Number(port), '127.0.0.1');
