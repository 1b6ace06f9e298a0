// A scripted conversation through the real Direct Line client (botframework-directlinejs, polling),
// as a resident would have it. Prints one JSON line: every step with its latency, then p50/p95.
// usage: node directline-conversation.js --origin http://127.0.0.1:PORT --script script.json [--repeat N] [--polling MS]
'use strict';
global.XMLHttpRequest = require('xhr2');
const { DirectLine } = require('botframework-directlinejs');
const fs = require('fs');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const origin = args.origin;
const script = JSON.parse(fs.readFileSync(args.script, 'utf8'));
const repeat = Number(args.repeat || 1);
const polling = Number(args.polling || 1000);
const timeoutMs = 20000;

function describe(activity) {
  const parts = [activity.text || ''];
  const actions = activity.suggestedActions && activity.suggestedActions.actions;
  if (actions) parts.push('[' + actions.map(a => a.title).join('|') + ']');
  for (const a of activity.attachments || []) parts.push(JSON.stringify(a.content || {}));
  return parts.join(' ');
}

function nextBotMessage(inbox, predicate) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no bot reply within ' + timeoutMs + ' ms')), timeoutMs);
    const check = () => {
      const found = inbox.find(a => a.type === 'message' && a.from && a.from.role === 'bot' && predicate(a));
      if (found) { clearTimeout(timer); resolve(found); return true; }
      return false;
    };
    if (!check()) inbox.waiters.push(check);
  });
}

async function converse(round) {
  const session = await (await fetch(origin + '/api/chat/token', { method: 'POST' })).json();
  // Polling only; node has no WebSocket the client could fall back to, so it is given a stub it never uses.
  const directLine = new DirectLine({
    domain: origin + '/v3/directline', token: session.token, webSocket: false, pollingInterval: polling, WebSocket: class {},
  });
  const inbox = [];
  inbox.waiters = [];
  const subscription = directLine.activity$.subscribe(activity => {
    inbox.push(activity);
    inbox.waiters = inbox.waiters.filter(check => !check());
  });
  const userId = 'js-' + round + '-' + Date.now();
  const steps = [];
  try {
    const greeting = await nextBotMessage(inbox, () => true);
    steps.push({ say: '(start)', reply: describe(greeting), ok: describe(greeting).includes('共建小助手') });
    for (const step of script) {
      const started = Date.now();
      const id = await new Promise((resolve, reject) => directLine.postActivity({
        type: 'message', from: { id: userId, role: 'user' }, text: step.say, locale: 'zh-CN',
      }).subscribe(resolve, reject));
      const reply = await nextBotMessage(inbox, a => a.replyToId === id);
      const ms = Date.now() - started;
      const text = describe(reply);
      // The server stamps both the user's activity and the reply: their difference is the bot's own time.
      const echo = inbox.find(a => a.id === id);
      const serverMs = echo ? Date.parse(reply.timestamp) - Date.parse(echo.timestamp) : undefined;
      steps.push({ say: step.say, expect: step.expect, reply: text, ms, serverMs, ok: text.includes(step.expect) });
    }
  } finally {
    subscription.unsubscribe();
    directLine.end();
  }
  return steps;
}

(async () => {
  const all = [];
  for (let round = 0; round < repeat; round++) all.push(...await converse(round));
  const sorted = key => all.filter(s => s[key] !== undefined).map(s => s[key]).sort((a, b) => a - b);
  const pick = (values, q) => values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)];
  const latencies = sorted('ms');
  const server = sorted('serverMs');
  const result = {
    ok: all.every(s => s.ok), samples: latencies.length, pollingInterval: polling,
    p50: pick(latencies, 0.5), p95: pick(latencies, 0.95), serverP50: pick(server, 0.5), serverP95: pick(server, 0.95), steps: all,
  };
  console.log(JSON.stringify(result));
  process.exit(result.ok ? 0 : 1);
})().catch(error => {
  console.log(JSON.stringify({ ok: false, error: String(error && error.stack || error) }));
  process.exit(2);
});
