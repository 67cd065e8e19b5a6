// Counting proxy for bench/run: forwards every request on LISTEN_PORT to TARGET and counts it by "METHOD /path"
// (ids collapsed), so the benchmark can report upstream calls per connector operation.
// Usage: node proxy.mjs <listenPort> <targetBaseUrl>   control: GET /__counts, POST /__reset (never forwarded)
import http from 'node:http';

const [listenPort, target] = process.argv.slice(2);
const upstream = new URL(target);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let counts = {};

// Ids differ per request; the route is what matters ("GET /v2/checkout/orders/{id}").
const route = (method, path) => method + ' ' + path.split('?')[0]
  .split('/')
  .map(s => (/^[0-9A-Z]{12,}$/.test(s) || /^[0-9a-f-]{36}$/.test(s) || /^key=/.test(s) ? '{id}' : s))
  .join('/');

http.createServer((req, res) => {
  if (req.url === '/__counts') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(counts));
    return;
  }
  if (req.url === '/__reset') {
    counts = {};
    res.writeHead(204);
    res.end();
    return;
  }
  const key = route(req.method, req.url);
  counts[key] = (counts[key] ?? 0) + 1;
  const forward = http.request({
    agent, host: upstream.hostname, port: upstream.port, method: req.method, path: req.url,
    headers: { ...req.headers, host: upstream.host },
  }, up => {
    res.writeHead(up.statusCode, up.headers);
    up.pipe(res);
  });
  forward.on('error', e => { res.writeHead(502); res.end(String(e)); });
  req.pipe(forward);
}).listen(Number(listenPort), '127.0.0.1', () => console.log(`proxy 127.0.0.1:${listenPort} -> ${target}`));
