/**
 * The floor for read figures, run as its own process: node:http answering every request from memory with the
 * bytes and headers Parley sent for the same read. Nothing can serve those bytes over HTTP on this machine much
 * faster, so Parley's rate over this one says how much of the machine the server's own work takes.
 * Usage: floor-server.ts FILE HEADERS_JSON; prints "listening on URL".
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const [file, headersJson] = process.argv.slice(2);
if (!file || !headersJson) throw new Error('Usage: floor-server.ts FILE HEADERS_JSON');
const body = readFileSync(file);
const headers = { ...(JSON.parse(headersJson) as Record<string, string>), 'content-length': String(body.length) };

const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
