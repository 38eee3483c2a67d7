// Runs Pullfix policy CASEs (the `pullfix policy eval` format) through @cloud-copilot/iam-simulate, all in one
// process: argv[2] is a JSON array of {"id": ..., "case": {...}}; prints one JSON line per case:
// {"id": ..., "result": "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied"} or {"id": ..., "error": "..."}.
'use strict';
const fs = require('fs');
const { runSimulation, anonymousPrincipal } = require('@cloud-copilot/iam-simulate');

function named(list, prefix) {
  return (list || []).map((p, i) => ({ name: prefix + i, policy: p }));
}

function accountOf(c) {
  if (c.resourceAccount) return c.resourceAccount;
  const parts = (c.resourceArn || '*').split(':');
  if (parts.length >= 6 && parts[4]) return parts[4];
  const caller = (c.principalArn || '').split(':');
  return caller.length >= 5 && caller[4] ? caller[4] : '000000000000';
}

function simulation(c) {
  return {
    request: {
      principal: c.principalArn ? c.principalArn : anonymousPrincipal,
      action: c.action,
      resource: { resource: c.resourceArn || '*', accountId: accountOf(c) },
      contextVariables: c.context || {},
    },
    identityPolicies: named(c.identityPolicies, 'identity'),
    serviceControlPolicies: (c.scps || []).map((p, i) => ({ orgIdentifier: 'level' + i, policies: [{ name: 'scp' + i, policy: p }] })),
    resourceControlPolicies: [],
    resourcePolicy: c.resourcePolicy || undefined,
    permissionBoundaryPolicies: c.permissionsBoundary ? [{ name: 'boundary', policy: c.permissionsBoundary }] : undefined,
    vpcEndpointPolicies: c.vpcEndpointPolicies && c.vpcEndpointPolicies.length ? named(c.vpcEndpointPolicies, 'endpoint') : undefined,
  };
}

async function main() {
  const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const out = [];
  for (const { id, case: c } of cases) {
    try {
      const r = await runSimulation(simulation(c), { simulationMode: 'Strict' });
      if (r.resultType === 'error') {
        out.push(JSON.stringify({ id, error: JSON.stringify(r.errors) }));
      } else if (r.resultType === 'single') {
        out.push(JSON.stringify({ id, result: r.result.analysis.result, ignored: r.result.ignoredContextKeys || [] }));
      } else {
        out.push(JSON.stringify({ id, result: r.overallResult }));
      }
    } catch (e) {
      out.push(JSON.stringify({ id, error: String(e && e.message || e) }));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e) => { console.error(e); process.exit(2); });
