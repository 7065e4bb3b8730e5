// An OTLP/HTTP metrics receiver for the end-to-end tests. It decodes every POST /v1/metrics with the protobufjs
// types that OpenTelemetry JS generated from the published OTLP schema (@opentelemetry/otlp-transformer 0.52.1),
// so the decoding is not ours, and appends each request as one JSON line to the file given as the first argument.
// It listens on 127.0.0.1 on a free port and prints "listening <port>" once ready; the test stops it by its PID.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const generated = path.join(__dirname, 'node_modules', '@opentelemetry', 'otlp-transformer', 'build', 'src', 'generated', 'root.js');
const root = require(generated);
const ExportMetricsServiceRequest = root.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
const ExportMetricsServiceResponse = root.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
const output = process.argv[2];
if (!output) {
  console.error('usage: node receiver.js OUTPUT.jsonl');
  process.exit(2);
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', chunk => chunks.push(chunk));
  request.on('end', () => {
    if (request.method !== 'POST' || request.url !== '/v1/metrics') {
      response.writeHead(404).end();
      return;
    }
    try {
      const message = ExportMetricsServiceRequest.decode(Buffer.concat(chunks));
      // Enums as names (AGGREGATION_TEMPORALITY_CUMULATIVE), 64-bit integers as strings (exact), and each oneof's
      // chosen field named ("data": "histogram", "value": "asDouble").
      const json = ExportMetricsServiceRequest.toObject(message, { enums: String, longs: String, defaults: true, arrays: true, oneofs: true });
      json.contentType = request.headers['content-type'];
      fs.appendFileSync(output, JSON.stringify(json) + '\n');
      const body = ExportMetricsServiceResponse.encode(ExportMetricsServiceResponse.create({})).finish();
      response.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end(Buffer.from(body));
    } catch (error) {
      console.error('decode failed: ' + error);
      response.writeHead(400).end(String(error));
    }
  });
});

server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
