// Start-up probe for bench/aot-run: spawns the connector (detached, output to a log) and POSTs the prepared extension body
// every 2 ms until the first 200 answer; prints {"pid":N,"ms":T,"cpuMs":C} with T = ms from spawn to that answer and C
// the CPU time the connector had used by then. The connector keeps
// running (the caller measures and stops it). Node itself is up before the spawn, so its own start-up is not counted.
// Usage: node first-answer.mjs <log> <bodyFile> <url> <authorization> <deadlineMs> -- <command> [args...]
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

const [log, bodyFile, url, authorization, deadlineText, dashes, command, ...args] = process.argv.slice(2);
if (dashes !== '--' || !command) throw new Error('usage: first-answer.mjs <log> <bodyFile> <url> <authorization> <deadlineMs> -- <command> [args...]');
const body = readFileSync(bodyFile);
const deadline = Number(deadlineText);

const post = () => new Promise(resolve => {
  const req = request(url, {
    method: 'POST', agent: false,
    headers: { authorization, 'content-type': 'application/json', 'content-length': body.length },
  }, res => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
  req.on('error', () => resolve(0));
  req.end(body);
});
await post(); // warms node's HTTP stack (nothing listens yet: refused at once)

const out = openSync(log, 'a');
const started = performance.now();
const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out] });
child.unref();
let exited = null;
child.on('exit', code => { exited = code; });

for (;;) {
  const status = await post();
  const elapsed = performance.now() - started;
  if (status === 200) {
    // CPU time the connector used so far (user + system, in clock ticks of 10 ms): start-up cost without the wait for a core.
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    console.log(JSON.stringify({ pid: child.pid, ms: Math.round(elapsed), cpuMs: (Number(stat[11]) + Number(stat[12])) * 10 }));
    process.exit(0);
  }
  if (exited !== null) throw new Error(`the connector exited with ${exited} before answering (see ${log})`);
  if (status !== 0) throw new Error(`the first answer was ${status}, not 200 (see ${log})`);
  if (elapsed > deadline) {
    process.kill(child.pid, 'SIGTERM');
    throw new Error(`no answer within ${deadline} ms (see ${log})`);
  }
  await new Promise(r => setTimeout(r, 2));
}
