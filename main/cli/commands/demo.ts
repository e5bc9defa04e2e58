import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AttestError } from '../../core/errors';
import { createDemoWorkspace, DEMO_PASSPHRASE } from '../../core/demo/demo';
import { buildDemoFile } from '../../core/demo/demo-file';
import type { CliCommand } from '../command';
import { withCore } from '../cli-core';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: `Create a demo workspace with sample data (passphrase "${DEMO_PASSPHRASE}", or ATTEST_PASSPHRASE).`,
  usage: '<file> [--if-missing]',
  options: { 'if-missing': { type: 'boolean', default: false } },
  async run({ positionals, values, io }) {
    const file = positionals[0];
    if (!file) throw new AttestError('USAGE', 'Missing the file to create. Usage: attest demo <file>');
    const path = resolve(file);
    if (values['if-missing'] === true && existsSync(path)) {
      return { value: { path, created: false }, human: `${path} already exists; left as it is.` };
    }
    const passphrase = io.env.ATTEST_PASSPHRASE || DEMO_PASSPHRASE;
    const { seeded } = await buildDemoFile(path, (temp) => withCore(io, (core) => createDemoWorkspace(core, temp, passphrase)));
    return {
      value: { path, created: true, seeded },
      human: [
        `Created the demo workspace ${path}.`,
        `Passphrase: ${passphrase === DEMO_PASSPHRASE ? DEMO_PASSPHRASE : '(from ATTEST_PASSPHRASE)'}`,
        'Contains:',
        ...seeded.map((s) => `  - ${s}`),
      ].join('\n'),
    };
  },
};
