// CI: checks the deliveries captured by receiver.mjs with the standardwebhooks library, outside the API's own tests.
// Usage: node verify.mjs CAPTURE_FILE SECRET RELEASE_ID. Prints one PASS/FAIL line per check.
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';

const [captureFile, secret, release] = process.argv.slice(2);
const check = (name, ok, detail = '') => console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
const verifies = (webhook, body, headers) => {
  try {
    webhook.verify(body, headers);
    return true;
  } catch {
    return false;
  }
};

const captured = readFileSync(captureFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
check('the receiver got a delivery', captured.length > 0, 'nothing captured');
const delivery = captured[0] ?? { headers: {}, body: '{}' };
check('the receiver verified every delivery with standardwebhooks', captured.every((d) => d.verified), captured.map((d) => d.error).join('; '));
const webhook = new Webhook(secret);
check('standardwebhooks verifies the captured delivery again', verifies(webhook, delivery.body, delivery.headers));
check('webhook-id is a message id', /^msg_[0-9a-f]{24}$/.test(delivery.headers['webhook-id'] ?? ''), delivery.headers['webhook-id']);
check('webhook-signature is v1,<base64>', /^v1,[A-Za-z0-9+/]+=*$/.test(delivery.headers['webhook-signature'] ?? ''), delivery.headers['webhook-signature']);
const payload = JSON.parse(delivery.body);
check('the payload announces the new release', payload.type === 'release.published' && payload.data?.release === release, delivery.body.slice(0, 200));
check('the payload links the release and its changes',
  payload.data?.links?.release === `/v1/releases/${release}` && payload.data?.links?.changes === `/v1/releases/${release}/changes`);
check('the payload summarises the changes', payload.data?.summary?.total > 0 && payload.data?.summary?.byType?.paragraph?.changed >= 1);
check('a changed body does not verify', !verifies(webhook, delivery.body.replace(release, 'forged'), delivery.headers));
check('another secret does not verify', !verifies(new Webhook(Buffer.alloc(32, 7).toString('base64')), delivery.body, delivery.headers));
