/**
 * Replays a demo call's PBX events against a running server, signed like a real PBX would:
 * ringing now, answered 4 s later, ended after the talk.
 *
 *   VIZIT_URL=http://localhost:3000 VIZIT_CLINIC=<clinic id> VIZIT_TELEPHONY_SECRET=<secret> \
 *   VIZIT_LINE=desk-1 VIZIT_FROM="+7 921 000-00-00" npm run telephony:replay
 *
 * The clinic id and the secret are shown in «Клиника» → «Телефония» (the secret only when generated).
 */
import { createHmac, randomUUID } from 'node:crypto';

const env = (k: string, d?: string) => {
  const v = process.env[k] ?? d;
  if (!v) {
    console.error(`Set ${k} (see the header of scripts/telephony-replay.ts)`);
    process.exit(2);
  }
  return v;
};
const base = env('VIZIT_URL', 'http://localhost:3000').replace(/\/$/, '');
const clinic = env('VIZIT_CLINIC');
const secret = env('VIZIT_TELEPHONY_SECRET');
const line = env('VIZIT_LINE', 'desk-1');
const from = env('VIZIT_FROM', '+7 921 000-00-00');
const answerAfterMs = Number(process.env.VIZIT_ANSWER_AFTER_MS ?? 4000);
const talkMs = Number(process.env.VIZIT_TALK_MS ?? 20000);
const callId = `demo-${randomUUID()}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function send(event: 'ringing' | 'answered' | 'ended') {
  const body = JSON.stringify({ event, callId, from, to: line, line, at: new Date().toISOString() });
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
  const r = await fetch(`${base}/api/telephony/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vizit-clinic': clinic, 'x-vizit-timestamp': ts, 'x-vizit-signature': `sha256=${sig}` },
    body,
  });
  console.log(`${event}: ${r.status} ${await r.text()}`);
  if (!r.ok) process.exit(1);
}

await send('ringing');
await sleep(answerAfterMs);
await send('answered');
await sleep(talkMs);
await send('ended');
